// Inference-market helpers shared by the end-to-end tests of off-chain proving.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { stringToU8a, u8aConcat } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

import { MODELS, proverWorkerAsync } from './prover.js';

/** The treasury's account: `modl` ++ its pallet id `py/trsry`, zero-padded. */
export const TREASURY = encodeAddress(u8aConcat(stringToU8a('modlpy/trsry'), new Uint8Array(20)), 42);

/** The market's escrow account, which holds every open job's fee: `modl` ++ `zk/markt`. */
export const ESCROW = encodeAddress(u8aConcat(stringToU8a('modlzk/markt'), new Uint8Array(20)), 42);

/** A little-endian 32-byte field element (hex) of a non-negative quantized value, as a number. */
export const fieldToNumber = (element) => Number(BigInt(`0x${Buffer.from(element, 'hex').reverse().toString('hex')}`));

/** The path of committed sample `i` of model `name` (`digits_mlp`, `digits_cnn`). */
export const samplePath = (name, i) => path.join(MODELS, 'samples', `${name}_${i}.json`);

/**
 * The reference inference of `artifactDir` on a sample file: the quantized input the chain
 * takes and the quantized output the model computes, from the prover CLI (`prove` states both
 * as public inputs; the binding does not change them).
 */
export async function referenceInference(artifactDir, sample, workDir) {
  const out = path.join(workDir, `reference-${path.basename(artifactDir)}-${path.basename(sample)}`);
  await proverWorkerAsync(['prove', '--artifact', artifactDir, '--input', sample, '--job-binding', '00'.repeat(32), '--out', out]);
  const proof = JSON.parse(readFileSync(out, 'utf8'));
  const inputs = proof.publicInputs.length - 1 - proof.output.length;
  return { input: proof.publicInputs.slice(1, 1 + inputs).map(fieldToNumber), output: proof.output };
}

/**
 * Resolves to `{ event, events, blockHash }` for the first event `is` matches within `blocks`
 * new blocks (`events`: all of that block's events).
 */
export function waitForEvent(api, is, blocks) {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let unsubscribe = () => {};
    let done = false;
    api.rpc.chain.subscribeNewHeads(async (header) => {
      if (done) return;
      const at = await api.at(header.hash);
      const events = await at.query.system.events();
      const found = events.find(({ event }) => is(event));
      if (found && !done) {
        done = true;
        unsubscribe();
        resolve({ event: found.event, events, blockHash: header.hash });
      } else if (++seen > blocks && !done) {
        done = true;
        unsubscribe();
        reject(new Error(`no matching event within ${blocks} blocks`));
      }
    }).then((unsub) => { unsubscribe = unsub; if (done) unsub(); }, reject);
  });
}

/** The fee `who` paid in `events` (a whole block's), summed over its transactions. */
export function feesPaidIn(api, events, who) {
  return events
    .filter(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event) && event.data[0].toString() === who)
    .reduce((sum, { event }) => sum + event.data[1].toBigInt(), 0n);
}

/** Free balance of `who`, at the best block or at `blockHash`. */
export async function freeBalance(api, who, blockHash) {
  const at = blockHash ? await api.at(blockHash) : api;
  return (await at.query.system.account(who)).data.free.toBigInt();
}
