// Governance on a --dev node from @polkadot/api: a referendum on the parameters track doubles
// the unit price and shortens the epoch (the market quotes and charges the new price, node
// staking runs the new epochs), and a referendum on the validator-admin track adds Bob to the
// validator set. Every step is an extrinsic: preimage, submission, decision deposit, votes,
// enactment by the scheduler, deposit refund. Dev chains run referenda in minutes.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { rpcCall, startDevNode } from './lib/node.js';
import { compileDigitsMlp, hex } from './lib/prover.js';
import { passReferendum } from './lib/referendum.js';
import { eventNames, moduleError, submitInBlock } from './lib/tx.js';

const MICRO_UNIT = 10n ** 6n;
const PARAMETER_ADMIN_TRACK = 1;
const VALIDATOR_ADMIN_TRACK = 2;

describe('governance on a --dev node', () => {
  let node;
  let work;
  let alice;
  let bob;
  let charlie;
  let dave;

  before(async () => {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
    work = mkdtempSync(path.join(os.tmpdir(), 'zkinfer-governance-e2e-'));
    node = await startDevNode();
  });

  after(async () => {
    await node?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('a referendum on the parameters track changes the unit price and the epoch length', async () => {
    const { api } = node;
    // A model to price: the digits MLP, registered by Charlie.
    const { compiled } = compileDigitsMlp(path.join(work, 'artifacts'));
    const vk = u8aToHex(readFileSync(path.join(compiled.artifact, 'vk.bin')));
    // The key is the demo model's, registered at genesis on --dev.
    if ((await api.query.halo2Verifier.keys(hex(compiled.vkHash))).isNone) {
      assert.equal((await submitInBlock(api.tx.halo2Verifier.registerVk(vk), charlie)).dispatchError, undefined);
    }
    const registered = await submitInBlock(api.tx.modelRegistry.registerModel({
      metadata: '0x', inputShape: [1, 64], inputScale: 5, outputShape: [1, 10], outputScale: 5,
      inputDomain: { min: -2048, max: 2047 }, proofSystem: 'Halo2Kzg', vk: hex(compiled.vkHash),
      artifact: hex(path.basename(compiled.artifact)),
    }), charlie);
    const modelEvent = registered.events.find(({ event }) => api.events.modelRegistry.ModelRegistered.is(event));
    assert.ok(modelEvent, `no ModelRegistered among ${eventNames(registered.events)}`);
    const model = modelEvent.event.data.model.toNumber();

    const quote = async () => (await api.call.inferenceMarketApi.quote(model)).asOk.toBigInt();
    const oldPrice = await quote();
    // Compute units are the chain's, from the key.
    const units = (await api.query.modelRegistry.models(model)).unwrap().computeUnits.toBigInt();
    assert.equal(oldPrice, units * 10n * MICRO_UNIT);
    assert.equal((await api.call.nodeStakingApi.epoch()).length.toNumber(), 600);

    // One proposal: set both parameters, atomically.
    const call = api.tx.utility.batchAll([
      api.tx.parameters.setParameter({ Market: { UnitPrice: [null, 20n * MICRO_UNIT] } }),
      api.tx.parameters.setParameter({ NodeStaking: { EpochLength: [null, 300] } }),
    ]);
    const { track, dispatched } = await passReferendum(api, {
      origin: { GovernanceOrigins: 'ParameterAdmin' }, call, proposer: alice, voters: [alice, bob, charlie],
    });
    assert.equal(track, PARAMETER_ADMIN_TRACK);
    assert.ok(dispatched.isOk, `enactment: ${dispatched.toString()}`);

    // The parameters are stored...
    const stored = await api.query.parameters.parameters({ Market: 'UnitPrice' });
    assert.equal(stored.unwrap().asMarket.asUnitPrice.toBigInt(), 20n * MICRO_UNIT);
    // ...the market prices and charges new jobs at the new price...
    const newPrice = await quote();
    assert.equal(newPrice, 2n * oldPrice);
    const input = Array(64).fill(0);
    const refused = await submitInBlock(api.tx.inferenceMarket.submitInference(model, input, oldPrice), dave);
    assert.deepEqual(moduleError(api, refused.dispatchError),
      { section: 'inferenceMarket', name: 'PriceAboveMaxFee', nested: undefined });
    const accepted = await submitInBlock(api.tx.inferenceMarket.submitInference(model, input, newPrice), dave);
    assert.equal(accepted.dispatchError, undefined, `submitInference: ${accepted.dispatchError}`);
    const job = accepted.events.find(({ event }) => api.events.inferenceMarket.InferenceSubmitted.is(event));
    assert.equal(job.event.data.fee.toBigInt(), newPrice);
    // ...and node staking runs 300-block epochs.
    assert.equal((await api.call.nodeStakingApi.epoch()).length.toNumber(), 300);
  });

  test('an out-of-bounds parameter is refused even by the parameters track', async () => {
    const { api } = node;
    const call = api.tx.parameters.setParameter({ NodeStaking: { EpochLength: [null, 0] } });
    const { dispatched } = await passReferendum(api, {
      origin: { GovernanceOrigins: 'ParameterAdmin' }, call, proposer: alice, voters: [alice, bob, charlie],
    });
    assert.ok(dispatched.isErr);
    assert.deepEqual(moduleError(api, dispatched.asErr), { section: 'system', name: 'CallFiltered', nested: undefined });
    assert.equal((await api.call.nodeStakingApi.epoch()).length.toNumber(), 300);
  });

  test('a referendum on the validator-admin track adds Bob to the validator set', async () => {
    const { api } = node;
    // Bob's session keys, generated in this node's keystore with a proof that Bob owns them.
    // `author_rotateKeysWithOwner` is newer than @polkadot/api's RPC definitions: call it raw.
    const generated = await rpcCall(node.rpcPort, 'author_rotateKeysWithOwner', [u8aToHex(bob.addressRaw)]);
    const keys = api.createType('ZkinferRuntimeSessionKeys', hexToU8a(generated.keys));
    assert.equal((await submitInBlock(api.tx.session.setKeys(keys, generated.proof), bob)).dispatchError, undefined);

    // Bob cannot add himself; only a referendum (or root) can.
    const refused = await submitInBlock(api.tx.validatorSet.addInvulnerable(bob.address), bob);
    assert.equal(refused.dispatchError?.isBadOrigin, true, `${refused.dispatchError}`);

    const { track, dispatched } = await passReferendum(api, {
      origin: { GovernanceOrigins: 'ValidatorAdmin' },
      call: api.tx.validatorSet.addInvulnerable(bob.address),
      proposer: alice,
      voters: [alice, bob, charlie],
    });
    assert.equal(track, VALIDATOR_ADMIN_TRACK);
    assert.ok(dispatched.isOk, `enactment: ${dispatched.toString()}`);
    const invulnerables = (await api.query.validatorSet.invulnerables()).map(String);
    assert.deepEqual(invulnerables.sort(), [alice.address, bob.address].sort());
  });
});
