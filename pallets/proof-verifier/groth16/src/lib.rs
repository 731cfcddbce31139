//! # zkinfer-groth16
//!
//! Groth16 over BN254 as the zkinfer chain sees it: the byte encoding of verifying keys, proofs
//! and public inputs, their strict validation, verification, and import from snarkjs.
//!
//! ## Overview
//!
//! - [`validate_vk`] checks a verifying key once, when it is registered.
//! - [`verify`] checks a proof against a key and public inputs.
//! - `synthetic` (feature `synthetic`) makes passing keys and proofs of any size from a
//!   public trapdoor, for benchmarks.
//! - `corpus` (feature `corpus`): the committed snarkjs fixture and malformed variants of it,
//!   each with its expected error, for tests at every layer.
//! - [`snarkjs`] converts snarkjs `verification_key.json`, `proof.json` and `public.json` into
//!   this encoding (the circom/snarkjs toolchain, e.g. keras2circom models).
//!
//! Both entry points take untrusted bytes, never panic, and reject rather than repair:
//! a point off the curve or outside the prime-order subgroup, a coordinate or public input not
//! below its field's modulus, the identity where a key or proof needs a real point, a length
//! that is not exact, or more public inputs than [`MAX_PUBLIC_INPUTS`]. Each failure has its
//! own [`Groth16Error`] variant.
//!
//! ## Encoding
//!
//! Points are arkworks' uncompressed encoding (coordinates little-endian; G1 64 bytes, G2 128
//! bytes); field elements are 32 bytes little-endian.
//!
//! | item | layout |
//! |---|---|
//! | verifying key | `0x01` (format version) ‖ α (G1) ‖ β (G2) ‖ γ (G2) ‖ δ (G2) ‖ n: u32 LE ‖ IC₀..IC_n (G1 each) |
//! | proof | A (G1) ‖ B (G2) ‖ C (G1): 256 bytes |
//! | public input | 32 bytes, little-endian, < r |
//!
//! A key with `n + 1` IC points takes exactly `n` public inputs. The proof is not part of what a
//! verified statement means: Groth16 proofs are malleable, so callers identify a statement by
//! its key and public inputs only.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "corpus")]
pub mod corpus;
mod encoding;
mod error;
#[cfg(feature = "snarkjs")]
pub mod snarkjs;
#[cfg(feature = "synthetic")]
pub mod synthetic;
mod verifier;

pub use encoding::{
	decode_proof, decode_public_inputs, decode_vk, encode_proof, encode_public_input, encode_vk,
	G1_BYTES, G2_BYTES, MAX_PUBLIC_INPUTS, MAX_VK_BYTES, PROOF_BYTES, PUBLIC_INPUT_BYTES,
	VK_FORMAT_VERSION,
};
pub use error::Groth16Error;
pub use verifier::{validate_vk, verify, verify_with};

/// A Groth16 verifying key over BN254.
pub type VerifyingKey = ark_groth16::VerifyingKey<ark_bn254::Bn254>;
/// A Groth16 proof over BN254.
pub type Proof = ark_groth16::Proof<ark_bn254::Bn254>;
/// A BN254 scalar: one public input.
pub type Scalar = ark_bn254::Fr;
