// Throughput of off-chain proving on a --dev node (a benchmark, not a test).
//
//   node bench/throughput.js [--jobs N] [--prover-threads T]
//
// Starts the release node with T proving threads, submits N inferences on the demo model at
// once (one transaction each, consecutive nonces of several accounts), and follows the chain
// until every job is verified. Reports verified jobs per block, the prover's proof time (from
// its Prometheus histogram) and the latency from submission to `InferenceVerified`, in
// seconds and blocks, as percentiles. Prints one JSON object.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { referenceInference, samplePath } from '../e2e/lib/market.js';
import { startDevNode } from '../e2e/lib/node.js';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '16' },
    'prover-threads': { type: 'string', default: '1' },
    timeout: { type: 'string', default: '900' },
  },
});
const JOBS = Number(values.jobs);
const THREADS = Number(values['prover-threads']);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 100) / 100;
  return {
    p50: round(percentile(sorted, 50)), p90: round(percentile(sorted, 90)), p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]), mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
};

async function metric(port, name) {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const match = text.match(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)`, 'm'));
  return match ? Number(match[1]) : undefined;
}

await cryptoWaitReady();
const work = mkdtempSync(path.join(os.tmpdir(), 'zkinfer-throughput-'));
const store = path.join(work, 'model-store');
const node = await startDevNode(['--model-store', store, '--prover-threads', String(THREADS)]);
try {
  const { api } = node;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const senders = ['//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'].map((uri) => keyring.addFromUri(uri));
  const record = (await api.query.modelRegistry.models(0)).unwrap();
  const artifact = path.join(store, record.spec.artifact.toHex().slice(2));
  // Wait for the node to have compiled the demo model into its store.
  for (let i = 0; i < 100; i += 1) {
    try { referenceInference(artifact, samplePath('digits_mlp', 0), work); break; } catch { await new Promise((r) => setTimeout(r, 300)); }
  }
  const inputs = [0, 1, 2, 3, 4].map((i) => referenceInference(artifact, samplePath('digits_mlp', i), work).input);
  const price = (await api.call.inferenceMarketApi.quote(0)).asOk.toBigInt();

  const jobs = new Map(); // job id → { sentAt, submittedBlock, verifiedAt, verifiedBlock }
  const pending = new Map(); // tx hash → sentAt
  const verifiedPerBlock = new Map();
  let done;
  const finished = new Promise((resolve) => { done = resolve; });
  const unsubscribe = await api.rpc.chain.subscribeNewHeads(async (header) => {
    const number = header.number.toNumber();
    const events = await (await api.at(header.hash)).query.system.events();
    const now = Date.now();
    let verified = 0;
    for (const { event } of events) {
      if (api.events.inferenceMarket.InferenceVerified.is(event)) {
        const job = jobs.get(event.data.job.toNumber());
        if (job && job.verifiedAt === undefined) {
          job.verifiedAt = now;
          job.verifiedBlock = number;
          verified += 1;
        }
      }
    }
    if (verified > 0) verifiedPerBlock.set(number, verified);
    if (jobs.size === JOBS && [...jobs.values()].every((j) => j.verifiedAt !== undefined)) done();
  });

  const started = Date.now();
  const nonces = await Promise.all(senders.map(async (s) => (await api.rpc.system.accountNextIndex(s.address)).toNumber()));
  await Promise.all(Array.from({ length: JOBS }, (_, i) => new Promise((resolve, reject) => {
    const sender = i % senders.length;
    const nonce = nonces[sender] + Math.floor(i / senders.length);
    const sentAt = Date.now();
    let unsub = () => {};
    api.tx.inferenceMarket.submitInference(0, inputs[i % inputs.length], price)
      .signAndSend(senders[sender], { nonce }, (result) => {
        if (result.status.isInBlock) {
          const submitted = result.events.find(({ event }) => api.events.inferenceMarket.InferenceSubmitted.is(event));
          if (!submitted) { unsub(); reject(new Error(`job ${i} failed: ${result.dispatchError}`)); return; }
          jobs.set(submitted.event.data.job.toNumber(), { sentAt, submittedBlock: undefined, hash: result.status.asInBlock });
          unsub();
          resolve();
        } else if (result.isError) { unsub(); reject(new Error(`job ${i}: ${result.status.type}`)); }
      }).then((u) => { unsub = u; }, reject);
  })));
  for (const job of jobs.values()) {
    job.submittedBlock = (await api.rpc.chain.getHeader(job.hash)).number.toNumber();
  }
  const timeout = setTimeout(() => done(), Number(values.timeout) * 1000);
  await finished;
  clearTimeout(timeout);
  unsubscribe();

  const all = [...jobs.values()];
  const settled = all.filter((j) => j.verifiedAt !== undefined);
  const blocks = [...verifiedPerBlock.keys()].sort((a, b) => a - b);
  const span = blocks.length ? blocks[blocks.length - 1] - Math.min(...all.map((j) => j.submittedBlock)) : 0;
  const proofs = await metric(node.prometheusPort, 'zkinfer_prover_proof_seconds_count');
  const proofSeconds = await metric(node.prometheusPort, 'zkinfer_prover_proof_seconds_sum');
  console.log(JSON.stringify({
    jobs: JOBS,
    proverThreads: THREADS,
    verified: settled.length,
    wallSeconds: Math.round((Date.now() - started) / 100) / 10,
    verifiedPerBlock: {
      max: Math.max(0, ...verifiedPerBlock.values()),
      meanOverSpan: span ? Math.round((settled.length / span) * 100) / 100 : 0,
      spanBlocks: span,
    },
    proofSeconds: { count: proofs, mean: proofs ? Math.round((proofSeconds / proofs) * 1000) / 1000 : undefined },
    latencySeconds: settled.length ? summary(settled.map((j) => (j.verifiedAt - j.sentAt) / 1000)) : undefined,
    latencyBlocks: settled.length ? summary(settled.map((j) => j.verifiedBlock - j.submittedBlock)) : undefined,
  }, null, 2));
} finally {
  await node.stop();
  rmSync(work, { recursive: true, force: true });
}
