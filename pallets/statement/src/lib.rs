//! # zkinfer-statement
//!
//! What a zkinfer inference proof states, and the limits every verifier of it applies, with no
//! chain code in it: the runtime builds a job's statement with it, the node's host functions
//! check keys and proofs against its limits, and the prover builds the same statement for the
//! same job. It sits at the bottom of the dependency picture (`docs/architecture.md`):
//! nothing of FRAME, of the pallets or of the prover is below it.
//!
//! ## Overview
//!
//! - [`binding`]: the [`job_binding`] of (job, assigned node), the first public input.
//! - [`field`]: quantized values as canonical BN254 scalars ([`field_element`] and its inverse
//!   [`quantized_value`]).
//! - [`inference_public_inputs`]: the whole statement, `[binding, input…, output…]`.
//! - [`key`]: the header in front of every halo2 model key ([`KeyHeader`]), read before
//!   anything else of a key.
//! - [`limits`]: the largest key, proof and statement a verifier reads, and the range of
//!   circuit sizes the chain accepts.
//!
//! `no_std`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod binding;
pub mod field;
pub mod key;
pub mod limits;

use alloc::vec::Vec;

pub use binding::{job_binding, JOB_BINDING_DOMAIN};
pub use field::{field_element, quantized_value, MODULUS_LE};
pub use key::{HeaderError, KeyHeader, KEY_HEADER_BYTES};

/// One public input: a canonical BN254 scalar, 32 bytes little-endian.
pub type PublicInput = [u8; 32];

/// The public inputs of the proof that `output` is the model's output on `input` for the job
/// whose binding is `binding`: `[binding, input…, output…]`.
pub fn inference_public_inputs(
	binding: PublicInput,
	input: &[i64],
	output: &[i64],
) -> Vec<PublicInput> {
	let mut inputs = Vec::with_capacity(1 + input.len() + output.len());
	inputs.push(binding);
	inputs.extend(input.iter().chain(output).map(|&v| field_element(v)));
	inputs
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn public_inputs_are_binding_then_input_then_output() {
		let binding = [9u8; 32];
		let inputs = inference_public_inputs(binding, &[1, 2], &[-3]);
		assert_eq!(
			inputs,
			alloc::vec![binding, field_element(1), field_element(2), field_element(-3)]
		);
	}
}
