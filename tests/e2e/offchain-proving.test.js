// Off-chain proving on a --dev node, with no setup beyond starting it: genesis registers the
// digits MLP (model 0, owner Alice) and makes Alice's node its operator with her key in the
// dev keystore, so an inference submitted from @polkadot/api is proved by the node's
// off-chain worker with the native prover and paid within a few blocks. Then a model owner
// registers a second model with `prover-worker register` into the node's model store, and a
// job on it is proved the same way. Balances move exactly as priced.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { TREASURY, freeBalance, feesPaidIn, referenceInference, samplePath, waitForEvent } from './lib/market.js';
import { startDevNode } from './lib/node.js';
import { MODELS, proverWorker } from './lib/prover.js';
import { eventNames, feePaidBy, submitInBlock } from './lib/tx.js';



/** Submits an inference, waits for its verification; returns what the test checks. */
async function inferAndSettle(api, requester, model, input) {
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
  const deposit = jobEvent.event.data.deposit.toBigInt();
  const requesterFee = feePaidBy(api, submitted.events, requester.address);
  const verified = await waitForEvent(api,
    (event) => api.events.inferenceMarket.InferenceVerified.is(event) && event.data.job.toNumber() === job, 12);
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
    const reference = referenceInference(path.join(store, artifact), samplePath('digits_mlp', 3), work);

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
      '--model-store', store, '--compute-units', '4000']));
    assert.equal(registered.model, 1, 'the model after the demo model');
    assert.equal(registered.keyRegistered, true);
    const record = (await api.query.modelRegistry.models(1)).unwrap();
    assert.equal(record.owner.toString(), charlie.address);
    assert.equal(record.spec.computeUnits.toNumber(), 4000);
    assert.equal(record.spec.artifact.toHex().slice(2), registered.artifact);
    assert.ok(await freeBalance(api, charlie.address) < charlieBefore, 'Charlie paid the registration');

    const reference = referenceInference(path.join(store, registered.artifact), samples[2], work);
    const ownerBefore = await freeBalance(api, charlie.address);
    const { price, deposit, requesterFee, before, verified } = await inferAndSettle(api, dave, 1, reference.input);
    const { data } = verified.event;
    assert.equal(data.node.toString(), alice.address);
    assert.deepEqual(data.output.map((v) => v.toNumber()), reference.output);
    assert.equal(price, 4000n * 10_000_000n);
    const at = verified.blockHash;
    assert.equal(before.requester - await freeBalance(api, dave.address, at), price + deposit + requesterFee);
    assert.equal(await freeBalance(api, charlie.address, at) - ownerBefore, data.payout.owner.toBigInt());
  });

  test('the node reports its proofs to Prometheus', async () => {
    const response = await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`);
    const text = await response.text();
    const proofs = text.match(/^zkinfer_prover_proofs_total(?:\{[^}]*\})? (\d+)/m);
    assert.ok(proofs, 'zkinfer_prover_proofs_total is exported');
    assert.ok(Number(proofs[1]) >= 2, `two proofs made, metric says ${proofs[1]}`);
    assert.match(text, /^zkinfer_prover_proof_seconds_count(?:\{[^}]*\})? \d+/m);
    assert.match(text, /^zkinfer_prover_failures_total(?:\{[^}]*\})? 0/m);
  });
});
