// The demo client: one verified inference on the development chain, from @polkadot/api.
//
//   node demo/infer.js [--url ws://127.0.0.1:9944] [--sample 0..4] [--suri //Bob]
//
// Reads the demo model (model 0, the digits MLP) from the chain, quantizes a committed 8×8
// digit at the model's input scale, asks the runtime API for the price, submits
// `inferenceMarket.submitInference` and waits for the node's off-chain worker to prove it
// and the runtime to verify it: prints the job's assignment, the verified output (10 logits,
// dequantized), the predicted digit and how the fee was paid out.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    sample: { type: 'string', default: '3' },
    suri: { type: 'string', default: '//Bob' },
    timeout: { type: 'string', default: '180' },
  },
});
const here = path.dirname(fileURLToPath(import.meta.url));
const samplePath = path.join(here, '..', '..', 'prover-worker', 'models', 'samples', `digits_mlp_${values.sample}.json`);
const UNIT = 10n ** 12n;
const units = (x) => `${(Number(x) / Number(UNIT)).toFixed(6)} ZKI`;

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new WsProvider(values.url), noInitWarn: true });
try {
  const who = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(values.suri);
  const model = (await api.query.modelRegistry.models(0)).unwrap();
  const name = JSON.parse(model.spec.metadata.toUtf8()).name;
  const scale = 2 ** model.spec.inputScale.toNumber();
  const { input: pixels, label } = JSON.parse(readFileSync(samplePath, 'utf8'));
  const input = pixels.map((x) => Math.round(x * scale));
  const price = (await api.call.inferenceMarketApi.quote(0)).asOk.toBigInt();
  console.log(`model 0: ${name}, ${model.computeUnits} compute units, price ${units(price)}`);
  console.log(`${values.suri} submits an inference on sample ${values.sample} (64 pixels at scale 2^${model.spec.inputScale})`);

  const started = Date.now();
  const result = await new Promise((resolve, reject) => {
    let job;
    let unsubEvents = () => {};
    const timer = setTimeout(() => { unsubEvents(); reject(new Error('no verified result in time')); }, Number(values.timeout) * 1000);
    api.query.system.events((events) => {
      for (const { event } of events) {
        if (job === undefined) continue;
        if (api.events.inferenceMarket.JobAssigned.is(event) && event.data.job.toNumber() === job) {
          console.log(`job ${job} assigned to ${event.data.node.toString()} (deadline block ${event.data.deadline})`);
        }
        if (api.events.inferenceMarket.InferenceVerified.is(event) && event.data.job.toNumber() === job) {
          clearTimeout(timer);
          unsubEvents();
          resolve(event.data);
        }
      }
    }).then((u) => { unsubEvents = u; }, reject);
    api.tx.inferenceMarket.submitInference(0, input, price).signAndSend(who, ({ status, events, dispatchError }) => {
      if (status.isInBlock) {
        if (dispatchError) { reject(new Error(`submitInference failed: ${dispatchError}`)); return; }
        const submitted = events.find(({ event }) => api.events.inferenceMarket.InferenceSubmitted.is(event));
        job = submitted.event.data.job.toNumber();
        console.log(`job ${job} submitted in block ${status.asInBlock.toHex()}, fee ${units(submitted.event.data.fee.toBigInt())} held`);
      }
    }).catch(reject);
  });

  const outScale = 2 ** model.spec.outputScale.toNumber();
  const logits = result.output.map((v) => v.toNumber() / outScale);
  const digit = logits.indexOf(Math.max(...logits));
  console.log(`verified in ${((Date.now() - started) / 1000).toFixed(1)} s: proved by ${result.node.toString()}, statement ${result.statement.toHex()}`);
  console.log(`output (logits): [${logits.map((x) => x.toFixed(2)).join(', ')}]`);
  console.log(`predicted digit: ${digit}${label === undefined ? '' : ` (the sample is a handwritten ${label})`}`);
  console.log(`paid: node ${units(result.payout.node.toBigInt())}, model owner ${units(result.payout.owner.toBigInt())}, treasury ${units(result.payout.protocol.toBigInt())}`);
} finally {
  await api.disconnect();
}
