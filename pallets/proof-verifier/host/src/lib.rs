//! # zkinfer-verifier-host
//!
//! Native proof verification for the zkinfer runtime.
//!
//! ## Overview
//!
//! - [`proof_verification`]: the `#[runtime_interface]` whose host functions the node
//!   registers in its executor and in its `benchmark` command
//!   ([`proof_verification::HostFunctions`]). They verify halo2-KZG proofs of zkinfer's
//!   model circuits through `zkinfer-circuit`'s model-agnostic `verify`/`validate_vk`, and
//!   Groth16 over BN254 through `zkinfer-groth16`.
//! - [`Halo2Kzg`] and [`Groth16Bn254`]: the runtime's
//!   [`Verifier`](zkinfer_verifier_primitives::Verifier)s, thin bindings to those host
//!   functions.
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

#[cfg(feature = "fixture")]
pub mod fixture;
#[cfg(not(substrate_runtime))]
#[doc(hidden)]
pub mod fuzzing;
mod interface;
mod outcome;
mod verifiers;

#[cfg(not(substrate_runtime))]
pub use interface::host::{from_groth16, from_halo2};
pub use interface::proof_verification;
#[cfg(feature = "runtime-benchmarks")]
pub use interface::proof_verification_benchmarks;
pub use outcome::Outcome;
pub use verifiers::{Groth16Bn254, Halo2Kzg};

/// The largest verifying key a host function reads, in bytes (a Groth16 key with 256 inputs
/// is 16,965 bytes; a halo2 model key about 1.5 KB).
pub const MAX_KEY_BYTES: usize = 64 * 1024;
/// The largest proof a host function reads, in bytes.
pub const MAX_PROOF_BYTES: usize = 64 * 1024;
/// The most public inputs a host function reads (Groth16 keys take at most 256; a halo2
/// model's statement holds its whole input and output).
pub const MAX_PUBLIC_INPUTS: usize = 4096;
/// The fewest public inputs of a zkinfer model statement: job binding, one input, one output
/// (`zkinfer-circuit`'s `synthetic::MIN_PUBLIC_INPUTS`, checked by a test).
pub const HALO2_MIN_PUBLIC_INPUTS: u32 = 3;
/// The most rows (`2^k`) of a halo2 model circuit the host reads keys of. Decoding a halo2 key
/// builds its evaluation domain, whose FFT tables take time and memory in proportion to `2^k`
/// (1.2 ms at `k = 13`, 10 ms at `k = 16`, and gigabytes near halo2's own limit), so keys
/// above this are refused before any decoding, and benchmarks measure keys at this size.
pub const HALO2_MAX_K: u8 = 13;
/// The widest dot product a halo2 model key may have (`zkinfer-circuit`'s `MAX_WIDTH`,
/// checked by a test).
pub const HALO2_MAX_WIDTH: u32 = 64;
