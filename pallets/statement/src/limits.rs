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
/// The most rows (`2^k`) of a halo2 model circuit the chain reads keys of. Decoding a halo2 key
/// builds its evaluation domain, whose FFT tables take time and memory in proportion to `2^k`
/// (1.2 ms at `k = 13`, 10 ms at `k = 16`, and gigabytes near halo2's own limit), so keys
/// above this are refused before any decoding, and benchmarks measure keys at this size.
pub const HALO2_MAX_K: u8 = 13;
/// The widest dot product a halo2 model key may have.
pub const HALO2_MAX_WIDTH: u8 = 64;
