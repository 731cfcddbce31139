// An OpenGov referendum from @polkadot/api, every step an extrinsic: preimage, submission,
// decision deposit, votes, enactment, deposit refund.

import assert from 'node:assert/strict';

import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { waitFor } from './node.js';
import { eventNames, submitInBlock } from './tx.js';

const UNIT = 10n ** 12n;

/** What each voter locks behind its aye: three of them pass any track on a dev chain. */
export const VOTE = 900_000n * UNIT;

/** Fails with the events' names unless the extrinsic succeeded; returns its result. */
async function succeed(what, tx, signer) {
  const result = await submitInBlock(tx, signer);
  assert.equal(result.dispatchError, undefined, `${what}: ${result.dispatchError} (${eventNames(result.events)})`);
  return result;
}

/**
 * Passes `call` (a `api.tx...` value) by referendum with `origin` (e.g.
 * `{ GovernanceOrigins: 'ParameterAdmin' }`): `proposer` notes the preimage (unless it is
 * noted already), submits it for
 * enactment a block after approval and places the decision deposit; each of `voters` votes
 * aye with `VOTE` at conviction 1x; resolves, once the scheduler has dispatched the proposal,
 * to `{ index, track, dispatched }` (`dispatched`: the `Scheduler.Dispatched` event's result).
 * The proposer's decision deposit is refunded at the end.
 */
export async function passReferendum(api, { origin, call, proposer, voters, timeoutMs = 180_000 }) {
  const bytes = call.method.toU8a();
  const hash = blake2AsHex(bytes);
  // As hex: @polkadot/api reads a Uint8Array for `Bytes` as already length-prefixed. A call
  // passed before (the same parameter set again) has its preimage on chain already.
  const noted = await api.query.preimage.preimageFor([hash, bytes.length]);
  if (noted.isNone) {
    await succeed('notePreimage', api.tx.preimage.notePreimage(u8aToHex(bytes)), proposer);
  }

  const submitted = await succeed('submit',
    api.tx.referenda.submit(origin, { Lookup: { hash, len: bytes.length } }, { After: 1 }), proposer);
  const event = submitted.events.find(({ event }) => api.events.referenda.Submitted.is(event));
  assert.ok(event, `no Referenda.Submitted among ${eventNames(submitted.events)}`);
  const index = event.event.data.index.toNumber();
  const track = event.event.data.track.toNumber();

  // Watch the scheduler for the enactment from now on.
  const enactmentId = blake2AsHex(api.createType('([u8; 8], Text, u32)',
    [new TextEncoder().encode('assembly'), 'enactment', index]).toU8a(), 256);
  let dispatched;
  const unsubscribe = await api.query.system.events((events) => {
    for (const { event } of events) {
      if (api.events.scheduler.Dispatched.is(event) && event.data.id.isSome
        && event.data.id.unwrap().toHex() === enactmentId) {
        dispatched = event.data.result;
      }
    }
  });

  try {
    await succeed('placeDecisionDeposit', api.tx.referenda.placeDecisionDeposit(index), proposer);
    const vote = { Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance: VOTE } };
    await Promise.all(voters.map((voter) => succeed('vote', api.tx.convictionVoting.vote(index, vote), voter)));

    await waitFor(() => dispatched !== undefined, timeoutMs, `the enactment of referendum ${index}`);
  } finally {
    unsubscribe();
  }
  const info = await api.query.referenda.referendumInfoFor(index);
  assert.ok(info.unwrap().isApproved, `referendum ${index}: ${info.toString()}`);
  await succeed('refundDecisionDeposit', api.tx.referenda.refundDecisionDeposit(index), proposer);
  return { index, track, dispatched };
}

/** Node staking's default `MinBond` (runtime `parameters.rs`), plank. */
const DEFAULT_MIN_BOND = 1_000n * 10n ** 12n;

/** Node staking's `MinBond` in force: the governed value if one was set, else the default. */
export async function minBond(api) {
  const stored = await api.query.parameters.parameters({ NodeStaking: 'MinBond' });
  return stored.isSome ? stored.unwrap().asNodeStaking.asMinBond.toBigInt() : DEFAULT_MIN_BOND;
}

/**
 * Makes Alice's node (a --dev chain's genesis node) serve `models` as well as the demo model:
 * a referendum shortens node staking's epochs to `epochBlocks` (the one-hour default would
 * keep a new configuration waiting an hour), Alice bonds what the models need (`bondExtra`),
 * her `updateNode` takes effect at the next epoch, and this resolves once it has started. Genesis nodes serve only models that exist
 * at genesis, so a model registered later needs a node that signs up for it.
 */
export async function serveWithAlice(api, { models, alice, voters, epochBlocks = 10, throughput }) {
  const call = api.tx.parameters.setParameter({ NodeStaking: { EpochLength: [null, epochBlocks] } });
  const { dispatched } = await passReferendum(api, { origin: { GovernanceOrigins: 'ParameterAdmin' }, call, proposer: alice, voters });
  assert.ok(dispatched.isOk, `enactment: ${dispatched.toString()}`);
  const node = (await api.query.nodeStaking.nodes(alice.address)).unwrap();
  // A node bonds `MinBond` per model it serves.
  const missing = (await minBond(api)) * BigInt(models.length + 1) - node.bond.toBigInt();
  if (missing > 0n) {
    const bonded = await submitInBlock(api.tx.nodeStaking.bondExtra(missing), alice);
    assert.equal(bonded.dispatchError, undefined, `bondExtra: ${bonded.dispatchError}`);
  }
  const updated = await submitInBlock(
    api.tx.nodeStaking.updateNode([0, ...models], node.config.capacity, throughput ?? node.config.throughput, 0), alice);
  assert.equal(updated.dispatchError, undefined, `updateNode: ${updated.dispatchError}`);
  const from = updated.events.find(({ event }) => api.events.nodeStaking.NodeUpdated.is(event)).event.data.from.toNumber();
  await waitFor(async () => (await api.call.nodeStakingApi.epoch()).index.toNumber() >= from, 180_000,
    `epoch ${from}, when Alice's node serves ${models}`);
}
