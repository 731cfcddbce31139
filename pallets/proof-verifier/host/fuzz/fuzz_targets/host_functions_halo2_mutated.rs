//! The committed halo2-KZG fixture (the digits MLP) with fuzzer-chosen bytes of its verifier
//! parameters, key, public inputs and proof flipped or cut.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zkinfer_verifier_host::fuzzing::run_mutated_halo2;

const PARAMS: &[u8] = include_bytes!("../../fixtures/halo2/params.bin");
const VK: &[u8] = include_bytes!("../../fixtures/halo2/vk.bin");
const INPUTS: &[u8] = include_bytes!("../../fixtures/halo2/inputs.bin");
const PROOF: &[u8] = include_bytes!("../../fixtures/halo2/proof.bin");

fuzz_target!(|data: &[u8]| run_mutated_halo2(PARAMS, VK, INPUTS, PROOF, data));
