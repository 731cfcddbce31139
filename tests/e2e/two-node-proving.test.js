// A two-node local network: Alice's node proves her jobs with its off-chain worker, while
// Bob, the operator of the second node's compute node, proves his with the standalone
// `prover-worker run` against node 2's RPC (node 2's off-chain workers are off). Jobs are
// assigned round-robin, so each operator gets some and each is verified and paid. Then Bob's
// prover is stopped mid-job: at the deadline the job goes back to the queue, Bob's missed
// deadline is reported to node staking, and Alice's node proves it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { referenceInference, samplePath, waitForEvent } from './lib/market.js';
import { nodeBinary, rpcCall, startNode, startProverWorker, waitFor } from './lib/node.js';
import { compileDigitsMlp } from './lib/prover.js';
import { eventNames, submitInBlock } from './lib/tx.js';

/** The local testnet's spec cut down to Alice and Bob as validators and compute nodes. */
function twoValidatorSpec(dir, alice, bob) {
  const spec = JSON.parse(execFileSync(nodeBinary(), ['build-spec', '--chain', 'local', '--disable-default-bootnode'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 }));
  const patch = spec.genesis.runtimeGenesis.patch;
  const keep = new Set([alice, bob]);
  patch.session.keys = patch.session.keys.filter(([account]) => keep.has(account));
  patch.validatorSet.invulnerables = patch.validatorSet.invulnerables.filter((account) => keep.has(account));
  patch.nodeStaking.nodes = patch.nodeStaking.nodes.filter(([account]) => keep.has(account));
  const file = path.join(dir, 'two-validators.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

describe('a two-node network with a standalone prover worker', () => {
  let work;
  let node1;
  let node2;
  let worker;
  let alice;
  let bob;
  let charlie;
  let reference;

  before(async () => {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
    charlie = keyring.addFromUri('//Charlie');
    work = mkdtempSync(path.join(os.tmpdir(), 'zkinfer-two-node-e2e-'));
    const spec = twoValidatorSpec(work, alice.address, bob.address);
    node1 = await startNode(['--chain', spec, '--alice', '--tmp', '--node-key', '01'.repeat(32),
      '--model-store', path.join(work, 'store-1')]);
    const peerId = await rpcCall(node1.rpcPort, 'system_localPeerId');
    node2 = await startNode(['--chain', spec, '--bob', '--tmp', '--node-key', '02'.repeat(32), '--offchain-worker', 'never',
      '--bootnodes', `/ip4/127.0.0.1/tcp/${node1.p2pPort}/p2p/${peerId}`]);
    // Bob's prover has its own model store, with the demo model compiled into it.
    const store = path.join(work, 'store-2');
    const { compiled } = compileDigitsMlp(store);
    reference = await referenceInference(compiled.artifact, samplePath('digits_mlp', 1), work);
    worker = startProverWorker(['--url', `ws://127.0.0.1:${node2.rpcPort}`, '--suri', '//Bob', '--model-store', store]);
    await waitFor(async () => worker.lines.some((l) => l.event === 'connected'), 60_000, 'the prover worker connects');
  });

  after(async () => {
    await worker?.stop();
    await node2?.stop();
    await node1?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Submits one inference on the demo model from `who` through node 1; resolves to the job id. */
  async function submit(who) {
    const { api } = node1;
    const price = (await api.call.inferenceMarketApi.quote(0)).asOk.toBigInt();
    const submitted = await submitInBlock(api.tx.inferenceMarket.submitInference(0, reference.input, price), who);
    assert.equal(submitted.dispatchError, undefined, `submitInference: ${submitted.dispatchError}`);
    const event = submitted.events.find(({ event: e }) => api.events.inferenceMarket.InferenceSubmitted.is(e));
    assert.ok(event, `no InferenceSubmitted among ${eventNames(submitted.events)}`);
    return event.event.data.job.toNumber();
  }

  /** The node a job is assigned to (waits for the assignment). */
  async function assignee(job) {
    const { api } = node1;
    let node;
    await waitFor(async () => {
      const status = (await api.call.inferenceMarketApi.job(job)).unwrap().status;
      if (status.isAssigned) node = status.asAssigned.node.toString();
      return node !== undefined;
    }, 60_000, `job ${job} is assigned`);
    return node;
  }

  test('each operator proves its own jobs: Alice by her node, Bob by the standalone worker', async () => {
    const { api } = node1;
    const jobs = [await submit(charlie), await submit(charlie)];
    const nodes = await Promise.all(jobs.map(assignee));
    assert.deepEqual(new Set(nodes), new Set([alice.address, bob.address]), 'round-robin over both nodes');
    for (const job of jobs) {
      const { event } = await waitForEvent(api,
        (e) => api.events.inferenceMarket.InferenceVerified.is(e) && e.data.job.toNumber() === job, 20);
      assert.deepEqual(event.data.output.map((v) => v.toNumber()), reference.output);
    }
    const bobsJob = jobs[nodes.indexOf(bob.address)];
    assert.ok(worker.lines.some((l) => l.event === 'submitted' && l.jobs.includes(bobsJob)),
      `the worker submitted job ${bobsJob}: ${JSON.stringify(worker.lines)}`);
  });

  test('with Bob\'s prover stopped, his job expires, his offence is recorded and Alice proves it', async () => {
    const { api } = node1;
    assert.equal(await worker.stop(), 0, 'the worker exits cleanly on SIGTERM');
    assert.ok(worker.lines.some((l) => l.event === 'stopping'));

    // Submit until a job goes to Bob (the cursor alternates).
    let job;
    for (let attempt = 0; attempt < 3 && job === undefined; attempt += 1) {
      const candidate = await submit(charlie);
      if (await assignee(candidate) === bob.address) job = candidate;
    }
    assert.ok(job !== undefined, 'a job was assigned to Bob');

    // The deadline is two minutes (20 blocks).
    const expired = await waitForEvent(api,
      (e) => api.events.inferenceMarket.JobExpired.is(e) && e.data.job.toNumber() === job, 40);
    assert.equal(expired.event.data.node.toString(), bob.address);
    assert.equal(expired.event.data.requeued.isTrue, true, 'the job goes back to the queue');
    const offence = expired.events.find(({ event }) => api.events.nodeStaking.OffenceReported.is(event));
    assert.ok(offence, `no OffenceReported among ${eventNames(expired.events)}`);
    assert.equal(offence.event.data.node.toString(), bob.address);
    assert.equal(offence.event.data.offence.type, 'MissedDeadline');

    const { event } = await waitForEvent(api,
      (e) => api.events.inferenceMarket.InferenceVerified.is(e) && e.data.job.toNumber() === job, 20);
    assert.equal(event.data.node.toString(), alice.address, 'reassigned to Alice, who proves it');
    assert.deepEqual(event.data.output.map((v) => v.toNumber()), reference.output);
  });
});
