//! The committed halo2-KZG fixture, for tests of the pallets and the runtime: the digits MLP
//! compiled and proved by the prover-worker CLI under the development SRS, job binding 42, and
//! the same sample proved for the chain's binding of job 0 assigned to the development account
//! Alice (`fixtures/halo2/generate.sh` regenerates both).

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

/// The fixture.
pub fn halo2_fixture() -> Halo2Fixture {
	let inputs: &[u8] = include_bytes!("../fixtures/halo2/inputs.bin");
	Halo2Fixture {
		params: include_bytes!("../fixtures/halo2/params.bin").to_vec(),
		vk: include_bytes!("../fixtures/halo2/vk.bin").to_vec(),
		public_inputs: inputs
			.chunks_exact(32)
			.map(|chunk| {
				let mut input = [0u8; 32];
				input.copy_from_slice(chunk);
				input
			})
			.collect(),
		proof: include_bytes!("../fixtures/halo2/proof.bin").to_vec(),
	}
}

/// The fixture's sample proved for the job binding of job 0 assigned to the development account
/// Alice (`zkinfer_statement::job_binding(0, alice)`): the same public inputs as
/// [`halo2_fixture`] but for the binding, which the runtime builds itself when the market
/// settles that job.
pub fn halo2_job0_alice_proof() -> Vec<u8> {
	include_bytes!("../fixtures/halo2/job0-alice-proof.bin").to_vec()
}
