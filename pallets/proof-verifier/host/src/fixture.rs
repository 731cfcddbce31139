//! The committed halo2-KZG fixture, for tests of the pallets and the runtime: the digits MLP
//! compiled and proved by the prover-worker CLI under the development SRS, job binding 42, and
//! the same sample proved for the chain's binding of job 0 assigned to the development account
//! Alice, and for jobs 1 and 2 (`fixtures/halo2/generate.sh` regenerates them all); and the verifier benchmark's cases
//! over rows, one per `k` from 13 to 20 (`fixtures/halo2-rows/generate.sh`).

use alloc::vec::Vec;
use zkinfer_verifier_primitives::PublicInput;

/// A passing halo2-KZG case.
pub struct Halo2Fixture {
	/// The development SRS's verifier parameters.
	pub params: Vec<u8>,
	/// The digits MLP's verifying key (k 13, width 1, 75 public inputs).
	pub vk: Vec<u8>,
	/// Job binding, 64 pixels, 10 logits.
	pub public_inputs: Vec<PublicInput>,
	/// The proof.
	pub proof: Vec<u8>,
}

/// The development SRS's verifier parameters, which every fixture here verifies under.
const DEV_PARAMS: &[u8] = include_bytes!("../fixtures/halo2/params.bin");

/// 32-byte public inputs stored back to back.
fn split_inputs(inputs: &[u8]) -> Vec<PublicInput> {
	inputs
		.chunks_exact(32)
		.map(|chunk| {
			let mut input = [0u8; 32];
			input.copy_from_slice(chunk);
			input
		})
		.collect()
}

/// The fixture.
pub fn halo2_fixture() -> Halo2Fixture {
	Halo2Fixture {
		params: DEV_PARAMS.to_vec(),
		vk: include_bytes!("../fixtures/halo2/vk.bin").to_vec(),
		public_inputs: split_inputs(include_bytes!("../fixtures/halo2/inputs.bin")),
		proof: include_bytes!("../fixtures/halo2/proof.bin").to_vec(),
	}
}

/// The `k` of the first and the last case of [`halo2_rows_fixture`]: from the fewest rows the
/// weights are measured at to two below the chain's `HALO2_MAX_K` (the cases at 21 and 22
/// take most of an hour more to make; `generate.sh 21 22` makes them).
pub const ROWS_FIXTURE_K: core::ops::RangeInclusive<u8> = 13..=20;

/// A passing case with the fewest public inputs (3) at width 1 whose circuit has exactly `2^k`
/// rows, for `k` in [`ROWS_FIXTURE_K`] (`None` otherwise): what the verifier benchmarks measure
/// a key's rows with. Proving one takes minutes at `k = 22`, so they are made once and
/// committed.
pub fn halo2_rows_fixture(k: u8) -> Option<Halo2Fixture> {
	macro_rules! rows_case {
		($k:literal) => {
			(
				include_bytes!(concat!("../fixtures/halo2-rows/k", $k, ".vk")).as_slice(),
				include_bytes!(concat!("../fixtures/halo2-rows/k", $k, ".inputs")).as_slice(),
				include_bytes!(concat!("../fixtures/halo2-rows/k", $k, ".proof")).as_slice(),
			)
		};
	}
	let (vk, inputs, proof) = match k {
		13 => rows_case!("13"),
		14 => rows_case!("14"),
		15 => rows_case!("15"),
		16 => rows_case!("16"),
		17 => rows_case!("17"),
		18 => rows_case!("18"),
		19 => rows_case!("19"),
		20 => rows_case!("20"),
		_ => return None,
	};
	Some(Halo2Fixture {
		params: DEV_PARAMS.to_vec(),
		vk: vk.to_vec(),
		public_inputs: split_inputs(inputs),
		proof: proof.to_vec(),
	})
}

/// The fixture's sample proved for the job binding of job 0 assigned to the development account
/// Alice (`zkinfer_statement::job_binding(0, alice)`): the same public inputs as
/// [`halo2_fixture`] but for the binding, which the runtime builds itself when the market
/// settles that job.
pub fn halo2_job0_alice_proof() -> Vec<u8> {
	include_bytes!("../fixtures/halo2/job0-alice-proof.bin").to_vec()
}

/// The fixture's sample proved for the job binding of job `job` (0, 1 or 2) assigned to the
/// development account Alice, as [`halo2_job0_alice_proof`] is for job 0: three proofs of
/// distinct statements under one key, which a batch settles together. `None` for other jobs.
pub fn halo2_job_alice_proof(job: u64) -> Option<Vec<u8>> {
	match job {
		0 => Some(halo2_job0_alice_proof()),
		1 => Some(include_bytes!("../fixtures/halo2/job1-alice-proof.bin").to_vec()),
		2 => Some(include_bytes!("../fixtures/halo2/job2-alice-proof.bin").to_vec()),
		_ => None,
	}
}
