//! The halo2-KZG batch host function on batches of the committed digits-MLP statement (some
//! of its proofs made for another statement), with fuzzer-chosen batch sizes and bytes of the
//! key, the encoded statements and the verifier parameters flipped or cut.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zkinfer_verifier_host::fuzzing::run_batch_halo2;

const PARAMS: &[u8] = include_bytes!("../../fixtures/halo2/params.bin");
const VK: &[u8] = include_bytes!("../../fixtures/halo2/vk.bin");
const INPUTS: &[u8] = include_bytes!("../../fixtures/halo2/inputs.bin");
const PROOF: &[u8] = include_bytes!("../../fixtures/halo2/proof.bin");

fuzz_target!(|data: &[u8]| run_batch_halo2(PARAMS, VK, INPUTS, PROOF, data));
