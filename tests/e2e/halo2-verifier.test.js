// Native halo2-KZG verification on a --dev node: the prover worker compiles the digits CNN
// and proves one inference under the development SRS, which the dev chain holds in genesis;
// the key is registered with a deposit, the proof verifies by an extrinsic from another
// account, and a proof of another output is refused with its reason while the sender still
// pays the fee.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';

import { startDevNode } from './lib/node.js';
import { compileModel, hex, proverWorker } from './lib/prover.js';
import { eventNames, feePaidBy, moduleError, submitInBlock } from './lib/tx.js';

// Job binding 42: 32 bytes, little-endian.
const BINDING = `2a${'00'.repeat(31)}`;

describe('native halo2-KZG verification on a --dev node', () => {
  let node;
  let alice;
  let bob;
  let work;
  let compiled;
  let vk;
  let proof;

  before(async () => {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
    work = mkdtempSync(path.join(os.tmpdir(), 'zkinfer-halo2-e2e-'));
    let samples;
    // The digits CNN: the MLP's key is registered at genesis as the demo model's.
    ({ compiled, samples } = compileModel(path.join(work, 'artifacts'), 'digits_cnn'));
    vk = u8aToHex(readFileSync(path.join(compiled.artifact, 'vk.bin')));
    const proofPath = path.join(work, 'proof.json');
    proverWorker(['prove', '--artifact', compiled.artifact, '--input', samples[0],
      '--job-binding', BINDING, '--out', proofPath]);
    proof = JSON.parse(readFileSync(proofPath, 'utf8'));
    node = await startDevNode();
  });

  after(async () => {
    await node?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('the dev chain holds the SRS the prover worker proves with', async () => {
    const { api } = node;
    const paramsHash = await api.query.halo2Verifier.paramsHash();
    assert.equal(paramsHash.toHex(), hex(compiled.srsHash));
    const params = await api.query.halo2Verifier.params();
    assert.equal(params.toHex(), u8aToHex(readFileSync(path.join(compiled.artifact, 'srs.bin'))));
  });

  test('a key is registered with its width and a prover-worker proof verifies by extrinsic', async () => {
    const { api } = node;
    const registered = await submitInBlock(api.tx.halo2Verifier.registerVk(vk), alice);
    assert.equal(registered.dispatchError, undefined, `registerVk failed: ${registered.dispatchError}`);
    const keyEvent = registered.events.find(({ event }) => api.events.halo2Verifier.KeyRegistered.is(event));
    assert.ok(keyEvent, `no KeyRegistered among ${eventNames(registered.events)}`);
    const { key, publicInputs, width, deposit } = keyEvent.event.data;
    assert.equal(key.toHex(), hex(compiled.vkHash));
    assert.equal(publicInputs.toNumber(), compiled.publicInputs);
    assert.equal(width.toNumber(), compiled.width);
    assert.ok(deposit.toBigInt() > 0n);

    const inputs = proof.publicInputs.map(hex);
    assert.equal(inputs[0], hex(BINDING));
    const submitted = await submitInBlock(
      api.tx.halo2Verifier.submitProof(key.toHex(), inputs, hex(proof.proof)), bob);
    assert.equal(submitted.dispatchError, undefined, `submitProof failed: ${submitted.dispatchError}`);
    const verified = submitted.events.find(({ event }) => api.events.halo2Verifier.ProofVerified.is(event));
    assert.ok(verified, `no ProofVerified among ${eventNames(submitted.events)}`);
    const statement = blake2AsU8a(u8aConcat(key.toU8a(), ...inputs.map((input) => hexToU8a(input))), 256);
    assert.equal(verified.event.data.statement.toHex(), u8aToHex(statement));
    assert.equal(verified.event.data.submitter.toString(), bob.address);
    feePaidBy(api, submitted.events, bob.address);
  });

  test('a proof of another output is refused with its reason, and the sender pays the fee', async () => {
    const { api } = node;
    const key = hex(compiled.vkHash);
    if ((await api.query.halo2Verifier.keys(key)).isNone) {
      const registered = await submitInBlock(api.tx.halo2Verifier.registerVk(vk), alice);
      assert.equal(registered.dispatchError, undefined);
    }
    const inputs = proof.publicInputs.map(hex);
    const claimed = hexToU8a(inputs[inputs.length - 1]);
    claimed[0] ^= 1; // the last logit, off by one
    inputs[inputs.length - 1] = u8aToHex(claimed);

    const refused = await submitInBlock(api.tx.halo2Verifier.submitProof(key, inputs, hex(proof.proof)), bob);
    assert.deepEqual(moduleError(api, refused.dispatchError),
      { section: 'halo2Verifier', name: 'ProofRejected', nested: 'VerificationFailed' });
    assert.ok(eventNames(refused.events).includes('system.ExtrinsicFailed'));
    assert.ok(feePaidBy(api, refused.events, bob.address) > 0n);

    // A statement with one input too few is refused before any verification work.
    const short = await submitInBlock(api.tx.halo2Verifier.submitProof(key, inputs.slice(1), hex(proof.proof)), bob);
    assert.deepEqual(moduleError(api, short.dispatchError),
      { section: 'halo2Verifier', name: 'ProofRejected', nested: 'PublicInputCount' });
  });
});
