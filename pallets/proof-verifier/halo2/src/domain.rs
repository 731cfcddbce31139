//! The evaluation domain as a verifier needs it: halo2's [`EvaluationDomain`] without its FFT
//! tables.
//!
//! `halo2-axiom`'s `VerifyingKey::read` builds the domain with `EvaluationDomain::new`, which
//! precomputes twiddle tables for every power of two from `2^k` to `2^extended_k` points
//! (`FFTData::new`): megabytes of memory and milliseconds of work at `k = 13`, growing with
//! `2^k`, all for FFTs that only a prover runs. A verifier reads only `k`, `extended_k`,
//! `omega` and its inverse (rotations, Lagrange evaluations), the barycentric weight and the
//! quotient degree (all of them fields of the domain). [`verifier_domain`] computes exactly
//! those fields the way `EvaluationDomain::new` does and leaves the tables empty, so decoding a
//! key costs the same at every `k`.
//!
//! The computation mirrors `halo2-axiom` 0.5.3's `EvaluationDomain::new` line for line; the
//! workspace pins that exact version, and a test compares every field with the library's own
//! domain at several sizes, so an upgrade that changed the domain fails there, not on chain.

use std::collections::HashMap;

use halo2_proofs::{
	halo2curves::ff::{BatchInvert, PrimeField, WithSmallOrderMulGroup},
	poly::EvaluationDomain,
};

/// The domain of a circuit with `2^k` rows whose constraint system has degree `degree` (halo2's
/// `j`), with every field `EvaluationDomain::new(degree, k)` sets except the FFT tables, which
/// are empty. `None` when `degree < 2` or the extended domain exceeds the field's two-adicity
/// (where `EvaluationDomain::new` panics).
pub fn verifier_domain<F: WithSmallOrderMulGroup<3>>(
	degree: u32,
	k: u32,
) -> Option<EvaluationDomain<F>> {
	if degree < 2 || k >= F::S {
		return None;
	}
	let quotient_poly_degree = u64::from(degree - 1);
	let n = 1u64 << k;
	let mut extended_k = k;
	while (1u64 << extended_k) < n.checked_mul(quotient_poly_degree)? {
		extended_k += 1;
		if extended_k > F::S {
			return None;
		}
	}

	// extended_omega = ROOT_OF_UNITY^(2^(S - extended_k)); omega = extended_omega^(2^(extended_k
	// - k)). omegas[i] is the 2^(k + i)-th root of unity.
	let mut extended_omega = F::ROOT_OF_UNITY;
	for _ in extended_k..F::S {
		extended_omega = extended_omega.square();
	}
	let mut omega = extended_omega;
	for _ in k..extended_k {
		omega = omega.square();
	}
	let mut omega_inv = omega;
	let mut extended_omega_inv = extended_omega;

	let g_coset = F::ZETA;
	let g_coset_inv = g_coset.square();

	// t(X) = X^n - 1 on the coset zeta * <extended_omega>, which repeats every 2^(extended_k - k)
	// points.
	let mut t_evaluations = Vec::with_capacity(1 << (extended_k - k));
	let orig = F::ZETA.pow_vartime([n]);
	let step = extended_omega.pow_vartime([n]);
	let mut cur = orig;
	loop {
		t_evaluations.push(cur);
		cur *= &step;
		if cur == orig {
			break;
		}
	}
	for value in &mut t_evaluations {
		*value -= &F::ONE;
	}

	let mut ifft_divisor = F::from(n);
	let mut extended_ifft_divisor = F::from(1u64 << extended_k);
	let mut barycentric_weight = F::from(n);
	t_evaluations
		.iter_mut()
		.chain(Some(&mut ifft_divisor))
		.chain(Some(&mut extended_ifft_divisor))
		.chain(Some(&mut barycentric_weight))
		.chain(Some(&mut omega_inv))
		.chain(Some(&mut extended_omega_inv))
		.batch_invert();

	Some(EvaluationDomain {
		n,
		k,
		extended_k,
		omega,
		omega_inv,
		extended_omega,
		extended_omega_inv,
		g_coset,
		g_coset_inv,
		quotient_poly_degree,
		ifft_divisor,
		extended_ifft_divisor,
		t_evaluations,
		barycentric_weight,
		fft_data: HashMap::new(),
	})
}

/// `true` when the two domains agree on every field but the FFT tables.
pub fn same_domain<F: PrimeField>(a: &EvaluationDomain<F>, b: &EvaluationDomain<F>) -> bool {
	a.n == b.n
		&& a.k == b.k
		&& a.extended_k == b.extended_k
		&& a.omega == b.omega
		&& a.omega_inv == b.omega_inv
		&& a.extended_omega == b.extended_omega
		&& a.extended_omega_inv == b.extended_omega_inv
		&& a.g_coset == b.g_coset
		&& a.g_coset_inv == b.g_coset_inv
		&& a.quotient_poly_degree == b.quotient_poly_degree
		&& a.ifft_divisor == b.ifft_divisor
		&& a.extended_ifft_divisor == b.extended_ifft_divisor
		&& a.t_evaluations == b.t_evaluations
		&& a.barycentric_weight == b.barycentric_weight
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::field::Fr;

	#[test]
	fn matches_the_library_domain_at_every_tested_size() {
		for (degree, k) in [(2, 4), (3, 5), (4, 8), (5, 10), (6, 13), (9, 11), (17, 6)] {
			let ours = verifier_domain::<Fr>(degree, k).unwrap();
			let theirs = EvaluationDomain::<Fr>::new(degree, k);
			assert!(same_domain(&ours, &theirs), "degree {degree}, k {k}");
			assert!(ours.fft_data.is_empty());
			assert_eq!(format!("{:?}", ours.pinned()), format!("{:?}", theirs.pinned()));
		}
	}

	#[test]
	fn a_different_size_is_a_different_domain() {
		let a = verifier_domain::<Fr>(5, 10).unwrap();
		let b = EvaluationDomain::<Fr>::new(5, 11);
		assert!(!same_domain(&a, &b));
	}

	#[test]
	fn refuses_what_the_library_would_panic_on() {
		assert!(verifier_domain::<Fr>(1, 10).is_none());
		assert!(verifier_domain::<Fr>(5, Fr::S).is_none());
		assert!(verifier_domain::<Fr>(1 << 20, 20).is_none());
		assert!(verifier_domain::<Fr>(5, 22).is_some());
	}
}
