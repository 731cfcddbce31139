// The committed chain specs are exactly what chain-spec/generate.sh produces from the current
// runtime, and they start a node.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

import { nodeBinary, repoRoot } from './lib/node.js';

const run = promisify(execFile);

test('chain-spec/dev.json and local.json equal what generate.sh produces now', async () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'zkinfer-spec-'));
  try {
    await run('bash', [path.join(repoRoot, 'chain-spec', 'generate.sh'), outDir], {
      env: { ...process.env, ZKINFER_NODE: nodeBinary() },
    });
    for (const name of ['dev.json', 'local.json']) {
      const committed = readFileSync(path.join(repoRoot, 'chain-spec', name), 'utf8');
      const generated = readFileSync(path.join(outDir, name), 'utf8');
      const spec = JSON.parse(generated);
      // Compare the readable parts first for a useful message, then the whole file.
      const { code, ...patchPart } = spec.genesis.runtimeGenesis;
      const committedSpec = JSON.parse(committed);
      const { code: committedCode, ...committedPatch } = committedSpec.genesis.runtimeGenesis;
      assert.deepEqual(committedPatch, patchPart, `${name}: genesis differs; run chain-spec/generate.sh`);
      assert.ok(committedCode === code, `${name}: runtime code differs; run chain-spec/generate.sh`);
      assert.equal(committed, generated, `${name} is stale; run chain-spec/generate.sh`);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});

test('the committed local spec names four validators and the dev spec one; only the dev spec has sudo', () => {
  const dev = JSON.parse(readFileSync(path.join(repoRoot, 'chain-spec', 'dev.json'), 'utf8'));
  const local = JSON.parse(readFileSync(path.join(repoRoot, 'chain-spec', 'local.json'), 'utf8'));
  assert.equal(dev.chainType, 'Development');
  assert.equal(local.chainType, 'Local');
  assert.equal(dev.genesis.runtimeGenesis.patch.session.keys.length, 1);
  assert.equal(local.genesis.runtimeGenesis.patch.session.keys.length, 4);
  const alice = dev.genesis.runtimeGenesis.patch.session.keys[0][0];
  assert.equal(dev.genesis.runtimeGenesis.patch.sudo.key, alice);
  assert.equal(local.genesis.runtimeGenesis.patch.sudo?.key ?? null, null);
  // Both are development networks: referenda run in minutes.
  for (const spec of [dev, local]) {
    assert.equal(spec.genesis.runtimeGenesis.patch.governanceOrigins.timing, 'Development');
  }
});
