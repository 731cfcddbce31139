//! The fuzz harness on a deterministic stream of inputs, so every test run checks a few
//! thousand random and mutated cases without a nightly toolchain (the `fuzz/` targets run the
//! same harness under libFuzzer). A panic fails the test.

use zkinfer_groth16::corpus::fixture;
use zkinfer_verifier_host::fuzzing::{run, run_batch_halo2, run_mutated, run_mutated_halo2};

mod common;
use common::manifest_dir;

/// xorshift64*: a fixed stream of bytes.
struct Bytes(u64);

impl Bytes {
	fn next(&mut self) -> u8 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		(self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8
	}

	fn take(&mut self, n: usize) -> Vec<u8> {
		(0..n).map(|_| self.next()).collect()
	}
}

#[test]
fn random_bytes_never_panic() {
	let mut bytes = Bytes(0x0123_4567_89ab_cdef);
	for round in 0..2_000 {
		let len = usize::from(bytes.next()) * (1 + round % 40);
		run(&bytes.take(len));
	}
}

#[test]
fn mutated_fixtures_never_panic() {
	let f = fixture();
	let inputs = f.public_inputs.concat();
	let mut bytes = Bytes(0xfeed_5eed_0bad_cafe);
	for _ in 0..1_000 {
		let mutations = 1 + usize::from(bytes.next() % 4);
		run_mutated(&f.vk, &inputs, &f.proof, &bytes.take(4 * mutations));
	}
}

#[test]
fn mutated_halo2_fixture_never_panics() {
	let fixture = |name: &str| {
		std::fs::read(format!("{}/fixtures/halo2/{name}.bin", manifest_dir().display())).unwrap()
	};
	let (params, vk, inputs, proof) =
		(fixture("params"), fixture("vk"), fixture("inputs"), fixture("proof"));
	let mut bytes = Bytes(0x4a10_2c4f_1234_5678);
	for _ in 0..300 {
		let mutations = 1 + usize::from(bytes.next() % 4);
		run_mutated_halo2(&params, &vk, &inputs, &proof, &bytes.take(4 * mutations));
	}
}

#[test]
fn mutated_halo2_batches_never_panic() {
	let fixture = |name: &str| {
		std::fs::read(format!("{}/fixtures/halo2/{name}.bin", manifest_dir().display())).unwrap()
	};
	let (params, vk, inputs, proof) =
		(fixture("params"), fixture("vk"), fixture("inputs"), fixture("proof"));
	let mut bytes = Bytes(0x0ba7_c4ed_5eed_0001);
	for _ in 0..60 {
		let mutations = usize::from(bytes.next() % 4);
		let mut data = bytes.take(2);
		data.extend(bytes.take(4 * mutations));
		run_batch_halo2(&params, &vk, &inputs, &proof, &data);
	}
}
