// Off-chain proving on a --dev node, with no setup beyond starting it: genesis registers the
// digits MLP (model 0, owner Alice) and makes Alice's node its operator with her key in the
// dev keystore, so an inference submitted from @polkadot/api is proved by the node's
// off-chain worker with the native prover and paid within a few blocks. Then a model owner
// registers a second model with `prover-worker register` into the node's model store, and a
// job on it is proved the same way, and so are jobs on two real models, a LeNet-5 and a
// CIFAR-shaped CNN of 2^17 and 2^18 rows. Balances move exactly as priced.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { TREASURY, freeBalance, feesPaidIn, referenceInference, samplePath, waitForEvent } from './lib/market.js';
import { startDevNode } from './lib/node.js';
import { MODELS, proverWorker, proverWorkerAsync } from './lib/prover.js';
import { serveWithAlice } from './lib/referendum.js';
import { eventNames, feePaidBy, moduleError, submitInBlock } from './lib/tx.js';



/**
 * Submits an inference, waits (up to `blocks` blocks) for its verification; returns what the
 * test checks.
 */
async function inferAndSettle(api, requester, model, input, blocks = 12) {
  const quote = await api.call.inferenceMarketApi.quote(model);
  assert.ok(quote.isOk, `quote: ${quote.toString()}`);
  const price = quote.asOk.toBigInt();
  const before = {
    requester: await freeBalance(api, requester.address),
    treasury: await freeBalance(api, TREASURY),
  };
  const submitted = await submitInBlock(api.tx.inferenceMarket.submitInference(model, input, price), requester);
  assert.equal(submitted.dispatchError, undefined, `submitInference: ${submitted.dispatchError}`);
  const jobEvent = submitted.events.find(({ event }) => api.events.inferenceMarket.InferenceSubmitted.is(event));
  assert.ok(jobEvent, `no InferenceSubmitted among ${eventNames(submitted.events)}`);
  const job = jobEvent.event.data.job.toNumber();
  // The job record's deposit, and the usage record's with the requester's first job on a model.
  const usage = submitted.events.find(({ event }) => api.events.modelRegistry.UsageRecordCreated.is(event));
  const deposit = jobEvent.event.data.deposit.toBigInt() + (usage ? usage.event.data.deposit.toBigInt() : 0n);
  const requesterFee = feePaidBy(api, submitted.events, requester.address);
  const verified = await waitForEvent(api,
    (event) => api.events.inferenceMarket.InferenceVerified.is(event) && event.data.job.toNumber() === job, blocks);
  return { job, price, deposit, requesterFee, before, verified };
}

describe('off-chain proving on a --dev node', () => {
  let node;
  let work;
  let store;
  let keyring;

  before(async () => {
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    work = mkdtempSync(path.join(os.tmpdir(), 'zkinfer-ocw-e2e-'));
    store = path.join(work, 'model-store');
    node = await startDevNode(['--model-store', store]);
  });

  after(async () => {
    await node?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('the demo model: an inference from @polkadot/api is proved by Alice\'s node and paid as priced', async () => {
    const { api } = node;
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    const record = (await api.query.modelRegistry.models(0)).unwrap();
    assert.equal(record.owner.toString(), alice.address);
    const artifact = record.spec.artifact.toHex().slice(2);
    // The node seeded its model store with the demo model under that address.
    const reference = await referenceInference(path.join(store, artifact), samplePath('digits_mlp', 3), work);

    const aliceBefore = await freeBalance(api, alice.address);
    const claimableBefore = (await api.call.nodeStakingApi.claimableRewards(alice.address)).toBigInt();
    const { job, price, deposit, requesterFee, before, verified } = await inferAndSettle(api, bob, 0, reference.input);
    const { data } = verified.event;
    assert.equal(data.node.toString(), alice.address, 'proved by Alice\'s node');
    assert.deepEqual(data.output.map((v) => v.toNumber()), reference.output, 'the output is the reference inference');
    const payout = { node: data.payout.node.toBigInt(), owner: data.payout.owner.toBigInt(), protocol: data.payout.protocol.toBigInt() };
    assert.equal(payout.node + payout.owner + payout.protocol, price);
    assert.equal(payout.node, price * 80n / 100n);
    assert.equal(payout.owner, price * 15n / 100n);

    // Exact balances at the settlement block: Bob paid the price, the deposit and his
    // transaction fee; the treasury got the protocol's share; Alice (owner and operator) got
    // the owner's share less the fee of her node's submit_result; her node's share waits in
    // node staking.
    const at = verified.blockHash;
    assert.equal(before.requester - await freeBalance(api, bob.address, at), price + deposit + requesterFee);
    assert.equal(await freeBalance(api, TREASURY, at) - before.treasury, payout.protocol);
    const aliceFee = feesPaidIn(api, verified.events, alice.address);
    assert.ok(aliceFee > 0n, 'Alice\'s node submitted the result as a signed transaction');
    assert.equal(await freeBalance(api, alice.address, at) - aliceBefore, payout.owner - aliceFee);
    const claimable = (await (await api.at(at)).call.nodeStakingApi.claimableRewards(alice.address)).toBigInt();
    assert.equal(claimable - claimableBefore, payout.node);
    const stored = (await api.call.inferenceMarketApi.job(job)).unwrap();
    assert.ok(stored.status.isFulfilled, `job ${job} is ${stored.status.type}`);
  });

  test('an input outside the demo model\'s domain is refused; the brightest digit proves and settles', async () => {
    const { api } = node;
    const bob = keyring.addFromUri('//Bob');
    const record = (await api.query.modelRegistry.models(0)).unwrap();
    const [min, max] = [record.spec.inputDomain.min.toNumber(), record.spec.inputDomain.max.toNumber()];
    assert.ok(min <= 0 && max >= 64, `the domain ${min}..=${max} holds every 8×8 digit (0..=64)`);
    const price = (await api.call.inferenceMarketApi.quote(0)).asOk.toBigInt();
    const jobsBefore = (await api.query.inferenceMarket.nextJobId()).toNumber();
    for (const [position, value] of [[5, max + 1], [63, min - 1], [0, 1 << 20]]) {
      const input = Array(64).fill(0);
      input[position] = value;
      const refused = await submitInBlock(api.tx.inferenceMarket.submitInference(0, input, price), bob);
      assert.deepEqual(moduleError(api, refused.dispatchError),
        { section: 'inferenceMarket', name: 'InputOutOfDomain', nested: position });
    }
    assert.equal((await api.query.inferenceMarket.nextJobId()).toNumber(), jobsBefore, 'no job was opened');

    // Every pixel at the domain's maximum: values far beyond any digit, which saturate inside
    // the circuit. The node proves it and the chain pays.
    const artifact = record.spec.artifact.toHex().slice(2);
    const brightest = path.join(work, 'brightest.json');
    writeFileSync(brightest, JSON.stringify({ input: Array(64).fill(max / 2 ** record.spec.inputScale.toNumber()) }));
    const reference = await referenceInference(path.join(store, artifact), brightest, work);
    assert.deepEqual(reference.input, Array(64).fill(max));
    const { verified } = await inferAndSettle(api, bob, 0, reference.input);
    assert.deepEqual(verified.event.data.output.map((v) => v.toNumber()), reference.output);
  });

  test('a model registered with `prover-worker register` is served the same way', async () => {
    const { api } = node;
    const alice = keyring.addFromUri('//Alice');
    const charlie = keyring.addFromUri('//Charlie');
    const dave = keyring.addFromUri('//Dave');
    const samples = [0, 1, 2, 3, 4].map((i) => samplePath('digits_cnn', i));
    const charlieBefore = await freeBalance(api, charlie.address);
    const registered = JSON.parse(proverWorker(['register',
      '--url', `ws://127.0.0.1:${node.rpcPort}`, '--suri', '//Charlie',
      '--onnx', path.join(MODELS, 'digits_cnn.onnx'), '--calibration', ...samples,
      '--model-store', store]));
    assert.equal(registered.model, 1, 'the model after the demo model');
    // Genesis nodes serve the models that exist at genesis: Alice's node signs up for this one.
    const bob = keyring.addFromUri('//Bob');
    await serveWithAlice(api, { models: [1], alice, voters: [alice, bob, charlie] });
    assert.equal(registered.keyRegistered, true);
    const record = (await api.query.modelRegistry.models(1)).unwrap();
    assert.equal(record.owner.toString(), charlie.address);
    // The chain computed its compute units from the key: 2^k rows × columns / 64.
    const key = (await api.query.halo2Verifier.keys(record.spec.vk)).unwrap();
    const units = BigInt(2 ** key.k.toNumber() * key.columns.toNumber() / 64);
    assert.equal(record.computeUnits.toBigInt(), units);
    const settings = JSON.parse(readFileSync(path.join(store, registered.artifact, 'settings.json'), 'utf8'));
    assert.deepEqual([record.spec.inputDomain.min.toNumber(), record.spec.inputDomain.max.toNumber()], settings.inputDomain);
    assert.equal(record.spec.artifact.toHex().slice(2), registered.artifact);
    assert.ok(await freeBalance(api, charlie.address) < charlieBefore, 'Charlie paid the registration');

    const reference = await referenceInference(path.join(store, registered.artifact), samples[2], work);
    const ownerBefore = await freeBalance(api, charlie.address);
    const { price, deposit, requesterFee, before, verified } = await inferAndSettle(api, dave, 1, reference.input);
    const { data } = verified.event;
    assert.equal(data.node.toString(), alice.address);
    assert.deepEqual(data.output.map((v) => v.toNumber()), reference.output);
    assert.equal(price, units * 10_000_000n);
    const at = verified.blockHash;
    assert.equal(before.requester - await freeBalance(api, dave.address, at), price + deposit + requesterFee);
    assert.equal(await freeBalance(api, charlie.address, at) - ownerBefore, data.payout.owner.toBigInt());
  });

  test('real models: LeNet-5 (2^17 rows) and a CIFAR-shaped CNN (2^18 rows) are registered with `prover-worker register` and served', async () => {
    const { api } = node;
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    const charlie = keyring.addFromUri('//Charlie');
    const eve = keyring.addFromUri('//Eve');
    const models = [
      { name: 'lenet5', id: 2, inputs: 32 * 32 },
      { name: 'cifar_cnn', id: 3, inputs: 3 * 32 * 32 },
    ];
    for (const model of models) {
      model.samples = [0, 1, 2, 3, 4].map((i) => samplePath(model.name, i));
      const registered = JSON.parse(await proverWorkerAsync(['register',
        '--url', `ws://127.0.0.1:${node.rpcPort}`, '--suri', '//Charlie',
        '--onnx', path.join(MODELS, `${model.name}.onnx`), '--calibration', ...model.samples,
        '--model-store', store]));
      assert.equal(registered.model, model.id);
      assert.equal(registered.keyRegistered, true);
      model.artifact = registered.artifact;
      const record = (await api.query.modelRegistry.models(model.id)).unwrap();
      model.key = (await api.query.halo2Verifier.keys(record.spec.vk)).unwrap();
      // Far above the 2^13 rows the chain used to refuse; the pixels, 10 logits, the binding.
      assert.ok(model.key.k.toNumber() > 13, `${model.name}: k ${model.key.k.toNumber()}`);
      assert.equal(model.key.publicInputs.toNumber(), 1 + model.inputs + 10);
      model.units = BigInt(2 ** model.key.k.toNumber() * model.key.columns.toNumber() / 64);
      assert.equal(record.computeUnits.toBigInt(), model.units);
    }
    // One CIFAR job is more than the genesis throughput covers in a deadline window (5,000
    // units a block): Alice declares what her node proves.
    await serveWithAlice(api, { models: [1, 2, 3], alice, voters: [alice, bob, charlie], throughput: 12_000 });

    for (const model of models) {
      // Sample 3, a 7, which both models classify correctly (sample 1, a 5, both read as 4).
      const reference = await referenceInference(path.join(store, model.artifact), model.samples[3], work);
      assert.equal(reference.input.length, model.inputs);
      // Proving takes 20 to 60 s here: the job must be proved and paid within the deadline.
      const { price, deposit, requesterFee, before, verified } = await inferAndSettle(api, eve, model.id, reference.input, 40);
      const { data } = verified.event;
      assert.equal(data.node.toString(), alice.address);
      assert.deepEqual(data.output.map((v) => v.toNumber()), reference.output, `${model.name}: the reference inference`);
      const label = JSON.parse(readFileSync(model.samples[3], 'utf8')).label;
      assert.equal(reference.output.indexOf(Math.max(...reference.output)), label, `${model.name} reads the digit`);
      assert.equal(price, model.units * 10_000_000n);
      const at = verified.blockHash;
      assert.equal(before.requester - await freeBalance(api, eve.address, at), price + deposit + requesterFee);
    }
  });

  test('the node reports its proofs to Prometheus', async () => {
    const response = await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`);
    const text = await response.text();
    const proofs = text.match(/^zkinfer_prover_proofs_total(?:\{[^}]*\})? (\d+)/m);
    assert.ok(proofs, 'zkinfer_prover_proofs_total is exported');
    assert.ok(Number(proofs[1]) >= 4, `four proofs made, metric says ${proofs[1]}`);
    assert.match(text, /^zkinfer_prover_proof_seconds_count(?:\{[^}]*\})? \d+/m);
    assert.match(text, /^zkinfer_prover_failures_total(?:\{[^}]*\})? 0/m);
  });
});
