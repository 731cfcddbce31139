// Native Groth16 verification on a --dev node: snarkjs files converted by
// `zkinfer-node groth16-import`, the key registered with a deposit, the proof verified by an
// extrinsic from another account, and a tampered proof refused with its reason while the
// sender still pays the fee.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';

import { nodeBinary, repoRoot, startDevNode } from './lib/node.js';
import { eventNames, feePaidBy, moduleError, submitInBlock } from './lib/tx.js';

const FIXTURES = path.join(repoRoot, 'pallets', 'proof-verifier', 'groth16', 'fixtures');

/** The snarkjs fixture in the chain's encoding, through the node's CLI. */
function importFixture() {
  const out = execFileSync(nodeBinary(), [
    'groth16-import',
    '--vk', path.join(FIXTURES, 'verification_key.json'),
    '--proof', path.join(FIXTURES, 'proof.json'),
    '--public', path.join(FIXTURES, 'public.json'),
  ], { encoding: 'utf8' });
  return JSON.parse(out);
}

describe('native Groth16 verification on a --dev node', () => {
  let node;
  let alice;
  let bob;
  let fixture;

  before(async () => {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
    fixture = importFixture();
    node = await startDevNode();
  });

  after(async () => {
    await node?.stop();
  });

  test('groth16-import converts the snarkjs files', () => {
    assert.equal(hexToU8a(fixture.vk)[0], 1, 'key format version 1');
    assert.equal(hexToU8a(fixture.proof).length, 256);
    assert.equal(fixture.publicInputs.length, 4);
    assert.equal(fixture.vkHash, u8aToHex(blake2AsU8a(hexToU8a(fixture.vk), 256)));
  });

  test('a key is registered with a deposit and a snarkjs proof verifies by extrinsic', async () => {
    const { api } = node;

    const registered = await submitInBlock(api.tx.groth16Verifier.registerVk(fixture.vk), alice);
    assert.equal(registered.dispatchError, undefined, `registerVk failed: ${registered.dispatchError}`);
    const keyEvent = registered.events.find(({ event }) => api.events.groth16Verifier.KeyRegistered.is(event));
    assert.ok(keyEvent, `no KeyRegistered among ${eventNames(registered.events)}`);
    const { key, owner, publicInputs, deposit } = keyEvent.event.data;
    assert.equal(key.toHex(), fixture.vkHash);
    assert.equal(owner.toString(), alice.address);
    assert.equal(publicInputs.toNumber(), 4);
    assert.ok(deposit.toBigInt() > 0n);

    const record = await api.query.groth16Verifier.keys(fixture.vkHash);
    assert.equal(record.unwrap().owner.toString(), alice.address);
    const holds = await api.query.balances.holds(alice.address);
    assert.ok(holds.some((h) => h.amount.toBigInt() === deposit.toBigInt()), `holds: ${holds}`);

    const submitted = await submitInBlock(
      api.tx.groth16Verifier.submitProof(fixture.vkHash, fixture.publicInputs, fixture.proof), bob);
    assert.equal(submitted.dispatchError, undefined, `submitProof failed: ${submitted.dispatchError}`);
    const verified = submitted.events.find(({ event }) => api.events.groth16Verifier.ProofVerified.is(event));
    assert.ok(verified, `no ProofVerified among ${eventNames(submitted.events)}`);
    const statement = blake2AsU8a(u8aConcat(hexToU8a(fixture.vkHash), ...fixture.publicInputs.map((input) => hexToU8a(input))), 256);
    assert.equal(verified.event.data.statement.toHex(), u8aToHex(statement));
    assert.equal(verified.event.data.submitter.toString(), bob.address);
    feePaidBy(api, submitted.events, bob.address);
  });

  test('a tampered proof is refused with its reason, and the sender pays the fee', async () => {
    const { api } = node;
    if ((await api.query.groth16Verifier.keys(fixture.vkHash)).isNone) {
      const registered = await submitInBlock(api.tx.groth16Verifier.registerVk(fixture.vk), alice);
      assert.equal(registered.dispatchError, undefined);
    }
    const tampered = [...fixture.publicInputs];
    tampered[0] = u8aToHex(u8aConcat(new Uint8Array([34]), new Uint8Array(31))); // prod = 34, not 33

    const before = (await api.query.system.account(bob.address)).data.free.toBigInt();
    const refused = await submitInBlock(
      api.tx.groth16Verifier.submitProof(fixture.vkHash, tampered, fixture.proof), bob);
    const error = moduleError(api, refused.dispatchError);
    assert.deepEqual(error, { section: 'groth16Verifier', name: 'ProofRejected', nested: 'VerificationFailed' });
    assert.ok(eventNames(refused.events).includes('system.ExtrinsicFailed'));
    const fee = feePaidBy(api, refused.events, bob.address);
    assert.ok(fee > 0n);
    const afterBlock = await api.at(refused.blockHash);
    const after = (await afterBlock.query.system.account(bob.address)).data.free.toBigInt();
    assert.ok(before - after >= fee, `Bob paid ${before - after}, the fee is ${fee}`);

    // A key that is not on the curve never gets registered.
    const broken = hexToU8a(fixture.vk);
    broken[1 + 32] ^= 1; // α's y coordinate
    const rejectedKey = await submitInBlock(api.tx.groth16Verifier.registerVk(u8aToHex(broken)), alice);
    assert.deepEqual(moduleError(api, rejectedKey.dispatchError),
      { section: 'groth16Verifier', name: 'InvalidKey', nested: { InvalidKeyPoint: 0 } });
  });
});
