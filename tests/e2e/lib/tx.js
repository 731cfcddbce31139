// Submitting extrinsics from tests.

import assert from 'node:assert/strict';

/**
 * Signs and sends `tx` from `signer` and resolves once it is in a block, to
 * `{ blockHash, events, dispatchError }` (`dispatchError` is `undefined` on success).
 * Rejects only if the transaction never makes it into a block (invalid, dropped, ...).
 */
export function submitInBlock(tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, (result) => {
      if (result.status.isInBlock) {
        unsubscribe();
        resolve({
          blockHash: result.status.asInBlock,
          events: result.events,
          dispatchError: result.dispatchError,
        });
      } else if (result.isError) {
        unsubscribe();
        reject(new Error(`transaction not included: ${result.status.type}`));
      }
    }).then((unsub) => { unsubscribe = unsub; }, reject);
  });
}

/** `section.method` of every event, for assertion messages. */
export function eventNames(events) {
  return events.map(({ event }) => `${event.section}.${event.method}`);
}

/**
 * Decodes a module dispatch error to `{ section, name, nested }` via the metadata. `nested` is
 * the error's field, an enum (e.g. the verifier's reason): its variant name, or
 * `{ Variant: value }` when the variant carries a value; `undefined` for plain errors.
 */
export function moduleError(api, dispatchError) {
  if (!dispatchError?.isModule) return undefined;
  const module = dispatchError.asModule;
  const meta = api.registry.findMetaError(module);
  let nested;
  if (meta.fields.length > 0) {
    // The error's field follows its variant byte: a nested error (an enum) or a plain value
    // (e.g. `InputOutOfDomain`'s position).
    const type = api.registry.createLookupType(meta.fields[0].type);
    const decoded = api.registry.createType(type, module.error.toU8a().slice(1));
    if (decoded.isBasic || decoded.value === undefined) {
      nested = decoded.toJSON();
    } else {
      const value = decoded.value.toJSON();
      nested = value === null ? decoded.type : { [decoded.type]: value };
    }
  }
  return { section: meta.section, name: meta.name, nested };
}

/** The fee `who` paid for the extrinsic whose events these are (asserting there is one). */
export function feePaidBy(api, events, who) {
  const paid = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  assert.ok(paid, `no fee event among ${eventNames(events)}`);
  assert.equal(paid.event.data[0].toString(), who);
  return paid.event.data[1].toBigInt();
}
