// The four-validator local testnet started by scripts/local-testnet.sh: blocks finalize, and
// they keep finalizing with one of the four validators killed (GRANDPA needs three of four).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { connect, finalizedNumber, nodeBinary, repoRoot, rpcCall, waitFor } from './lib/node.js';

const run = promisify(execFile);
const script = path.join(repoRoot, 'scripts', 'local-testnet.sh');
const NAMES = ['alice', 'bob', 'charlie', 'dave'];

async function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A base port with `count` free consecutive ports for each of three ranges. */
async function freePortBases(count) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20000 + Math.floor(Math.random() * 35000);
    const ports = [];
    for (const offset of [0, 100, 200]) {
      for (let i = 0; i < count; i += 1) ports.push(base + offset + i);
    }
    const free = await Promise.all(ports.map(portIsFree));
    if (free.every(Boolean)) return { p2p: base, rpc: base + 100, prometheus: base + 200 };
  }
  throw new Error('no free port range found');
}

describe('scripts/local-testnet.sh', () => {
  let env;
  let netDir;
  let ports;
  const apis = [];

  before(async () => {
    netDir = mkdtempSync(path.join(os.tmpdir(), 'zkinfer-net-'));
    ports = await freePortBases(NAMES.length);
    env = {
      ...process.env,
      ZKINFER_NODE: nodeBinary(),
      ZKINFER_NET_DIR: netDir,
      ZKINFER_NET_P2P_PORT: String(ports.p2p),
      ZKINFER_NET_RPC_PORT: String(ports.rpc),
      ZKINFER_NET_PROM_PORT: String(ports.prometheus),
    };
    try {
      await run('bash', [script, '--detach'], { env, timeout: 240_000 });
    } catch (error) {
      const logs = NAMES.map((n) => {
        try { return `--- ${n}\n${readFileSync(path.join(netDir, `${n}.log`), 'utf8').slice(-3000)}`; } catch { return ''; }
      }).join('\n');
      await run('bash', [script, 'stop'], { env }).catch(() => {});
      throw new Error(`${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}\n${logs}`);
    }
  });

  after(async () => {
    for (const api of apis) await api.disconnect().catch(() => {});
    if (env) await run('bash', [script, 'stop'], { env }).catch(() => {});
    if (netDir) rmSync(netDir, { recursive: true, force: true });
  });

  test('four validators author blocks and finalize them', async () => {
    for (let i = 0; i < NAMES.length; i += 1) {
      apis.push(await connect(`ws://127.0.0.1:${ports.rpc + i}`, null, 30_000));
    }
    const alice = apis[0];
    const validators = (await alice.query.session.validators()).map(String);
    assert.equal(validators.length, 4);
    const authorities = await alice.query.aura.authorities();
    assert.equal(authorities.length, 4);

    // Every node sees the three others.
    for (let i = 0; i < NAMES.length; i += 1) {
      await waitFor(async () => (await rpcCall(ports.rpc + i, 'system_health')).peers >= 3, 60_000, `${NAMES[i]} to see 3 peers`);
    }

    // Blocks come from more than one author: Aura's slot in each header's pre-runtime digest
    // names the author (slot modulo the number of authorities).
    const start = await finalizedNumber(alice);
    await waitFor(async () => (await finalizedNumber(alice)) >= start + 4, 90_000, 'four more finalized blocks');
    const authorsSeen = new Set();
    const finalized = await finalizedNumber(alice);
    for (let n = Math.max(1, finalized - 5); n <= finalized; n += 1) {
      const header = await alice.rpc.chain.getHeader(await alice.rpc.chain.getBlockHash(n));
      const preRuntime = header.digest.logs.find((log) => log.isPreRuntime);
      const slot = alice.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
      authorsSeen.add(slot % BigInt(authorities.length));
    }
    assert.ok(authorsSeen.size >= 2, 'all recent blocks came from one author');
  });

  test('finality continues with one validator killed', async () => {
    await apis.pop().disconnect();
    const pid = Number(readFileSync(path.join(netDir, 'dave.pid'), 'utf8').trim());
    process.kill(pid, 'SIGKILL');
    await waitFor(async () => {
      try { process.kill(pid, 0); return false; } catch { return true; }
    }, 10_000, 'dave to exit');

    const alice = apis[0];
    const atKill = await finalizedNumber(alice);
    await waitFor(async () => (await finalizedNumber(alice)) >= atKill + 5, 120_000,
      `finality to pass #${atKill + 5} without dave`);

    // The other live validators agree on the finalized chain.
    const finalized = await finalizedNumber(alice);
    const hash = (await alice.rpc.chain.getBlockHash(finalized)).toHex();
    for (const api of apis.slice(1, 3)) {
      await waitFor(async () => (await finalizedNumber(api)) >= finalized, 30_000, 'peers to catch up');
      assert.equal((await api.rpc.chain.getBlockHash(finalized)).toHex(), hash);
    }
  });
});
