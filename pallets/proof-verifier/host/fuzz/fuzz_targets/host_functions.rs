//! Arbitrary bytes as key, public inputs and proof: no host function may panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
	zkinfer_verifier_host::fuzzing::run(data);
});
