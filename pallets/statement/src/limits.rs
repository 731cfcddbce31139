//! The sizes every verifier of the chain reads at most, and the circuits the chain accepts.
//!
//! The host functions check these before decoding anything, so their work is bounded
//! whatever bytes the runtime hands them; the prover plans circuits within them (its `--max-k`
//! default is [`HALO2_MAX_K`]), and the runtime's verifier configuration stays within them
//! (`runtime/tests/weights.rs`).

/// The largest verifying key a verifier reads, in bytes (a Groth16 key with 256 inputs is
/// 16,965 bytes; a halo2 model key about 1.5 KB).
pub const MAX_KEY_BYTES: usize = 64 * 1024;
/// The largest proof a verifier reads, in bytes.
pub const MAX_PROOF_BYTES: usize = 64 * 1024;
/// The most public inputs a verifier reads (Groth16 keys take at most 256; a halo2 model's
/// statement holds its whole input and output).
pub const MAX_PUBLIC_INPUTS: usize = 4096;
/// The fewest public inputs of a model statement: job binding, one input, one output.
pub const HALO2_MIN_PUBLIC_INPUTS: u32 = 3;
/// The fewest rows (`2^k`) of a halo2 model circuit.
pub const HALO2_MIN_K: u8 = 4;
/// The most rows (`2^k`) of a halo2 model circuit the chain reads keys of (4,194,304). The
/// verifier decodes a key without halo2's FFT tables (`zkinfer_halo2::domain`), so decoding and
/// verification cost the same at every `k` up to this (measured by `cargo bench -p
/// zkinfer-circuit --bench verify_by_shape`: 0.05–0.08 ms decoding at every `k` from 13 to
/// 22, where halo2's own reader takes 2.4 ms at 13 and 3.3 s at 22; the verifier pallet's
/// `verify_proof_rows` benchmark measures verification over `k`); the limit is what a prover
/// can still make within a deadline, and keys above it are refused before any decoding.
pub const HALO2_MAX_K: u8 = 22;
/// The fewest rows (`2^k`) at which the verifier's weights are measured: a key with fewer is
/// charged as one with this many (verification depends on `k` only through `x^(2^k)`, and the
/// digits-size circuits sit here).
pub const HALO2_MIN_MEASURED_K: u8 = 13;
/// The widest dot product a halo2 model key may have.
pub const HALO2_MAX_WIDTH: u8 = 64;
/// The most proofs one batch verification checks (all under one key). A block of 1,000
/// settled jobs needs batches of at most this many per key and prover.
pub const MAX_BATCH_PROOFS: usize = 1024;
/// The most bytes of statements one batch verification reads: every proof and public input
/// of the batch together (proofs come from a block of at most 5 MiB; public inputs are built
/// by the runtime, 32 bytes per value). A runtime splits larger batches.
pub const MAX_BATCH_BYTES: usize = 16 * 1024 * 1024;
/// The most bad proofs one batch verification looks for: once it has found this many, the
/// proofs it has not yet shown good are left undecided (to be submitted again), which bounds
/// the search at `1 + ⌈N / BATCH_SEARCH_GROUP⌉ + 2 · MAX_BATCH_BAD_PROOFS ·
/// log₂ BATCH_SEARCH_GROUP` pairing checks for a batch of `N`, however many of its proofs are
/// bad. An honest prover's batches hold none.
pub const MAX_BATCH_BAD_PROOFS: u32 = 4;
/// How many consecutive proofs a failing batch's search for bad proofs checks together before
/// it bisects (`zkinfer_halo2::batch`): what makes the search's pairing checks linear in the
/// batch size, so weights fitted over it bound it.
pub const BATCH_SEARCH_GROUP: usize = 16;
