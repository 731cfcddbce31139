// A single `zkinfer-node --dev` node: blocks, finality, a transfer from Alice, metadata, metrics.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

import { bestNumber, finalizedNumber, startDevNode, waitFor } from './lib/node.js';

const UNIT = 10n ** 12n;

describe('zkinfer-node --dev', () => {
  let node;
  let keyring;

  before(async () => {
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    node = await startDevNode();
  });

  after(async () => {
    await node?.stop();
  });

  test('produces and finalizes blocks', async () => {
    const { api } = node;
    await waitFor(async () => (await bestNumber(api)) >= 2, 60_000, 'block #2');
    await waitFor(async () => (await finalizedNumber(api)) >= 1, 60_000, 'a finalized block');
    assert.equal(api.runtimeVersion.specName.toString(), 'zkinfer');
    const chain = await api.rpc.system.chain();
    assert.equal(chain.toString(), 'zkinfer development');
  });

  test('a transfer from Alice is included, finalized and paid for', async () => {
    const { api } = node;
    const alice = keyring.addFromUri('//Alice');
    const recipient = keyring.addFromMnemonic(mnemonicGenerate());
    const amount = 12n * UNIT + 345n;

    const { blockHash, events } = await new Promise((resolve, reject) => {
      let inBlock;
      let unsubscribe = () => {};
      api.tx.balances
        .transferKeepAlive(recipient.address, amount)
        .signAndSend(alice, (result) => {
          if (result.dispatchError) {
            unsubscribe();
            reject(new Error(`transfer failed: ${result.dispatchError.toString()}`));
          } else if (result.status.isInBlock) {
            inBlock = { blockHash: result.status.asInBlock, events: result.events };
          } else if (result.status.isFinalized) {
            unsubscribe();
            resolve({ blockHash: result.status.asFinalized, events: inBlock?.events ?? result.events });
          } else if (result.isError) {
            unsubscribe();
            reject(new Error(`transfer not included: ${result.status.type}`));
          }
        })
        .then((unsub) => { unsubscribe = unsub; }, reject);
    });

    const names = events.map(({ event }) => `${event.section}.${event.method}`);
    assert.ok(names.includes('system.ExtrinsicSuccess'), `events: ${names}`);

    const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
    assert.ok(transfer, `no balances.Transfer among ${names}`);
    const [from, to, transferred] = transfer.event.data;
    assert.equal(from.toString(), alice.address);
    assert.equal(to.toString(), recipient.address);
    assert.equal(transferred.toBigInt(), amount);

    const feePaid = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.ok(feePaid, `no transactionPayment.TransactionFeePaid among ${names}`);
    const [payer, actualFee, tip] = feePaid.event.data;
    assert.equal(payer.toString(), alice.address);
    assert.ok(actualFee.toBigInt() > 0n, 'the fee is not zero');
    assert.equal(tip.toBigInt(), 0n);

    // Balances: the recipient has exactly the amount; Alice paid the amount plus the fee.
    const header = await api.rpc.chain.getHeader(blockHash);
    const before = await api.at(header.parentHash);
    const atBlock = await api.at(blockHash);
    const aliceBefore = (await before.query.system.account(alice.address)).data.free.toBigInt();
    const aliceAfter = (await atBlock.query.system.account(alice.address)).data.free.toBigInt();
    const recipientAfter = (await atBlock.query.system.account(recipient.address)).data.free.toBigInt();
    assert.equal(recipientAfter, amount);
    assert.equal(aliceBefore - aliceAfter, amount + actualFee.toBigInt());

    // The block is final.
    const finalized = await finalizedNumber(api);
    assert.ok(finalized >= header.number.toNumber());
  });

  test('metadata describes every pallet, and every storage item decodes from it', async () => {
    const { api } = node;
    const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
    for (const expected of ['System', 'Timestamp', 'Balances', 'TransactionPayment', 'Utility', 'Authorship',
      'ValidatorSet', 'Session', 'Aura', 'Grandpa', 'Sudo', 'Preimage', 'Scheduler', 'Referenda',
      'ConvictionVoting', 'GovernanceOrigins', 'Parameters', 'Treasury']) {
      assert.ok(pallets.includes(expected), `pallet ${expected} missing from ${pallets}`);
    }
    assert.equal(typeof api.tx.validatorSet.addInvulnerable, 'function');
    assert.equal(typeof api.tx.validatorSet.removeInvulnerable, 'function');
    assert.equal(typeof api.tx.session.setKeys, 'function');

    let decoded = 0;
    for (const [section, methods] of Object.entries(api.query)) {
      if (section === 'substrate') continue;
      for (const [method, query] of Object.entries(methods)) {
        const { type } = query.creator.meta;
        if (type.isPlain) {
          await query();
        } else {
          await query.entriesPaged({ args: [], pageSize: 10 });
        }
        decoded += 1;
        assert.ok(method.length > 0);
      }
    }
    assert.ok(decoded > 40, `only ${decoded} storage items were decoded`);
  });

  test('the validator set has Alice, Alice holds the dev-only sudo key, and a signed origin cannot change the set', async () => {
    const { api } = node;
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    assert.deepEqual((await api.query.validatorSet.invulnerables()).map(String), [alice.address]);
    assert.deepEqual((await api.query.session.validators()).map(String), [alice.address]);
    assert.equal((await api.query.sudo.key()).toString(), alice.address);

    // Validators change by referendum (tests/e2e/governance.test.js) or root, not by a signature.
    const refused = await sendAndFinalize(api, api.tx.validatorSet.removeInvulnerable(alice.address), bob, true);
    assert.ok(refused.some(({ event }) => api.events.system.ExtrinsicFailed.is(event)));
  });

  test('serves Prometheus metrics', async () => {
    const response = await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`);
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.match(text, /substrate_block_height\{status="finalized"/);
  });
});

/** Signs and sends `tx`, resolves with its events once finalized; rejects on a dispatch error
 * unless `allowFailure`. */
function sendAndFinalize(api, tx, signer, allowFailure = false) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, (result) => {
      if (result.dispatchError && !allowFailure) {
        unsubscribe();
        reject(new Error(`dispatch error: ${result.dispatchError.toString()}`));
      } else if (result.status.isFinalized) {
        unsubscribe();
        resolve(result.events);
      } else if (result.isError) {
        unsubscribe();
        reject(new Error(`not included: ${result.status.type}`));
      }
    }).then((unsub) => { unsubscribe = unsub; }, reject);
  });
}
