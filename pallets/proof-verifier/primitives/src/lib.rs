//! # zkinfer-verifier-primitives
//!
//! The proof-system-agnostic interface of zkinfer's on-chain proof verification.
//!
//! ## Overview
//!
//! - [`Verifier`]: one implementation per proof system (Groth16 over BN254, halo2-KZG over
//!   BN254). `pallet-proof-verifier` is generic over it and runs one instance per system.
//! - [`VerifyError`]: the one error type of every verifier and of the host functions behind
//!   them; the pallet reports it unchanged inside its own error, so a caller sees exactly why a
//!   key, proof or input was refused.
//! - [`ProofVerifier`]: what other pallets (the inference market, the model registry) use:
//!   verify by key hash, and take or release a reference on a registered key.
//!
//! This crate is `no_std`, has no pallet in its dependencies, and holds no logic beyond the
//! statement hash, so pallets and the host-function crate can all depend on it.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod error;
mod statement;
mod verifier;

pub use error::VerifyError;
pub use statement::{statement_hash, KeyHash, StatementHash};
#[cfg(feature = "runtime-benchmarks")]
pub use verifier::BenchmarkCase;
pub use verifier::{
	BatchVerification, KeyInfo, ProofVerifier, PublicInput, VerifiedBatch, Verifier,
	PUBLIC_INPUT_BYTES,
};
