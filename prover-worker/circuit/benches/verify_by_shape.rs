//! `cargo bench -p zkinfer-circuit`: verification time by dot-product width, number of public
//! inputs and circuit rows `2^k` (decoding a key builds halo2's evaluation domain, whose FFT
//! tables grow with `2^k`), with the key and proof sizes, on
//! [`synthetic`](zkinfer_circuit::synthetic) cases.

use std::{
	hint::black_box,
	time::{Duration, Instant},
};

use zkinfer_circuit::{
	srs::dev_srs,
	synthetic::{case_k, synthetic_case},
	verify,
};

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
}
