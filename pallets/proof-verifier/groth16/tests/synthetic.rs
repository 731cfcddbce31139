//! Trapdoor-made keys and proofs verify like real ones, and fail like real ones when tampered.

use zkinfer_groth16::{
	synthetic::synthetic_case, validate_vk, verify, Groth16Error, MAX_PUBLIC_INPUTS,
};

#[test]
fn synthetic_cases_verify_for_every_benchmarked_size() {
	for n in [0usize, 1, 4, 32, MAX_PUBLIC_INPUTS] {
		let case = synthetic_case(n, 42);
		assert_eq!(validate_vk(&case.vk), Ok(n as u32), "n = {n}");
		assert_eq!(verify(&case.vk, &case.public_inputs, &case.proof), Ok(()), "n = {n}");
	}
}

#[test]
fn tampered_synthetic_cases_fail() {
	let case = synthetic_case(4, 7);
	let mut inputs = case.public_inputs.clone();
	inputs[2][0] ^= 1;
	assert_eq!(verify(&case.vk, &inputs, &case.proof), Err(Groth16Error::VerificationFailed));
	let other = synthetic_case(4, 8);
	assert_eq!(
		verify(&case.vk, &case.public_inputs, &other.proof),
		Err(Groth16Error::VerificationFailed)
	);
	assert_ne!(case.vk, other.vk, "different seeds give different keys");
	assert_eq!(synthetic_case(4, 7).proof, case.proof, "the same seed gives the same case");
}
