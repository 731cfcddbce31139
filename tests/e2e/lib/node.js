// Starting and stopping real zkinfer-node processes for the end-to-end tests.
//
// Every node a test starts is stopped by that test (in a `finally`), and also when the test
// process exits for any reason, so a failing test never leaves a node behind.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ApiPromise, WsProvider } from '@polkadot/api';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository's root directory. */
export const repoRoot = path.resolve(here, '..', '..', '..');

/** The release node binary, built once by the test command and reused by every test. */
export function nodeBinary() {
  const fromEnv = process.env.ZKINFER_NODE;
  const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), '.cache', 'zkinfer-target');
  const binary = fromEnv ?? path.join(targetDir, 'release', 'zkinfer-node');
  if (!existsSync(binary)) {
    throw new Error(`zkinfer-node not found at ${binary}: run 'cargo build --release -p zkinfer-node' or set ZKINFER_NODE`);
  }
  return binary;
}

/** The release prover-worker binary, built by the test command next to the node. */
export function proverBinary() {
  const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), '.cache', 'zkinfer-target');
  const binary = process.env.ZKINFER_PROVER ?? path.join(targetDir, 'release', 'prover-worker');
  if (!existsSync(binary)) {
    throw new Error(`prover-worker not found at ${binary}: run 'cargo build --release -p prover-worker' or set ZKINFER_PROVER`);
  }
  return binary;
}

/** A TCP port that is free on the loopback interface right now. */
export async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

const running = new Set();

function killAll() {
  for (const child of running) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { killAll(); process.exit(130); });
}

/** Stops a child process: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    running.delete(child);
    return;
  }
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  running.delete(child);
}

/**
 * Starts `zkinfer-node --dev --tmp` on free ports and connects @polkadot/api to it.
 * Returns `{ api, rpcPort, p2pPort, prometheusPort, logs, stop }`; `stop()` disconnects and
 * stops the node and is safe to call twice.
 */
export async function startDevNode(extraArgs = []) {
  return startNode(['--dev', '--tmp', ...extraArgs]);
}

/**
 * Starts `zkinfer-node` with `args` plus free RPC, P2P and Prometheus ports, and connects
 * @polkadot/api to it. Returns `{ api, rpcPort, p2pPort, prometheusPort, logs, stop }`.
 */
export async function startNode(args) {
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const prometheusPort = await freePort();
  const fullArgs = [
    ...args,
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--prometheus-port', String(prometheusPort),
    '--no-telemetry', '--no-mdns',
  ];
  const child = spawn(nodeBinary(), fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const logs = [];
  const keep = (chunk) => {
    logs.push(chunk.toString());
    if (logs.length > 400) logs.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let api;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (api) await api.disconnect().catch(() => {});
    await stopProcess(child);
  };

  try {
    api = await connect(`ws://127.0.0.1:${rpcPort}`, child, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n--- node log ---\n${logs.join('')}`);
  }
  return { api, rpcPort, p2pPort, prometheusPort, logs, stop };
}

/**
 * Starts the standalone `prover-worker run` with `args`; returns `{ child, lines, stop }`
 * (`lines`: the JSON events it printed so far; `stop()`: SIGTERM, resolves to the exit code).
 */
export function startProverWorker(args) {
  const child = spawn(proverBinary(), ['run', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const lines = [];
  let partial = '';
  child.stdout.on('data', (chunk) => {
    partial += chunk.toString();
    const complete = partial.split('\n');
    partial = complete.pop();
    for (const line of complete) {
      try { lines.push(JSON.parse(line)); } catch { /* progress text */ }
    }
  });
  const stderr = [];
  child.stderr.on('data', (chunk) => { stderr.push(chunk.toString()); if (stderr.length > 200) stderr.shift(); });
  const stop = async () => {
    const exited = child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
    running.delete(child);
    return child.exitCode;
  };
  return { child, lines, stderr, stop };
}

/** Calls a JSON-RPC method over HTTP; resolves to its result, rejects on an RPC error. */
export async function rpcCall(port, method, params = []) {
  const response = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/**
 * Waits until the node's RPC answers over HTTP, then connects @polkadot/api over WebSocket.
 * Fails early if `child` exits, and after `timeoutMs` otherwise.
 */
export async function connect(url, child, timeoutMs) {
  const port = Number(new URL(url).port);
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    if (child && child.exitCode !== null) {
      throw new Error(`zkinfer-node exited with code ${child.exitCode} before its RPC came up`);
    }
    try {
      await rpcCall(port, 'system_health');
      break;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`no RPC at ${url} within ${timeoutMs} ms: ${lastError?.message ?? 'unknown error'}`);
    }
    await sleep(300);
  }
  const provider = new WsProvider(url);
  return ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `predicate` (sync or async) until it is truthy; fails after `timeoutMs`. */
export async function waitFor(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

/** The best block number the node reports. */
export async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/** The finalized block number the node reports. */
export async function finalizedNumber(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(hash)).number.toNumber();
}
