//! `cargo bench -p zkinfer-circuit`: verification time by dot-product width, number of public
//! inputs and circuit rows `2^k`, with the key and proof sizes, on
//! [`synthetic`](zkinfer_circuit::synthetic) cases; then, per `k` from 13 up to the chain's
//! limit (`HALO2_MAX_K`), the time to decode a key the verifier's way ([`decode_vk`], no FFT
//! tables) and halo2's way (`VerifyingKey::from_bytes`, which builds them), and, up to
//! `ZKINFER_BENCH_PROVE_K` (default 16; each step doubles the proving time, a minute at 18 on
//! two cores), to verify a real proof; then batch verification ([`verify_batch`]) of
//! digits-MLP-shaped proofs (75 inputs, width 1, `2^13` rows) per proof, for batches of 1 to
//! `ZKINFER_BENCH_BATCH` (default 256) distinct proofs, all good and with one bad proof.

use std::{
	hint::black_box,
	time::{Duration, Instant},
};

use halo2_proofs::{halo2curves::bn256::G1Affine, plonk::VerifyingKey, SerdeFormat};
use zkinfer_circuit::synthetic::synthetic_batch;
use zkinfer_circuit::{
	srs::dev_srs,
	synthetic::{case_k, synthetic_case},
	verify,
};
use zkinfer_halo2::{
	batch::BatchStatement,
	verify::{decode_vk, KEY_HEADER_BYTES},
	verify_batch, KeyCircuit,
};
use zkinfer_statement::limits::HALO2_MAX_K;

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
	f();
	let mut times: Vec<Duration> = (0..runs)
		.map(|_| {
			let start = Instant::now();
			f();
			start.elapsed()
		})
		.collect();
	times.sort();
	times[runs / 2]
}

fn main() {
	let shapes = [
		(3, 1, 0),
		(75, 1, 0),
		(75, 1, 10),
		(75, 1, 13),
		(75, 1, 14),
		(75, 1, 16),
		(75, 8, 0),
		(75, 16, 0),
		(75, 32, 0),
		(75, 64, 0),
		(1000, 8, 0),
		(4096, 1, 0),
		(4096, 8, 0),
		(4096, 64, 0),
		(4096, 64, 14),
	];
	let max_k = shapes.iter().map(|&(n, w, k)| case_k(n, w).unwrap().max(k)).max().unwrap();
	let srs = dev_srs(max_k.into());
	println!(
		"{:>6} {:>5} {:>3} {:>8} {:>8} {:>10}",
		"inputs", "width", "k", "vk B", "proof B", "verify"
	);
	for (public_inputs, width, min_k) in shapes {
		let case = synthetic_case(&srs, public_inputs, width, min_k).unwrap();
		let time = median(31, || {
			black_box(verify(&case.params, &case.vk, &case.public_inputs, &case.proof)).unwrap()
		});
		println!(
			"{public_inputs:>6} {width:>5} {:>3} {:>8} {:>8} {:>8.2}ms",
			case.vk[1],
			case.vk.len(),
			case.proof.len(),
			time.as_secs_f64() * 1e3
		);
	}

	// Per k: decoding on every k the chain reads (a key of the same circuit re-headed for k:
	// decoding reads the commitments, whatever they commit to), verifying with real proofs up
	// to ZKINFER_BENCH_PROVE_K.
	let prove_k: u8 = std::env::var("ZKINFER_BENCH_PROVE_K")
		.ok()
		.and_then(|v| v.parse().ok())
		.unwrap_or(16);
	let base = synthetic_case(&dev_srs(13), 75, 1, 13).unwrap();
	println!();
	println!(
		"{:>3} {:>6} {:>5} {:>12} {:>12} {:>10} {:>10}",
		"k", "inputs", "width", "decode", "halo2 read", "verify", "prove"
	);
	for k in 13..=HALO2_MAX_K {
		let proved = (k <= prove_k).then(|| {
			let srs = dev_srs(k.into());
			let start = Instant::now();
			let case = synthetic_case(&srs, 75, 1, k).unwrap();
			(case, start.elapsed())
		});
		let vk = match &proved {
			Some((case, _)) => case.vk.clone(),
			None => {
				let mut vk = base.vk.clone();
				vk[1] = k;
				vk[KEY_HEADER_BYTES + 1..KEY_HEADER_BYTES + 5]
					.copy_from_slice(&u32::from(k).to_le_bytes());
				vk
			},
		};
		let decode = median(31, || {
			black_box(decode_vk(&vk)).unwrap();
		});
		let shape = decode_vk(&vk).unwrap().0;
		let halo2_read = median(if k <= 18 { 11 } else { 1 }, || {
			black_box(VerifyingKey::<G1Affine>::from_bytes::<KeyCircuit>(
				&vk[KEY_HEADER_BYTES..],
				SerdeFormat::RawBytes,
				shape.params,
			))
			.unwrap();
		});
		let (verify_ms, prove_s) = match &proved {
			Some((case, prove)) => {
				let time = median(31, || {
					black_box(verify(&case.params, &case.vk, &case.public_inputs, &case.proof))
						.unwrap()
				});
				(
					format!("{:.2}ms", time.as_secs_f64() * 1e3),
					format!("{:.1}s", prove.as_secs_f64()),
				)
			},
			None => ("-".into(), "-".into()),
		};
		println!(
			"{k:>3} {:>6} {:>5} {:>10.3}ms {:>10.3}ms {verify_ms:>10} {prove_s:>10}",
			75,
			1,
			decode.as_secs_f64() * 1e3,
			halo2_read.as_secs_f64() * 1e3,
		);
	}

	// Batches: per proof, all good and with one bad (its binding changed).
	let most: usize = std::env::var("ZKINFER_BENCH_BATCH")
		.ok()
		.and_then(|v| v.parse().ok())
		.unwrap_or(256);
	let start = Instant::now();
	let batch = synthetic_batch(&dev_srs(13), 75, 1, 13, most).unwrap();
	println!();
	println!("{most} digits-shaped proofs made in {:.1}s", start.elapsed().as_secs_f64());
	println!("{:>6} {:>14} {:>14} {:>8}", "batch", "good, /proof", "1 bad, /proof", "checks");
	let mut size = 1;
	while size <= most {
		let statements: Vec<BatchStatement<'_>> = batch.statements[..size]
			.iter()
			.map(|(inputs, proof)| BatchStatement { public_inputs: inputs, proof })
			.collect();
		let runs = if size <= 16 { 11 } else { 3 };
		let good = median(runs, || {
			black_box(verify_batch(&batch.params, &batch.vk, &statements)).unwrap();
		});
		let mut bad_inputs = batch.statements[size / 2].0.clone();
		bad_inputs[0][0] ^= 1;
		let mut with_bad = statements.clone();
		with_bad[size / 2] =
			BatchStatement { public_inputs: &bad_inputs, proof: &batch.statements[size / 2].1 };
		let mut checks = 0;
		let bad = median(runs, || {
			checks = black_box(verify_batch(&batch.params, &batch.vk, &with_bad))
				.unwrap()
				.pairing_checks;
		});
		println!(
			"{size:>6} {:>12.3}ms {:>12.3}ms {checks:>8}",
			good.as_secs_f64() * 1e3 / size as f64,
			bad.as_secs_f64() * 1e3 / size as f64,
		);
		size *= 4;
	}
}
