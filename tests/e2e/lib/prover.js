// The prover-worker CLI, as the end-to-end tests drive it.

import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { proverBinary, repoRoot } from './node.js';

/** The committed models and their samples. */
export const MODELS = path.join(repoRoot, 'prover-worker', 'models');

/** Hex with a `0x` prefix. */
export const hex = (text) => (text.startsWith('0x') ? text : `0x${text}`);

/** Runs the prover-worker CLI; returns its standard output. */
export function proverWorker(args) {
  return execFileSync(proverBinary(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Runs the prover-worker CLI without blocking the event loop; resolves to its standard output.
 * For steps that take seconds (compiling, proving a real model): meanwhile the connection to
 * the node keeps reading its subscriptions, which the node closes when they go unread.
 */
export async function proverWorkerAsync(args) {
  const { stdout } = await promisify(execFile)(proverBinary(), args, { encoding: 'utf8', maxBuffer: 256 << 20 });
  return stdout;
}

/**
 * Compiles committed model `name` (`digits_mlp`, `digits_cnn`) into `outDir` with its five
 * calibration samples; returns `{ compiled, samples }` (`compiled`: what `compile` printed;
 * `samples`: the sample paths).
 */
export function compileModel(outDir, name) {
  const samples = [0, 1, 2, 3, 4].map((i) => path.join(MODELS, 'samples', `${name}_${i}.json`));
  const compiled = JSON.parse(proverWorker(['compile', '--onnx', path.join(MODELS, `${name}.onnx`),
    '--calibration', ...samples, '--out', outDir]));
  return { compiled, samples };
}

/** Compiles the digits MLP (the development chains' demo model 0) into `outDir`. */
export const compileDigitsMlp = (outDir) => compileModel(outDir, 'digits_mlp');
