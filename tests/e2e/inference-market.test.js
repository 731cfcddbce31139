// The inference market on a --dev node whose off-chain workers are off, so results are
// submitted by hand: Charlie registers the digits MLP (its key, compiled by the prover worker,
// is the demo model's, registered at genesis), Bob submits an inference priced by the runtime
// API's quote, the chain assigns the job to Alice (the dev validator, whose compute node is
// staked from genesis), hand-made wrong proofs are refused and move no funds, the prover
// worker proves the job for its binding, Alice's result is verified and paid, and she claims
// her node's share from node staking. Then Dave registers a node for the model: it serves
// from the next epoch, and Eve stakes into its pool.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { ESCROW, TREASURY, fieldToNumber, freeBalance, waitForEvent } from './lib/market.js';
import { startDevNode } from './lib/node.js';
import { compileDigitsMlp, hex, proverWorker } from './lib/prover.js';
import { serveWithAlice } from './lib/referendum.js';
import { eventNames, feePaidBy, moduleError, submitInBlock } from './lib/tx.js';


describe('the inference market on a --dev node', () => {
  let node;
  let alice;
  let model;
  let bob;
  let charlie;
  let work;
  let compiled;
  let sample;

  before(async () => {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
    charlie = keyring.addFromUri('//Charlie');
    work = mkdtempSync(path.join(os.tmpdir(), 'zkinfer-market-e2e-'));
    let samples;
    ({ compiled, samples } = compileDigitsMlp(path.join(work, 'artifacts')));
    sample = samples[0];
    node = await startDevNode(['--offchain-worker', 'never']);
  });

  after(async () => {
    await node?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('a job is assigned to Alice, proved by the prover worker for its binding, verified and paid', async () => {
    const { api } = node;
    const vk = u8aToHex(readFileSync(path.join(compiled.artifact, 'vk.bin')));
    if ((await api.query.halo2Verifier.keys(hex(compiled.vkHash))).isNone) {
      const registeredKey = await submitInBlock(api.tx.halo2Verifier.registerVk(vk), charlie);
      assert.equal(registeredKey.dispatchError, undefined, `registerVk: ${registeredKey.dispatchError}`);
    }

    const spec = {
      metadata: '0x' + Buffer.from('{"name":"digits_mlp"}').toString('hex'),
      inputShape: [1, 64],
      inputScale: 5,
      outputShape: [1, 10],
      outputScale: 5,
      inputDomain: { min: -2048, max: 2047 },
      proofSystem: 'Halo2Kzg',
      vk: hex(compiled.vkHash),
      artifact: hex(path.basename(compiled.artifact)),
    };
    const registered = await submitInBlock(api.tx.modelRegistry.registerModel(spec), charlie);
    assert.equal(registered.dispatchError, undefined, `registerModel: ${registered.dispatchError}`);
    const modelEvent = registered.events.find(({ event }) => api.events.modelRegistry.ModelRegistered.is(event));
    assert.ok(modelEvent, `no ModelRegistered among ${eventNames(registered.events)}`);
    model = modelEvent.event.data.model.toNumber();
    // Genesis nodes serve the models that exist at genesis: Alice's node signs up for this one.
    await serveWithAlice(api, { models: [model], alice, voters: [alice, bob, charlie] });

    // The runtime API quotes the price: compute units × unit price.
    const quote = await api.call.inferenceMarketApi.quote(model);
    assert.ok(quote.isOk, `quote: ${quote.toString()}`);
    const price = quote.asOk.toBigInt();
    const units = (await api.query.modelRegistry.models(model)).unwrap().computeUnits.toBigInt();
    assert.equal(price, units * 10_000_000n);

    // Bob's input: the sample, quantized as the prover does (a proof for any binding states it).
    const probe = path.join(work, 'probe.json');
    proverWorker(['prove', '--artifact', compiled.artifact, '--input', sample,
      '--job-binding', '00'.repeat(32), '--out', probe]);
    const probeFile = JSON.parse(readFileSync(probe, 'utf8'));
    const input = probeFile.publicInputs.slice(1, 65).map(fieldToNumber);

    const assigned = waitForEvent(api, (event) => api.events.inferenceMarket.JobAssigned.is(event), 6);
    const submitted = await submitInBlock(api.tx.inferenceMarket.submitInference(model, input, price), bob);
    assert.equal(submitted.dispatchError, undefined, `submitInference: ${submitted.dispatchError}`);
    const jobEvent = submitted.events.find(({ event }) => api.events.inferenceMarket.InferenceSubmitted.is(event));
    const job = jobEvent.event.data.job.toNumber();
    assert.equal(jobEvent.event.data.fee.toBigInt(), price);

    const assignment = (await assigned).event;
    assert.equal(assignment.data.job.toNumber(), job);
    assert.equal(assignment.data.node.toString(), alice.address);
    const assignedJobs = await api.call.inferenceMarketApi.jobsAssignedTo(alice.address);
    assert.ok(assignedJobs.map((j) => j.toNumber()).includes(job));

    // The prover worker proves for the chain's binding of (job, Alice).
    const proofPath = path.join(work, 'job.json');
    proverWorker(['prove', '--artifact', compiled.artifact, '--input', sample,
      '--job', String(job), '--node', u8aToHex(alice.publicKey).slice(2), '--out', proofPath]);
    const proof = JSON.parse(readFileSync(proofPath, 'utf8'));

    // Bob is not the assigned node.
    const wrongNode = await submitInBlock(
      api.tx.inferenceMarket.submitResult(job, proof.output, hex(proof.proof)), bob);
    assert.deepEqual(moduleError(api, wrongNode.dispatchError),
      { section: 'inferenceMarket', name: 'NotAssignedNode', nested: undefined });

    // Hand-made wrong results from the assigned node are refused and move no funds: a real
    // proof with one output value changed, and a proof made for another job's binding.
    const held = async (who) => (await api.query.system.account(who)).data.reserved.toBigInt();
    const free = (who) => freeBalance(api, who);
    const bobHeld = await held(bob.address);
    const escrow = await free(ESCROW);
    const charlieFree = await free(charlie.address);
    const treasury = (await api.query.system.account(TREASURY)).data.free.toBigInt();
    const forged = [...proof.output];
    forged[0] += 1;
    const otherJob = path.join(work, 'other-job.json');
    proverWorker(['prove', '--artifact', compiled.artifact, '--input', sample,
      '--job', String(job + 1), '--node', u8aToHex(alice.publicKey).slice(2), '--out', otherJob]);
    const otherProof = JSON.parse(readFileSync(otherJob, 'utf8'));
    for (const [output, bytes] of [[forged, proof.proof], [otherProof.output, otherProof.proof]]) {
      const aliceFree = await free(alice.address);
      const refused = await submitInBlock(api.tx.inferenceMarket.submitResult(job, output, hex(bytes)), alice);
      assert.deepEqual(moduleError(api, refused.dispatchError),
        { section: 'halo2Verifier', name: 'ProofRejected', nested: 'VerificationFailed' });
      const fee = feePaidBy(api, refused.events, alice.address);
      assert.equal(await free(alice.address), aliceFree - fee, 'Alice paid only her fee');
      assert.equal(await held(bob.address), bobHeld, 'Bob\'s deposits stay held');
      assert.equal(await free(ESCROW), escrow, 'Bob\'s fee stays in escrow');
      assert.equal(await free(charlie.address), charlieFree, 'the owner got nothing');
      assert.equal((await api.query.system.account(TREASURY)).data.free.toBigInt(), treasury);
      const open = (await api.call.inferenceMarketApi.job(job)).unwrap().status;
      assert.ok(open.isAssigned, `job ${job} is ${open.type}`);
    }

    const charlieBefore = (await api.query.system.account(charlie.address)).data.free.toBigInt();
    const settled = await submitInBlock(
      api.tx.inferenceMarket.submitResult(job, proof.output, hex(proof.proof)), alice);
    assert.equal(settled.dispatchError, undefined, `submitResult: ${settled.dispatchError}`);
    const verified = settled.events.find(({ event }) => api.events.inferenceMarket.InferenceVerified.is(event));
    assert.ok(verified, `no InferenceVerified among ${eventNames(settled.events)}`);
    assert.deepEqual(verified.event.data.output.map((v) => v.toNumber()), proof.output);
    const { payout } = verified.event.data;
    assert.equal(payout.node.toBigInt() + payout.owner.toBigInt() + payout.protocol.toBigInt(), price);
    assert.equal(payout.node.toBigInt(), price * 80n / 100n);
    const charlieAfter = (await api.query.system.account(charlie.address)).data.free.toBigInt();
    assert.equal(charlieAfter - charlieBefore, payout.owner.toBigInt());

    // The runtime API returns the job with its verified output.
    const stored = await api.call.inferenceMarketApi.job(job);
    assert.ok(stored.isSome);
    const status = stored.unwrap().status;
    assert.ok(status.isFulfilled, `status ${status.type}`);
    assert.deepEqual(status.asFulfilled.output.map((v) => v.toNumber()), proof.output);

    // The node's share went to node staking as a fee reward; Alice (no pool members) gets all
    // of it. Her claim also holds her node's emission of the epochs closed so far.
    // (Crediting it settles her emission first, which may add an emission reward before it.)
    const rewarded = settled.events.find(({ event }) =>
      api.events.nodeStaking.Rewarded.is(event) && event.data.source.isFees);
    assert.ok(rewarded, `no fee reward among ${eventNames(settled.events)}`);
    assert.equal(rewarded.event.data.node.toString(), alice.address);
    assert.equal(rewarded.event.data.operator.toBigInt(), payout.node.toBigInt());
    assert.equal(rewarded.event.data.pool.toBigInt(), 0n);
    const claimable = (await api.call.nodeStakingApi.claimableRewards(alice.address)).toBigInt();
    assert.ok(claimable >= payout.node.toBigInt(), `claimable ${claimable}`);
    const claim = await submitInBlock(api.tx.nodeStaking.claimRewards(), alice);
    assert.equal(claim.dispatchError, undefined, `claimRewards: ${claim.dispatchError}`);
    const claimed = claim.events.find(({ event }) => api.events.nodeStaking.RewardsClaimed.is(event));
    assert.ok(claimed, `no RewardsClaimed among ${eventNames(claim.events)}`);
    assert.ok(claimed.event.data.amount.toBigInt() >= claimable, `claimed ${claimed.event.data.amount}`);
    const after = await api.at(claim.blockHash);
    assert.equal((await after.call.nodeStakingApi.claimableRewards(alice.address)).toBigInt(), 0n,
      'nothing is left to claim after the claim');
  });

  test('a batch of results settles the proved jobs in one transaction and refuses a forged proof', async () => {
    const { api } = node;
    const price = (await api.call.inferenceMarketApi.quote(model)).asOk.toBigInt();
    const probe = JSON.parse(readFileSync(path.join(work, 'probe.json'), 'utf8'));
    const input = probe.publicInputs.slice(1, 65).map(fieldToNumber);
    const jobs = [];
    for (let i = 0; i < 3; i += 1) {
      const submitted = await submitInBlock(api.tx.inferenceMarket.submitInference(model, input, price), bob);
      assert.equal(submitted.dispatchError, undefined, `submitInference: ${submitted.dispatchError}`);
      jobs.push(submitted.events.find(({ event }) => api.events.inferenceMarket.InferenceSubmitted.is(event))
        .event.data.job.toNumber());
    }
    for (let i = 0; i < 20; i += 1) {
      const assigned = (await api.call.inferenceMarketApi.jobsAssignedTo(alice.address)).map((j) => j.toNumber());
      if (jobs.every((job) => assigned.includes(job))) break;
      await waitForEvent(api, () => true, 2).catch(() => {});
    }
    // Jobs 0 and 2 proved for their bindings; job 1's "proof" is job 0's (another binding).
    const proofs = jobs.map((job) => {
      const out = path.join(work, `batch-${job}.json`);
      proverWorker(['prove', '--artifact', compiled.artifact, '--input', sample,
        '--job', String(job), '--node', u8aToHex(alice.publicKey).slice(2), '--out', out]);
      return JSON.parse(readFileSync(out, 'utf8'));
    });
    const results = [
      { job: jobs[0], output: proofs[0].output, proof: hex(proofs[0].proof) },
      { job: jobs[1], output: proofs[1].output, proof: hex(proofs[0].proof) },
      { job: jobs[2], output: proofs[2].output, proof: hex(proofs[2].proof) },
    ];
    const escrowBefore = await freeBalance(api, ESCROW);
    const charlieBefore = await freeBalance(api, charlie.address);
    const batch = await submitInBlock(api.tx.inferenceMarket.submitResults([{ model, results }]), alice);
    assert.equal(batch.dispatchError, undefined, `submitResults: ${batch.dispatchError}`);
    const verified = batch.events.filter(({ event }) => api.events.inferenceMarket.InferenceVerified.is(event))
      .map(({ event }) => event.data.job.toNumber());
    assert.deepEqual(verified.sort(), [jobs[0], jobs[2]].sort());
    const refused = batch.events.find(({ event }) => api.events.inferenceMarket.ResultRefused.is(event));
    assert.ok(refused, `no ResultRefused among ${eventNames(batch.events)}`);
    assert.equal(refused.event.data.job.toNumber(), jobs[1]);
    const error = api.registry.findMetaError(refused.event.data.error.asModule);
    assert.deepEqual([error.section, error.name], ['halo2Verifier', 'ProofRejected']);
    // Two fees paid out of escrow; the owner's two shares in one transfer; job 1 still Alice's.
    assert.equal(await freeBalance(api, ESCROW), escrowBefore - 2n * price);
    assert.equal(await freeBalance(api, charlie.address), charlieBefore + 2n * (price * 15n / 100n));
    const open = (await api.call.inferenceMarketApi.job(jobs[1])).unwrap().status;
    assert.ok(open.isAssigned, `job ${jobs[1]} is ${open.type}`);
    // Its own proof settles it afterwards.
    const late = await submitInBlock(
      api.tx.inferenceMarket.submitResult(jobs[1], proofs[1].output, hex(proofs[1].proof)), alice);
    assert.equal(late.dispatchError, undefined, `submitResult: ${late.dispatchError}`);
  });

  test('a node registered now serves from the next epoch, and takes pool stake', async () => {
    const { api } = node;
    const keyring = new Keyring({ type: 'sr25519' });
    const dave = keyring.addFromUri('//Dave');
    const eve = keyring.addFromUri('//Eve');
    const epoch = await api.call.nodeStakingApi.epoch();
    assert.equal(epoch.length.toNumber(), 10, 'the epochs the first test set by referendum');
    assert.equal(epoch.nextStart.toNumber(), epoch.start.toNumber() + 10);

    const bond = 1000n * 10n ** 12n;
    const units = (await api.query.modelRegistry.models(model)).unwrap().computeUnits.toNumber();
    const registered = await submitInBlock(api.tx.nodeStaking.registerNode([model], 100000, units, 0, bond), dave);
    assert.equal(registered.dispatchError, undefined, `registerNode: ${registered.dispatchError}`);
    const event = registered.events.find(({ event }) => api.events.nodeStaking.NodeRegistered.is(event));
    assert.ok(event, `no NodeRegistered among ${eventNames(registered.events)}`);
    assert.equal(event.event.data.activeFrom.toNumber(), epoch.index.toNumber() + 1);
    // His bond is recorded (and held).
    const record = await api.query.nodeStaking.nodes(dave.address);
    assert.equal(record.unwrap().bond.toBigInt(), bond);

    const joined = await submitInBlock(api.tx.nodeStaking.joinPool(dave.address, 50n * 10n ** 12n), eve);
    assert.equal(joined.dispatchError, undefined, `joinPool: ${joined.dispatchError}`);
    // Stake that joins earns from the next epoch: it waits as the pool's pending stake.
    const pool = (await api.query.nodeStaking.pools(dave.address)).unwrap();
    assert.equal(pool.active.toBigInt(), 0n);
    assert.equal(pool.pending.unwrap().balance.toBigInt(), 50n * 10n ** 12n);
    assert.ok(pool.pending.unwrap().epoch.toNumber() >= epoch.index.toNumber());

    // An operator cannot also stake in a pool.
    const refused = await submitInBlock(api.tx.nodeStaking.joinPool(dave.address, 50n * 10n ** 12n), alice);
    assert.deepEqual(moduleError(api, refused.dispatchError),
      { section: 'nodeStaking', name: 'OperatorCannotJoin', nested: undefined });
  });
});
