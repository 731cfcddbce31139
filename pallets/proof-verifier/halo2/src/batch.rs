//! Batch verification: many proofs under one key, checked with one pairing.
//!
//! Every halo2-KZG (SHPLONK) proof ends in a pairing check `e(Lᵢ, s·h) · e(Rᵢ, −h) = 1`, where
//! `Lᵢ` and `Rᵢ` are multi-scalar multiplications the verifier builds from the proof's
//! transcript ([`PreparedKey::pairing_check`]). For coefficients `rᵢ` that no prover can
//! predict, `e(Σ rᵢ·Lᵢ, s·h) · e(Σ rᵢ·Rᵢ, −h) = 1` holds, except with probability about
//! `N/r` (`r ≈ 2^254` the group order), only if every proof's check holds: one pairing and one
//! multi-scalar multiplication for the whole batch instead of one pairing per proof.
//!
//! # Coefficients
//!
//! `rᵢ` is `blake2b-512(BATCH_DOMAIN ‖ seed ‖ i)` reduced into the scalar field, where `seed`
//! is `blake2b-256` of the parameters, the key and every statement of the batch (lengths
//! included): deterministic, so every validator computes the same verdict, and fixed only once
//! every proof is (Fiat–Shamir), so a prover who wants a bad proof to pass must find a batch
//! whose own hash cancels its errors, which is as hard as guessing a random scalar. No `OsRng`.
//!
//! # Finding the bad proofs
//!
//! If the batch's check fails, [`verify_batch`] checks it in groups of [`SEARCH_GROUP`]
//! consecutive proofs, and bisects each group whose check fails: it checks the first half; if
//! that holds, the fault is in the second half, which is split again without a check of its
//! own; otherwise both halves are searched. A proof is refused only when a check of it alone
//! failed, or when it is the only proof left of a set whose check failed. The search stops once
//! it has found [`MAX_BATCH_BAD_PROOFS`] bad proofs: the proofs it has not shown good by then
//! are [`Halo2Error::Undecided`] (neither accepted nor refused; submit them again). So a
//! failing batch of `N` proofs costs at most `1 + ⌈N / SEARCH_GROUP⌉ + 2 · MAX_BATCH_BAD_PROOFS
//! · log₂ SEARCH_GROUP` pairing checks, linear in `N` (what lets a caller's weights, fitted
//! linearly over `N`, bound it), and the multi-scalar multiplications of the search cover each
//! proof's terms about twice. The verdict says how many pairing checks ran
//! ([`BatchVerdict::pairing_checks`]).
//!
//! Statements refused before the pairing (wrong input count, a non-canonical input, a proof
//! that does not decode) take no part in the checks and are refused with their own error.

use halo2_proofs::{
	halo2curves::{
		bn256::{Bn256, Fr},
		ff::FromUniformBytes,
	},
	poly::kzg::msm::DualMSM,
};

use crate::verify::{prepare, Halo2Error};
pub use zkinfer_statement::limits::{MAX_BATCH_BAD_PROOFS, MAX_BATCH_BYTES, MAX_BATCH_PROOFS};

/// How many consecutive proofs a failing batch's search checks together before it bisects.
pub use zkinfer_statement::limits::BATCH_SEARCH_GROUP as SEARCH_GROUP;

/// The domain separator of the batch coefficients.
pub const BATCH_DOMAIN: &[u8] = b"zkinfer/halo2-batch/v1";

/// One statement of a batch: its public inputs and its proof.
#[derive(Clone, Copy, Debug)]
pub struct BatchStatement<'a> {
	/// 32-byte little-endian field elements, as [`crate::verify`] takes them.
	pub public_inputs: &'a [[u8; 32]],
	/// The proof.
	pub proof: &'a [u8],
}

/// The outcome of a batch: a result per statement, in order, and the work it took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchVerdict {
	/// `Ok` for each statement whose proof verifies, else why not.
	pub results: Vec<Result<(), Halo2Error>>,
	/// How many pairing checks ran: 1 for a batch whose proofs all verify (0 for one where none
	/// reached the pairing), more when bisection looked for bad proofs.
	pub pairing_checks: u32,
}

/// Verifies a batch of proofs under one key (parameters and key as [`crate::verify`] takes
/// them). The batch fails as a whole only if the parameters or the key do not decode, if it
/// holds more than [`MAX_BATCH_PROOFS`] statements or if its statements hold more than
/// [`MAX_BATCH_BYTES`]; otherwise each statement gets its own result, which is the same as
/// [`crate::verify`] gives it alone (but for a probability of about `2^-250` that a bad proof
/// passes, the soundness of the random combination). Deterministic; never panics.
pub fn verify_batch(
	params: &[u8],
	vk_bytes: &[u8],
	statements: &[BatchStatement<'_>],
) -> Result<BatchVerdict, Halo2Error> {
	crate::verify::on_verifier_pool(|| verify_batch_here(params, vk_bytes, statements))
}

/// [`verify_batch`] on the calling thread.
fn verify_batch_here(
	params: &[u8],
	vk_bytes: &[u8],
	statements: &[BatchStatement<'_>],
) -> Result<BatchVerdict, Halo2Error> {
	if statements.len() > MAX_BATCH_PROOFS {
		return Err(Halo2Error::BatchTooLarge);
	}
	let bytes = statements.iter().try_fold(0usize, |sum, s| {
		sum.checked_add(s.proof.len())?
			.checked_add(s.public_inputs.len().checked_mul(32)?)
	});
	if bytes.is_none_or(|bytes| bytes > MAX_BATCH_BYTES) {
		return Err(Halo2Error::BatchTooLarge);
	}
	let key = prepare(params, vk_bytes)?;
	let seed = batch_seed(params, vk_bytes, statements);
	let mut results = Vec::with_capacity(statements.len());
	let mut checks = Vec::with_capacity(statements.len());
	for (index, statement) in statements.iter().enumerate() {
		match key.pairing_check(statement.public_inputs, statement.proof) {
			Ok(mut check) => {
				check.scale(coefficient(&seed, index));
				checks.push((index, check));
				results.push(Ok(()));
			},
			Err(error) => results.push(Err(error)),
		}
	}
	let mut search = Bisection { results, pairing_checks: 0, bad: 0 };
	if !search.holds(&checks) {
		if checks.len() <= SEARCH_GROUP {
			search.search(&checks, true);
		} else {
			for group in checks.chunks(SEARCH_GROUP) {
				search.search(group, false);
			}
		}
	}
	Ok(BatchVerdict { results: search.results, pairing_checks: search.pairing_checks })
}

/// `blake2b-256` of the parameters, the key and every statement, each length-prefixed.
fn batch_seed(params: &[u8], vk_bytes: &[u8], statements: &[BatchStatement<'_>]) -> [u8; 32] {
	let mut state = blake2b_simd::Params::new().hash_length(32).to_state();
	let mut field = |bytes: &[u8]| {
		state.update(&(bytes.len() as u64).to_le_bytes());
		state.update(bytes);
	};
	field(BATCH_DOMAIN);
	field(params);
	field(vk_bytes);
	for statement in statements {
		field(statement.public_inputs.as_flattened());
		field(statement.proof);
	}
	let mut seed = [0u8; 32];
	seed.copy_from_slice(state.finalize().as_bytes());
	seed
}

/// The coefficient of statement `index`: a uniform scalar from `blake2b-512`.
fn coefficient(seed: &[u8; 32], index: usize) -> Fr {
	let hash = blake2b_simd::Params::new()
		.hash_length(64)
		.to_state()
		.update(BATCH_DOMAIN)
		.update(seed)
		.update(&(index as u64).to_le_bytes())
		.finalize();
	let mut wide = [0u8; 64];
	wide.copy_from_slice(hash.as_bytes());
	Fr::from_uniform_bytes(&wide)
}

/// The search for the bad proofs of a batch whose combined check failed.
struct Bisection {
	results: Vec<Result<(), Halo2Error>>,
	pairing_checks: u32,
	/// Bad proofs found so far.
	bad: u32,
}

impl Bisection {
	/// Marks the bad proofs among `checks` (statement index, scaled check). `known_bad`: a
	/// check of exactly this set already failed, so the set holds at least one bad proof.
	/// Recursion depth is at most `log₂ SEARCH_GROUP + 1` (sets are at most a group).
	fn search(&mut self, checks: &[(usize, DualMSM<'_, Bn256>)], known_bad: bool) {
		if self.bad >= MAX_BATCH_BAD_PROOFS {
			for (index, _) in checks {
				self.results[*index] = Err(Halo2Error::Undecided);
			}
			return;
		}
		match checks {
			[] => {},
			[(index, _)] if known_bad => {
				self.results[*index] = Err(Halo2Error::VerificationFailed);
				self.bad = self.bad.saturating_add(1);
			},
			_ if known_bad => {
				let (first, second) = checks.split_at(checks.len() / 2);
				if self.holds(first) {
					self.search(second, true);
				} else {
					self.search(first, true);
					self.search(second, false);
				}
			},
			_ => {
				if !self.holds(checks) {
					self.search(checks, true);
				}
			},
		}
	}

	/// Whether the combined check of `checks` holds (one pairing; none for an empty set).
	fn holds(&mut self, checks: &[(usize, DualMSM<'_, Bn256>)]) -> bool {
		let Some(((_, first), rest)) = checks.split_first() else { return true };
		let mut combined = first.clone();
		for (_, check) in rest {
			combined.add_msm(check.clone());
		}
		self.pairing_checks = self.pairing_checks.saturating_add(1);
		combined.check()
	}
}

#[cfg(test)]
mod tests {
	use halo2_proofs::{
		halo2curves::{
			bn256::{Bn256, Fr, G1},
			ff::Field,
			group::Group,
		},
		poly::{commitment::MSM, kzg::msm::MSMKZG},
	};

	/// A batch's pairing check sums its proofs' terms in one multi-scalar multiplication, which
	/// from about 22,000 terms adds points in affine form; keys and proofs can hold the
	/// identity. 2^15 terms over the bases `i·G`, the identity at every 64th: the sum must be
	/// `(Σ sᵢ·i)·G` over the others (the vendored halo2-axiom's patch part 4; without it the
	/// process aborts or the sum is wrong).
	#[test]
	fn msm_with_identities_above_the_affine_threshold() {
		let generator = G1::generator();
		let mut msm = MSMKZG::<Bn256>::new();
		let mut base = G1::identity();
		let mut scalar = Fr::from(7);
		let mut expected = Fr::ZERO;
		for i in 1..=1u64 << 15 {
			base += generator;
			scalar = scalar.square() + Fr::from(i);
			if i % 64 == 0 {
				msm.append_term(scalar, G1::identity());
			} else {
				msm.append_term(scalar, base);
				expected += scalar * Fr::from(i);
			}
		}
		assert_eq!(msm.eval(), generator * expected);
	}
}
