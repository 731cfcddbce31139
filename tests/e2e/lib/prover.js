// The prover-worker CLI, as the end-to-end tests drive it.

import { execFileSync } from 'node:child_process';
import path from 'node:path';

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
