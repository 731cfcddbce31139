// Settlement throughput at the chain's limit (a benchmark, not a test).
//
//   node bench/load.js [--jobs N] [--operators K] [--batch B] [--threads T] [--url ws://…]
//
// Without --url it starts a release `zkinfer-node --dev`; with --url it uses a running chain,
// e.g. the four-validator local network (`scripts/local-testnet.sh --detach`, then
// `--url ws://127.0.0.1:9944`). Every step is a transaction a user could send:
//
// 1. Two referenda on the parameters track (the voters are the development accounts): epochs
//    of 10 blocks, so new nodes serve soon, and a 3-hour assignment deadline, so jobs assigned
//    while the load is proved do not expire.
// 2. Charlie registers a model of its own for the load: the digits MLP again (the demo model's
//    key and artifact), so the genesis nodes, which serve only the demo model and prove it
//    themselves, take none of the load. K operators (`//load-operator-i`, funded by Alice)
//    register nodes for it with capacity and throughput for all N jobs.
// 3. N inferences are submitted by 16 requesters (`//load-requester-i`); the chain assigns them
//    (at most `MaxJobsPerBlock` per block).
// 4. Each operator proves its backlog ahead with `prover-worker prove-assigned` (T threads);
//    nothing is submitted yet.
// 5. The burst: every operator sends its results at once, as `submit_results` transactions of
//    B results. The script follows the blocks until every job is settled.
//
// It prints one JSON object: per block the results verified, the normal-class weight used and
// the block's length; the transactions' declared and charged weights; and submission-to-
// verification latency percentiles (seconds and blocks).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { fieldToNumber } from '../e2e/lib/market.js';
import { startDevNode, waitFor } from '../e2e/lib/node.js';
import { compileDigitsMlp, hex, proverWorker, proverWorkerAsync } from '../e2e/lib/prover.js';
import { minBond, passReferendum } from '../e2e/lib/referendum.js';
import { submitInBlock } from '../e2e/lib/tx.js';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '1000' },
    operators: { type: 'string', default: '4' },
    batch: { type: 'string', default: '250' },
    threads: { type: 'string', default: '2' },
    url: { type: 'string' },
    timeout: { type: 'string', default: '600' },
  },
});
const JOBS = Number(values.jobs);
const OPERATORS = Number(values.operators);
const BATCH = Number(values.batch);
const THREADS = Number(values.threads);
const REQUESTERS = 16;
const UNIT = 10n ** 12n;

const log = (...args) => console.error(new Date().toISOString().slice(11, 19), ...args);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 100) / 100;
  return {
    p50: round(percentile(sorted, 50)), p90: round(percentile(sorted, 90)), p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]),
  };
};

/** Sends `txs` (each `[tx, signer]`) at once, consecutive nonces per signer; resolves when all are in blocks. */
async function sendAll(api, txs) {
  const nonces = new Map();
  for (const [, signer] of txs) {
    if (!nonces.has(signer.address)) nonces.set(signer.address, (await api.rpc.system.accountNextIndex(signer.address)).toNumber());
  }
  return Promise.all(txs.map(([tx, signer]) => new Promise((resolve, reject) => {
    const nonce = nonces.get(signer.address);
    nonces.set(signer.address, nonce + 1);
    let unsub = () => {};
    tx.signAndSend(signer, { nonce }, (result) => {
      if (result.status.isInBlock) {
        unsub();
        if (result.dispatchError) reject(new Error(`${tx.method.section}.${tx.method.method}: ${result.dispatchError}`));
        else resolve(result);
      } else if (result.isError) {
        unsub();
        reject(new Error(`${tx.method.section}.${tx.method.method}: ${result.status.type}`));
      }
    }).then((u) => { unsub = u; }, reject);
  })));
}

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((uri) => keyring.addFromUri(uri));
const operators = Array.from({ length: OPERATORS }, (_, i) => keyring.addFromUri(`//load-operator-${i}`));
const requesters = Array.from({ length: REQUESTERS }, (_, i) => keyring.addFromUri(`//load-requester-${i}`));
const work = mkdtempSync(path.join(os.tmpdir(), 'zkinfer-load-'));
const store = path.join(work, 'model-store');
let node;
let api;
let url = values.url;
try {
  if (!url) {
    node = await startDevNode();
    url = `ws://127.0.0.1:${node.rpcPort}`;
    ({ api } = node);
  } else {
    api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  }
  const chain = (await api.rpc.system.chain()).toString();
  log(`chain ${chain} at ${url}`);

  // The load model: the digits MLP, compiled into the operators' model store.
  const { compiled, samples } = compileDigitsMlp(store);
  const probe = path.join(work, 'probe.json');
  proverWorker(['prove', '--artifact', compiled.artifact, '--input', samples[0], '--job-binding', '00'.repeat(32), '--out', probe]);
  const input = JSON.parse(readFileSync(probe, 'utf8')).publicInputs.slice(1, 65).map(fieldToNumber);

  // 1. Parameters by referendum.
  const voters = [alice, bob, charlie];
  for (const parameter of [{ NodeStaking: { EpochLength: [null, 10] } }, { Market: { AssignmentDeadline: [null, 1800] } }]) {
    const { dispatched } = await passReferendum(api, {
      origin: { GovernanceOrigins: 'ParameterAdmin' }, call: api.tx.parameters.setParameter(parameter), proposer: alice, voters,
    });
    if (!dispatched.isOk) throw new Error(`setParameter ${JSON.stringify(parameter)}: ${dispatched}`);
  }
  log('parameters set: epochs of 10 blocks, deadline 1800 blocks');

  // 2. The load model and its operators.
  const spec = {
    metadata: '0x' + Buffer.from('{"name":"digits_mlp (load)"}').toString('hex'),
    inputShape: [1, 64], inputScale: 5, outputShape: [1, 10], outputScale: 5,
    inputDomain: { min: -2048, max: 2047 }, proofSystem: 'Halo2Kzg',
    vk: hex(compiled.vkHash), artifact: hex(path.basename(compiled.artifact)),
  };
  const registered = await submitInBlock(api.tx.modelRegistry.registerModel(spec), charlie);
  if (registered.dispatchError) throw new Error(`registerModel: ${registered.dispatchError}`);
  const model = registered.events.find(({ event }) => api.events.modelRegistry.ModelRegistered.is(event)).event.data.model.toNumber();
  const units = (await api.query.modelRegistry.models(model)).unwrap().computeUnits.toBigInt();
  const price = (await api.call.inferenceMarketApi.quote(model)).asOk.toBigInt();
  const bond = await minBond(api);
  await sendAll(api, [
    ...operators.map((op) => [api.tx.balances.transferKeepAlive(op.address, bond + 100n * UNIT), alice]),
    ...requesters.map((r) => [api.tx.balances.transferKeepAlive(r.address, BigInt(Math.ceil(JOBS / REQUESTERS) + 1) * (price + UNIT / 10n) + 10n * UNIT), bob]),
  ]);
  const capacity = units * BigInt(JOBS);
  const results = await sendAll(api, operators.map((op) => [api.tx.nodeStaking.registerNode([model], capacity, capacity, 0, bond), op]));
  const from = Math.max(...results.map((r) => r.events.find(({ event }) => api.events.nodeStaking.NodeRegistered.is(event)).event.data.activeFrom.toNumber()));
  await waitFor(async () => (await api.call.nodeStakingApi.epoch()).index.toNumber() >= from, 300_000, `epoch ${from}`);
  log(`model ${model} (${units} units, price ${price}) served by ${OPERATORS} operators from epoch ${from}`);

  // 3. The jobs.
  const submitted = await sendAll(api, Array.from({ length: JOBS }, (_, i) => [
    api.tx.inferenceMarket.submitInference(model, input, price), requesters[i % REQUESTERS]]));
  const jobIds = submitted.map((r) => r.events.find(({ event }) => api.events.inferenceMarket.InferenceSubmitted.is(event)).event.data.job.toNumber());
  log(`${jobIds.length} jobs submitted (${jobIds[0]}…${jobIds[jobIds.length - 1]})`);
  const assignedTo = async () => Promise.all(operators.map(async (op) => (await api.call.inferenceMarketApi.jobsAssignedTo(op.address)).map((j) => j.toNumber())));
  await waitFor(async () => (await assignedTo()).flat().length >= JOBS, 1_800_000, 'every job assigned');
  const backlog = await assignedTo();
  log(`assigned: ${backlog.map((jobs) => jobs.length).join(', ')}`);

  // 4. Proofs ahead of time.
  const proveStarted = Date.now();
  const ready = [];
  for (const [i, op] of operators.entries()) {
    const out = path.join(work, `operator-${i}.jsonl`);
    await proverWorkerAsync(['prove-assigned', '--url', url, '--suri', `//load-operator-${i}`, '--model-store', store,
      '--threads', String(THREADS), '--out', out]);
    ready.push(readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)));
    log(`operator ${i}: ${ready[i].length} proofs`);
  }
  const proveSeconds = (Date.now() - proveStarted) / 1000;

  // 5. The burst, and what the blocks did with it.
  const jobs = new Map(); // job → { sentAt, sentBlock, verifiedAt, verifiedBlock }
  const blocks = new Map(); // block → { verified, normalRefTime, length }
  let done;
  const finished = new Promise((resolve) => { done = resolve; });
  const unsubscribe = await api.rpc.chain.subscribeNewHeads(async (header) => {
    const number = header.number.toNumber();
    const at = await api.at(header.hash);
    const [events, weight, block] = await Promise.all([at.query.system.events(), at.query.system.blockWeight(), api.rpc.chain.getBlock(header.hash)]);
    const now = Date.now();
    let verified = 0;
    for (const { event } of events) {
      if (api.events.inferenceMarket.InferenceVerified.is(event)) {
        const job = jobs.get(event.data.job.toNumber());
        if (job && job.verifiedAt === undefined) { job.verifiedAt = now; job.verifiedBlock = number; verified += 1; }
      }
    }
    blocks.set(number, { verified, normalRefTimeMs: Number(weight.normal.refTime.toBigInt() / 1_000_000_000n), lengthBytes: block.block.encodedLength });
    if (jobs.size && [...jobs.values()].every((j) => j.verifiedAt !== undefined)) done();
  });
  const burstBlock = (await api.rpc.chain.getHeader()).number.toNumber();
  const txs = [];
  for (const [i, op] of operators.entries()) {
    for (let start = 0; start < ready[i].length; start += BATCH) {
      const chunk = ready[i].slice(start, start + BATCH);
      const results = chunk.map((r) => ({ job: r.job, output: r.output, proof: hex(r.proof) }));
      txs.push([api.tx.inferenceMarket.submitResults([{ model, results }]), op]);
    }
  }
  const sentAt = Date.now();
  for (const list of ready) for (const r of list) jobs.set(r.job, { sentAt, sentBlock: burstBlock });
  const infos = await Promise.all(txs.map(async ([tx, op]) => (await tx.paymentInfo(op)).weight.refTime.toBigInt()));
  const included = await sendAll(api, txs);
  const timeout = setTimeout(() => done(), Number(values.timeout) * 1000);
  await finished;
  clearTimeout(timeout);
  unsubscribe();

  const charged = included.map((r) => {
    const success = r.events.find(({ event }) => api.events.system.ExtrinsicSuccess.is(event));
    return success ? success.event.data.dispatchInfo.weight.refTime.toBigInt() : 0n;
  });
  const settled = [...jobs.values()].filter((j) => j.verifiedAt !== undefined);
  const busy = [...blocks.entries()].filter(([, b]) => b.verified > 0).sort(([a], [b]) => a - b);
  const maxNormal = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
  console.log(JSON.stringify({
    chain, jobs: JOBS, operators: OPERATORS, batch: BATCH, proverThreads: THREADS,
    proveSeconds: Math.round(proveSeconds), proofsPerSecond: Math.round((JOBS / proveSeconds) * 100) / 100,
    verified: settled.length,
    blocks: Object.fromEntries(busy.map(([n, b]) => [n, b])),
    maxVerifiedInOneBlock: Math.max(0, ...busy.map(([, b]) => b.verified)),
    normalClassLimitMs: Number(maxNormal / 1_000_000_000n),
    transactions: txs.length,
    declaredMsPerResult: Math.round(Number(infos.reduce((a, b) => a + b, 0n) / 1_000_000n) / JOBS) / 1000,
    chargedMsPerResult: Math.round(Number(charged.reduce((a, b) => a + b, 0n) / 1_000_000n) / settled.length) / 1000,
    bytesPerResult: Math.round(txs.reduce((sum, [tx]) => sum + tx.encodedLength, 0) / JOBS),
    latencySeconds: settled.length ? summary(settled.map((j) => (j.verifiedAt - j.sentAt) / 1000)) : undefined,
    latencyBlocks: settled.length ? summary(settled.map((j) => j.verifiedBlock - j.sentBlock)) : undefined,
  }, null, 2));
} finally {
  if (node) await node.stop(); else await api?.disconnect();
  rmSync(work, { recursive: true, force: true });
}
