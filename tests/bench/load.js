// Settlement throughput at the chain's limit (a benchmark, not a test).
//
//   node bench/load.js [--jobs N] [--operators K] [--threads T] [--url ws://…]
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
//    register nodes for it with capacity and throughput for all the jobs.
// 3. N inferences, and 20 more for calibration, are submitted by 16 requesters
//    (`//load-requester-i`); the chain assigns them (at most `MaxJobsPerBlock` per block).
// 4. Once every assignment is in a finalized block (what `prove-assigned` reads), each operator
//    proves its backlog ahead with `prover-worker prove-assigned` (T threads); nothing is
//    submitted yet.
// 5. Calibration: the first operator settles 4 and then 16 of its results, one transaction
//    each, which gives what a good batch of b results is charged (an affine function of b,
//    read from the `ExtrinsicSuccess` events). What a transaction declares comes from
//    `paymentInfo`: the weight of the longest search for bad proofs its batch could need.
// 6. The burst. The N results are planned into `submit_results` transactions the way a block
//    builder admits them: a transaction enters while the block's used weight plus its declared
//    weight fits the normal class, and then uses what it is charged. Each operator's results,
//    the largest backlog first, go into the largest transaction that still fits (at most
//    `MaxBatchResults`), then smaller ones; what does not fit waits for later blocks in full
//    transactions. The builder takes the highest priority first and, without a tip, prefers
//    the smaller transaction; the plan's transactions carry tips of a few units (from
//    pallet-transaction-payment's priority formula) so that it takes them in the planned order,
//    largest first. The planned transactions are sent one after another as a block is imported,
//    the rest once they are in; the script follows the blocks until every job is settled.
//
// Fewer, larger transactions fill a block better: each carries a fixed part of the search it
// declares (about 0.1 s), so the default is two operators, each with about 500 jobs.
//
// It prints one JSON object: per block the results verified, the normal-class weight used and
// the block's length; the plan; the transactions' declared and charged weights; and
// submission-to-verification latency percentiles (seconds and blocks).

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
    operators: { type: 'string', default: '2' },
    threads: { type: 'string', default: '2' },
    url: { type: 'string' },
    timeout: { type: 'string', default: '600' },
  },
});
const JOBS = Number(values.jobs);
const OPERATORS = Number(values.operators);
const THREADS = Number(values.threads);
const REQUESTERS = 16;
/** Results settled before the burst, one transaction each, to learn what a batch is charged. */
const CALIBRATION = [4, 16];
const TOTAL = JOBS + CALIBRATION.reduce((a, b) => a + b, 0);
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
    ...requesters.map((r) => [api.tx.balances.transferKeepAlive(r.address, BigInt(Math.ceil(TOTAL / REQUESTERS) + 1) * (price + UNIT / 10n) + 10n * UNIT), bob]),
  ]);
  const capacity = units * BigInt(TOTAL);
  const registrations = await sendAll(api, operators.map((op) => [api.tx.nodeStaking.registerNode([model], capacity, capacity, 0, bond), op]));
  const from = Math.max(...registrations.map((r) => r.events.find(({ event }) => api.events.nodeStaking.NodeRegistered.is(event)).event.data.activeFrom.toNumber()));
  await waitFor(async () => (await api.call.nodeStakingApi.epoch()).index.toNumber() >= from, 300_000, `epoch ${from}`);
  log(`model ${model} (${units} units, price ${price}) served by ${OPERATORS} operators from epoch ${from}`);

  // 3. The jobs.
  const submitted = await sendAll(api, Array.from({ length: TOTAL }, (_, i) => [
    api.tx.inferenceMarket.submitInference(model, input, price), requesters[i % REQUESTERS]]));
  const jobIds = submitted.map((r) => r.events.find(({ event }) => api.events.inferenceMarket.InferenceSubmitted.is(event)).event.data.job.toNumber());
  log(`${jobIds.length} jobs submitted (${jobIds[0]}…${jobIds[jobIds.length - 1]})`);
  // At the finalized block: what `prove-assigned` proves.
  const assignedTo = async () => {
    const at = await api.at(await api.rpc.chain.getFinalizedHead());
    return Promise.all(operators.map(async (op) => (await at.call.inferenceMarketApi.jobsAssignedTo(op.address)).map((j) => j.toNumber())));
  };
  await waitFor(async () => (await assignedTo()).flat().length >= TOTAL, 1_800_000, 'every job assigned in a finalized block');
  const backlog = await assignedTo();
  log(`assigned: ${backlog.map((jobs) => jobs.length).join(', ')}`);

  // 4. Proofs ahead of time.
  const proveStarted = Date.now();
  const ready = [];
  for (const [i, op] of operators.entries()) {
    const out = path.join(work, `operator-${i}.jsonl`);
    const report = await proverWorkerAsync(['prove-assigned', '--url', url, '--suri', `//load-operator-${i}`, '--model-store', store,
      '--threads', String(THREADS), '--out', out]);
    ready.push(readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)));
    const failures = report.split('\n').filter((line) => line.includes('"failed"'));
    log(`operator ${i}: ${ready[i].length} proofs of ${backlog[i].length} assigned${failures.length ? `; ${failures.length} failed, first: ${failures[0]}` : ''}`);
  }
  const proveSeconds = (Date.now() - proveStarted) / 1000;

  // 5. Calibration: what a good batch of b results is charged, from two settled batches.
  const bigInt = (w) => ({ ref: w.refTime.toBigInt(), pov: w.proofSize.toBigInt() });
  const add = (a, b) => ({ ref: a.ref + b.ref, pov: a.pov + b.pov });
  const fits = (w, limit) => w.ref <= limit.ref && w.pov <= limit.pov;
  const ms = (w) => Number(w.ref / 1_000_000n) / 1000;
  const txOf = (results) => api.tx.inferenceMarket.submitResults([{
    model, results: results.map((r) => ({ job: r.job, output: r.output, proof: hex(r.proof) })) }]);
  const calibrator = [...ready.keys()].reduce((a, b) => (ready[b].length > ready[a].length ? b : a));
  const points = [];
  for (const size of CALIBRATION) {
    const results = ready[calibrator].splice(0, size);
    const { events, dispatchError } = await submitInBlock(txOf(results), operators[calibrator]);
    if (dispatchError) throw new Error(`calibration batch of ${size}: ${dispatchError}`);
    const settledHere = events.filter(({ event }) => api.events.inferenceMarket.InferenceVerified.is(event)).length;
    if (settledHere !== size) throw new Error(`calibration batch of ${size} settled ${settledHere}`);
    const success = events.find(({ event }) => api.events.system.ExtrinsicSuccess.is(event));
    points.push({ size: BigInt(size), weight: bigInt(success.event.data.dispatchInfo.weight) });
  }
  const [p, q] = points;
  const slope = { ref: (q.weight.ref - p.weight.ref) / (q.size - p.size), pov: (q.weight.pov - p.weight.pov) / (q.size - p.size) };
  const fixed = { ref: p.weight.ref - slope.ref * p.size, pov: p.weight.pov - slope.pov * p.size };
  const normal = api.consts.system.blockWeights.perClass.normal;
  const baseExtrinsic = bigInt(normal.baseExtrinsic);
  // What the block's normal class counts for a transaction: its weight and the extrinsic base.
  const charged = (b) => add(baseExtrinsic, { ref: fixed.ref + slope.ref * BigInt(b), pov: fixed.pov + slope.pov * BigInt(b) });
  const declaredCache = new Map();
  const declared = async (b) => {
    if (!declaredCache.has(b)) {
      const info = await txOf(ready[calibrator].slice(0, 1).concat(Array(b - 1).fill(ready[calibrator][0]))).paymentInfo(operators[calibrator]);
      declaredCache.set(b, add(baseExtrinsic, bigInt(info.weight)));
    }
    return declaredCache.get(b);
  };
  log(`a batch of b results is charged ${ms(charged(0))} ms + ${Number(slope.ref) / 1e9} ms·b; declares ${ms(await declared(1))} ms at 1, ${ms(await declared(512))} ms at 512`);

  // 6. The plan: what one block admits, largest transactions first; the rest in full batches.
  const order = [...ready.keys()].sort((a, b) => ready[b].length - ready[a].length);
  const limit = bigInt(normal.maxTotal.unwrap());
  // A call's own bounds: results, and public-input values (each statement is 1 + input + output).
  const valuesPerResult = 1 + input.length + ready[calibrator][0].output.length;
  const maxResults = Math.min(api.consts.inferenceMarket.maxBatchResults.toNumber(),
    Math.floor(api.consts.inferenceMarket.maxBatchValues.toNumber() / valuesPerResult));
  // The block's length limit for the normal class; a signature and extensions add under 150 bytes.
  const maxLength = BigInt(api.consts.system.blockLength.max.normal.toNumber());
  let usedLength = 0n;
  const lengthOf = (results) => BigInt(txOf(results).encodedLength + 150);
  const planned = []; // { operator, results }
  let used = { ref: 0n, pov: 0n };
  let open = true;
  const later = [];
  for (const i of order) {
    let rest = ready[i];
    while (open && rest.length) {
      // The largest size whose declared weight still fits (declared grows with the size).
      let [lo, hi] = [0, Math.min(rest.length, maxResults)];
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        const fitsLength = usedLength + lengthOf(rest.slice(0, mid)) <= maxLength;
        if (fitsLength && fits(add(used, await declared(mid)), limit)) lo = mid; else hi = mid - 1;
      }
      if (lo === 0) { open = false; break; }
      planned.push({ operator: i, results: rest.slice(0, lo) });
      used = add(used, charged(lo));
      usedLength += lengthOf(rest.slice(0, lo));
      rest = rest.slice(lo);
    }
    for (let start = 0; start < rest.length; start += maxResults) later.push({ operator: i, results: rest.slice(start, start + maxResults) });
  }
  log(`plan: ${planned.map((t) => t.results.length).join(' + ')} results in the first block (${ms(used)} ms charged of ${ms(limit)}), then ${later.map((t) => t.results.length).join(' + ') || 'nothing'}`);

  // Tips so that priorities fall along the plan. A transaction's priority (pallet-transaction-
  // payment's `get_priority`) is (tip + 1) × how many such transactions an empty block could
  // hold (by weight, per component, and by length), so the last planned one goes without a tip
  // and each before it gets the least tip that puts it above the next one even if that one's
  // count is one more than computed here.
  const nonces = new Map();
  for (const op of operators) nonces.set(op.address, (await api.rpc.system.accountNextIndex(op.address)).toNumber());
  const maxBlock = bigInt(api.consts.system.blockWeights.maxBlock);
  const perBlock = async (t) => {
    const weight = bigInt((await t.tx.paymentInfo(t.signer)).weight);
    const length = BigInt(t.tx.encodedLength);
    const counts = [maxBlock.ref / (weight.ref > 0n ? weight.ref : 1n), maxBlock.pov / (weight.pov > 0n ? weight.pov : 1n), maxLength / length];
    return counts.reduce((a, b) => (a < b ? a : b));
  };
  const txs = [];
  for (const t of [...planned, ...later]) {
    const signer = operators[t.operator];
    const nonce = nonces.get(signer.address);
    nonces.set(signer.address, nonce + 1);
    txs.push({ ...t, signer, nonce, tx: txOf(t.results), tip: 0n });
  }
  let floor = 0n;
  for (const t of [...txs.slice(0, planned.length)].reverse()) {
    await t.tx.signAsync(t.signer, { nonce: t.nonce, tip: 0 });
    const count = await perBlock(t);
    t.tip = count > floor ? 0n : floor / count;
    if (t.tip > 0n) await t.tx.signAsync(t.signer, { nonce: t.nonce, tip: t.tip });
    floor = (t.tip + 1n) * (count + 1n);
  }
  for (const t of txs.slice(planned.length)) await t.tx.signAsync(t.signer, { nonce: t.nonce });

  // The burst, and what the blocks did with it.
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
  // The burst starts as a block is imported, so that the whole slot is there to send it in.
  const current = (await api.rpc.chain.getHeader()).number.toNumber();
  const burstBlock = await new Promise((resolve) => {
    let unsub = null;
    let seen = null;
    api.rpc.chain.subscribeNewHeads((header) => {
      if (seen !== null || header.number.toNumber() <= current) return;
      seen = header.number.toNumber();
      if (unsub) unsub();
      resolve(seen);
    }).then((u) => { unsub = u; if (seen !== null) u(); });
  });
  const sentAt = Date.now();
  for (const t of txs) for (const r of t.results) jobs.set(r.job, { sentAt, sentBlock: burstBlock });
  // Sent one after another (each once the pool took the previous one), in the planned order;
  // what the plan leaves for later goes once the planned ones are in a block (without a tip, a
  // small one sent with them would take priority over the plan).
  const send = async (t) => {
    let finish;
    const inBlock = new Promise((resolve, reject) => { finish = { resolve, reject }; });
    let unsub;
    let over = false;
    const stop = () => { over = true; if (unsub) unsub(); };
    unsub = await t.tx.send((result) => {
      if (result.status.isInBlock) {
        stop();
        if (result.dispatchError) finish.reject(new Error(`submitResults: ${result.dispatchError}`));
        else finish.resolve(result);
      } else if (result.isError) {
        stop();
        finish.reject(new Error(`submitResults: ${result.status.type}`));
      }
    });
    if (over) unsub();
    inBlock.catch(() => {}); // rejections are read where the promise is awaited
    return { inBlock };
  };
  const inBlocks = [];
  for (const t of txs.slice(0, planned.length)) inBlocks.push((await send(t)).inBlock);
  log(`${planned.length} planned transactions sent in ${(Date.now() - sentAt) / 1000} s after block ${burstBlock}`);
  if (txs.length > planned.length) {
    await Promise.all(inBlocks);
    for (const t of txs.slice(planned.length)) inBlocks.push((await send(t)).inBlock);
  }
  const results = await Promise.all(inBlocks);
  const timeout = setTimeout(() => done(), Number(values.timeout) * 1000);
  await finished;
  clearTimeout(timeout);
  unsubscribe();

  // Charged as the block counts it: the transaction's weight and the extrinsic base.
  const chargedWeights = results.map((r) => {
    const success = r.events.find(({ event }) => api.events.system.ExtrinsicSuccess.is(event));
    return add(baseExtrinsic, bigInt(success.event.data.dispatchInfo.weight)).ref;
  });
  const declaredWeights = await Promise.all(txs.map((t) => declared(t.results.length)));
  const settled = [...jobs.values()].filter((j) => j.verifiedAt !== undefined);
  const busy = [...blocks.entries()].filter(([, b]) => b.verified > 0).sort(([a], [b]) => a - b);
  const burstBytes = txs.reduce((sum, t) => sum + t.tx.encodedLength, 0);
  console.log(JSON.stringify({
    chain, jobs: JOBS, operators: OPERATORS, proverThreads: THREADS,
    proveSeconds: Math.round(proveSeconds), proofsPerSecond: Math.round((TOTAL / proveSeconds) * 100) / 100,
    verified: settled.length,
    blocks: Object.fromEntries(busy.map(([n, b]) => [n, b])),
    maxVerifiedInOneBlock: Math.max(0, ...busy.map(([, b]) => b.verified)),
    normalClassLimitMs: ms(limit),
    plan: { firstBlock: planned.map((t) => t.results.length), chargedMs: ms(used), later: later.map((t) => t.results.length) },
    transactions: txs.map((t, i) => ({
      results: t.results.length, tip: Number(t.tip), declaredMs: ms(declaredWeights[i]), chargedMs: Number(chargedWeights[i] / 1_000_000n) / 1000,
      block: results[i].status.asInBlock.toString().slice(0, 10),
    })),
    declaredMsPerResult: Math.round(Number(declaredWeights.reduce((a, w) => a + w.ref, 0n) / 1_000_000n) / JOBS) / 1000,
    chargedMsPerResult: Math.round(Number(chargedWeights.reduce((a, b) => a + b, 0n) / 1_000_000n) / settled.length) / 1000,
    bytesPerResult: Math.round(burstBytes / JOBS),
    latencySeconds: settled.length ? summary(settled.map((j) => (j.verifiedAt - j.sentAt) / 1000)) : undefined,
    latencyBlocks: settled.length ? summary(settled.map((j) => j.verifiedBlock - j.sentBlock)) : undefined,
  }, null, 2));
} finally {
  if (node) await node.stop(); else await api?.disconnect();
  rmSync(work, { recursive: true, force: true });
}
