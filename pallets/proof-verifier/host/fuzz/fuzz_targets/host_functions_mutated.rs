//! The snarkjs fixture with fuzzer-chosen bytes flipped or cut: no host function may panic,
//! and the mutations reach the curve-point and pairing code behind the length checks.
#![no_main]

use std::sync::OnceLock;

fn fixture() -> &'static (Vec<u8>, Vec<u8>, Vec<u8>) {
	static FIXTURE: OnceLock<(Vec<u8>, Vec<u8>, Vec<u8>)> = OnceLock::new();
	FIXTURE.get_or_init(|| {
		let f = zkinfer_groth16::corpus::fixture();
		(f.vk, f.public_inputs.concat(), f.proof)
	})
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
	let (vk, inputs, proof) = fixture();
	zkinfer_verifier_host::fuzzing::run_mutated(vk, inputs, proof, data);
});
