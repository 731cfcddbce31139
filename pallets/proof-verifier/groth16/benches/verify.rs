//! Native Groth16 timings: `cargo bench -p zkinfer-groth16`.
//!
//! Prints the median and the fastest of many runs for key validation and verification, with
//! the snarkjs fixture (4 public inputs) and trapdoor-made keys of other sizes. (The runtime's
//! weights come from `benchmark pallet`, which measures the same calls through the host
//! functions; this bench isolates the cryptography.)

use std::time::{Duration, Instant};

use zkinfer_groth16::{corpus::fixture, synthetic::synthetic_case, validate_vk, verify};

fn measure(name: &str, runs: usize, mut f: impl FnMut()) {
	f();
	let mut times: Vec<Duration> = (0..runs)
		.map(|_| {
			let start = Instant::now();
			f();
			start.elapsed()
		})
		.collect();
	times.sort();
	println!(
		"{name:<40} median {:>9.3} ms   fastest {:>9.3} ms   ({runs} runs)",
		times[runs / 2].as_secs_f64() * 1e3,
		times[0].as_secs_f64() * 1e3,
	);
}

fn main() {
	let f = fixture();
	measure("validate_vk, snarkjs fixture (4 inputs)", 200, || {
		validate_vk(&f.vk).expect("valid");
	});
	measure("verify, snarkjs fixture (4 inputs)", 200, || {
		verify(&f.vk, &f.public_inputs, &f.proof).expect("verifies");
	});
	for n in [1usize, 16, 64, 256] {
		let case = synthetic_case(n, 1);
		measure(&format!("verify, {n} inputs"), 100, || {
			verify(&case.vk, &case.public_inputs, &case.proof).expect("verifies");
		});
	}
}
