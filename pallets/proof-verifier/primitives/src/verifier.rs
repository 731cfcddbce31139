//! The per-proof-system [`Verifier`] and the [`ProofVerifier`] interface for other pallets.

use crate::{KeyHash, StatementHash, VerifyError};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{dispatch::DispatchResult, pallet_prelude::DispatchError, weights::Weight};
use scale_info::TypeInfo;

/// Bytes of one public input: a scalar-field element, 32 bytes little-endian.
pub const PUBLIC_INPUT_BYTES: usize = 32;

/// One public input: a scalar-field element, 32 bytes little-endian, which must be below the
/// field's modulus (never reduced).
pub type PublicInput = [u8; PUBLIC_INPUT_BYTES];

/// What validating a verifying key tells about it: the shape its verification cost depends on.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct KeyInfo {
	/// The exact number of public inputs a proof under this key takes.
	pub public_inputs: u32,
	/// The key's circuit width, the second number (after the input count) that sets what a
	/// proof costs to verify: for halo2-KZG the dot-product width of the model circuit (each
	/// unit adds columns, so commitments and evaluations); 1 for systems whose verification
	/// cost depends on the input count alone (Groth16). At most [`Verifier::MAX_WIDTH`].
	pub width: u32,
	/// The circuit's size as `log2` of its rows (`2^k` rows), as the key declares it; 0 for
	/// systems whose keys do not reveal their circuit's size (Groth16).
	pub k: u8,
	/// The columns the prover commits to or evaluates over every row (advice, fixed and lookup
	/// table columns of a halo2 key); 0 where the key does not reveal them (Groth16). With `k`
	/// this is the chain's measure of what a proof costs to make.
	pub columns: u32,
}

impl KeyInfo {
	/// A key of a system whose keys reveal only their input count (Groth16): width 1, no
	/// declared circuit size.
	pub const fn without_size(public_inputs: u32) -> Self {
		Self { public_inputs, width: 1, k: 0, columns: 0 }
	}
}

/// One proof system's verification, as the runtime calls it.
///
/// Implementations call the node's host functions, so verification runs natively. Every
/// method takes untrusted bytes, must not panic, and must be deterministic.
///
/// Weights are not part of this trait: they come from benchmarking the pallet instance bound
/// to the implementation (`pallet_proof_verifier::WeightInfo`), not from a declared figure.
pub trait Verifier {
	/// A short name of the proof system, for logs and documentation.
	const NAME: &'static str;

	/// The fewest public inputs a valid key of this system takes.
	const MIN_PUBLIC_INPUTS: u32;

	/// The largest [`KeyInfo::width`] a valid key of this system has.
	const MAX_WIDTH: u32;

	/// The range of [`KeyInfo::k`] (circuits of `2^k` rows) the weights are measured over, from
	/// `MIN_ROWS_K` to `MAX_ROWS_K`. Valid keys declare at most `MAX_ROWS_K`; a key below
	/// `MIN_ROWS_K` is charged as one at it. Systems whose keys declare no size (Groth16) have
	/// `0..=0`.
	const MIN_ROWS_K: u32;

	/// See [`Self::MIN_ROWS_K`].
	const MAX_ROWS_K: u32;

	/// The largest `k` the benchmarks measure rows at, from [`Self::MIN_ROWS_K`] to
	/// [`Self::MAX_ROWS_K`]: a key above it is charged the measured weight over `k` extended
	/// to its own `k` (rows enter verification only through `x^(2^k)`, `k` squarings).
	const MAX_MEASURED_ROWS_K: u32;

	/// Checks the verifier parameters the chain stores for this system (for halo2-KZG the
	/// verifier's part of the SRS; for Groth16 nothing, so only the empty string is valid).
	fn validate_params(params: &[u8]) -> Result<(), VerifyError>;

	/// Checks a verifying key once, when it is registered, and says how many public inputs it
	/// takes and how wide its circuit is.
	fn validate_vk(params: &[u8], vk: &[u8]) -> Result<KeyInfo, VerifyError>;

	/// Checks `proof` of `public_inputs` against `vk`, which was validated at registration.
	fn verify(
		params: &[u8],
		vk: &[u8],
		public_inputs: &[PublicInput],
		proof: &[u8],
	) -> Result<(), VerifyError>;

	/// Checks a batch of proofs under one key, `vk` (validated at registration): one result per
	/// statement (public inputs, proof), in order, each the one [`Self::verify`] would give it
	/// (but for the negligible chance a batch's random combination lets a bad proof pass), or
	/// an error that refuses the whole batch. The default verifies each statement alone;
	/// systems with a cheaper combined check override it.
	fn verify_batch(
		params: &[u8],
		vk: &[u8],
		statements: &[(&[PublicInput], &[u8])],
	) -> Result<BatchVerification, VerifyError> {
		Ok(BatchVerification {
			results: statements
				.iter()
				.map(|(public_inputs, proof)| Self::verify(params, vk, public_inputs, proof))
				.collect(),
			pairing_checks: u32::try_from(statements.len()).unwrap_or(u32::MAX),
		})
	}

	/// A valid (params, key, inputs, proof) with `public_inputs` inputs (at least
	/// [`Self::MIN_PUBLIC_INPUTS`]) and a key of width `width` (at most [`Self::MAX_WIDTH`];
	/// systems of one width ignore it), for benchmarks. May panic on a shape outside those
	/// bounds: it exists only in benchmark builds.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_case(public_inputs: u32, width: u32) -> BenchmarkCase;

	/// A valid case with [`Self::MIN_PUBLIC_INPUTS`] inputs at width 1 whose key declares
	/// `2^k` rows (`k` from [`Self::MIN_ROWS_K`] to [`Self::MAX_MEASURED_ROWS_K`]; systems whose keys
	/// declare no size ignore it), for the benchmarks of what a key's rows cost. May panic on a
	/// `k` outside that range: it exists only in benchmark builds.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_rows_case(k: u32) -> BenchmarkCase;
}

/// What a batch verification found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchVerification {
	/// One result per statement, in the batch's order.
	pub results: alloc::vec::Vec<Result<(), VerifyError>>,
	/// How many final checks (pairing checks) ran: 1 for a batch of good proofs checked
	/// together, more when a search for bad proofs ran, one per statement when each was
	/// verified alone.
	pub pairing_checks: u32,
}

/// What [`ProofVerifier::verify_batch`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedBatch {
	/// One result per statement, in the batch's order: the statement hash of a proof that
	/// holds, or why it was refused (the error [`ProofVerifier::verify`] gives the statement
	/// alone).
	pub results: alloc::vec::Vec<Result<StatementHash, DispatchError>>,
	/// The weight the verification took (its search for bad proofs included).
	pub weight: Weight,
}

/// A verifying case that passes, built for benchmarks.
#[cfg(feature = "runtime-benchmarks")]
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct BenchmarkCase {
	/// Verifier parameters.
	pub params: alloc::vec::Vec<u8>,
	/// Verifying key.
	pub vk: alloc::vec::Vec<u8>,
	/// Public inputs.
	pub public_inputs: alloc::vec::Vec<PublicInput>,
	/// Proof.
	pub proof: alloc::vec::Vec<u8>,
}

/// Proof verification as other pallets use it: by the hash of a registered key.
pub trait ProofVerifier {
	/// Verifies `proof` of `public_inputs` under the registered key `key`; returns the
	/// statement hash (see [`crate::statement_hash`]).
	fn verify(
		key: &KeyHash,
		public_inputs: &[PublicInput],
		proof: &[u8],
	) -> Result<StatementHash, DispatchError>;

	/// Verifies a batch of statements (public inputs, proof) under the registered key `key`:
	/// one result per statement, in order (its statement hash, or why its proof was refused),
	/// and the weight the verification took, never more than
	/// [`Self::max_verify_batch_weight`]. Fails as a whole only if the key is unknown or the
	/// batch is larger than one verification takes.
	fn verify_batch(
		key: &KeyHash,
		statements: &[(&[PublicInput], &[u8])],
	) -> Result<VerifiedBatch, DispatchError>;

	/// The weight of [`Self::verify`] under a key of this shape, from benchmarks.
	fn verify_weight(key: KeyInfo) -> Weight;

	/// The most [`Self::verify_batch`] weighs for `proofs` statements under a key of this
	/// shape (a search for bad proofs included), from benchmarks.
	fn max_verify_batch_weight(key: KeyInfo, proofs: u32) -> Weight;

	/// The most [`Self::verify`] weighs under any key with `public_inputs` inputs (for a call's
	/// weight before it knows the key; refund down to [`Self::verify_weight`] after).
	fn max_verify_weight(public_inputs: u32) -> Weight;

	/// The shape of the registered key `key`, or `None` if no such key.
	fn key_info(key: &KeyHash) -> Option<KeyInfo>;

	/// Takes a reference on a registered key, so it cannot be unregistered while in use.
	fn acquire_key(key: &KeyHash) -> DispatchResult;

	/// Releases a reference taken with [`Self::acquire_key`].
	fn release_key(key: &KeyHash) -> DispatchResult;
}
