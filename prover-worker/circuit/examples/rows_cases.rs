//! Writes the verifier benchmark's cases over rows: for every `k` from `K_MIN` to `K_MAX`, a
//! passing proof with the fewest public inputs at width 1, laid out on exactly `2^k` rows
//! under the development SRS. Proving one takes minutes at `k = 22`, too long for a benchmark
//! to repeat, so `pallets/proof-verifier/host/fixtures/halo2-rows/generate.sh` runs this once
//! and the fixtures are committed.
//!
//! Usage: `rows_cases OUT_DIR K_MIN K_MAX`; writes `OUT_DIR/k<k>.{vk,inputs,proof}` (the key in
//! the chain's encoding, the 32-byte public inputs back to back, the proof). Deterministic: the
//! SRS comes from a published seed and the proof's randomness from a seeded generator.

use std::{path::PathBuf, process::ExitCode, time::Instant};

use zkinfer_circuit::{
	srs::dev_srs,
	synthetic::{synthetic_case, MIN_PUBLIC_INPUTS},
	verify,
};

fn main() -> ExitCode {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let (Some(out), Some(Ok(k_min)), Some(Ok(k_max))) = (
		args.first().map(PathBuf::from),
		args.get(1).map(|k| k.parse::<u8>()),
		args.get(2).map(|k| k.parse::<u8>()),
	) else {
		eprintln!("usage: rows_cases OUT_DIR K_MIN K_MAX");
		return ExitCode::FAILURE;
	};
	for k in k_min..=k_max {
		let start = Instant::now();
		// The SRS of exactly 2^k rows: cutting a larger one down recomputes its Lagrange basis
		// with an FFT over curve points, slower than making this one.
		let srs = dev_srs(k.into());
		let case = match synthetic_case(&srs, MIN_PUBLIC_INPUTS, 1, k) {
			Ok(case) => case,
			Err(error) => {
				eprintln!("k {k}: {error:?}");
				return ExitCode::FAILURE;
			},
		};
		if case.vk.get(1) != Some(&k) {
			eprintln!(
				"k {k}: the case was laid out on other rows (key header {:?})",
				case.vk.get(1)
			);
			return ExitCode::FAILURE;
		}
		if let Err(error) = verify(&case.params, &case.vk, &case.public_inputs, &case.proof) {
			eprintln!("k {k}: the proof does not verify: {error:?}");
			return ExitCode::FAILURE;
		}
		let inputs: Vec<u8> = case.public_inputs.concat();
		for (extension, bytes) in [("vk", &case.vk), ("inputs", &inputs), ("proof", &case.proof)] {
			let path = out.join(format!("k{k}.{extension}"));
			if let Err(error) = std::fs::write(&path, bytes) {
				eprintln!("writing {}: {error}", path.display());
				return ExitCode::FAILURE;
			}
		}
		eprintln!("k {k}: SRS made, proved and verified in {:.1} s", start.elapsed().as_secs_f64());
	}
	ExitCode::SUCCESS
}
