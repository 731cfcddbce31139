//! # zkinfer-verifier-host
//!
//! Native proof verification for the zkinfer runtime.
//!
//! ## Overview
//!
//! - [`proof_verification`]: the `#[runtime_interface]` whose host functions the node
//!   registers in its executor and in its `benchmark` command
//!   ([`proof_verification::HostFunctions`]). They verify halo2-KZG proofs of zkinfer's
//!   model circuits through `zkinfer-halo2`'s model-agnostic `verify`/`validate_vk`, and
//!   Groth16 over BN254 through `zkinfer-groth16`.
//! - The runtime's [`Verifier`](zkinfer_verifier_primitives::Verifier)s that bind these
//!   host functions live with the pallet that uses them (`pallet_proof_verifier::verifiers`):
//!   this crate is the host interface only, in both its halves (the node's implementation and
//!   the runtime's calls).
//! - `proof_verification_benchmarks` (only with the `runtime-benchmarks` feature): a host
//!   function that makes passing halo2-KZG cases of any shape natively, for the pallet's
//!   benchmarks; halo2 proving cannot run inside the runtime.
//!
//! ## Guarantees
//!
//! The host functions take untrusted bytes from the runtime. They check sizes first
//! ([`MAX_KEY_BYTES`], [`MAX_PROOF_BYTES`], [`MAX_PUBLIC_INPUTS`]) so their work is bounded
//! whatever the caller sends, never panic (the `fuzz` target in this crate's directory runs
//! them on arbitrary bytes), and are deterministic: same bytes, same answer, on every node.
//! Every failure comes back as a [`VerifyError`](zkinfer_verifier_primitives::VerifyError),
//! the one error type of verification; nothing is swallowed.
//!
//! Crossing the wasm boundary, a result travels as one `u64` ([`Outcome`]): the host encodes
//! it, the runtime decodes it, and a code the runtime does not know becomes
//! `VerifyError::UnknownHostError` rather than a trap.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(any(feature = "fixture", feature = "runtime-benchmarks"))]
pub mod fixture;
#[cfg(not(substrate_runtime))]
#[doc(hidden)]
pub mod fuzzing;
mod interface;
mod outcome;

#[cfg(not(substrate_runtime))]
pub use interface::host::{from_groth16, from_halo2};
pub use interface::proof_verification;
#[cfg(feature = "runtime-benchmarks")]
pub use interface::proof_verification_benchmarks;
pub use outcome::Outcome;
/// The processor extensions the native verifier's field arithmetic needs; the node checks them
/// at start-up.
#[cfg(not(substrate_runtime))]
pub use zkinfer_halo2::cpu;

/// The sizes the host functions read at most and the circuits they accept: the chain's one
/// definition, in `zkinfer-statement`, which the prover plans its circuits within.
pub use zkinfer_statement::limits::{
	self, HALO2_MAX_K, HALO2_MIN_PUBLIC_INPUTS, MAX_KEY_BYTES, MAX_PROOF_BYTES, MAX_PUBLIC_INPUTS,
};
