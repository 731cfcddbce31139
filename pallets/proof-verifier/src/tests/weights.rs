//! How a key's shape sets what it is charged: its inputs, width and rows each add what their
//! own benchmark measured beyond the least; rows are charged beyond the fewest the weights are
//! measured at, never below what the benchmarks measured, and a key of a system without rows
//! pays none; a batch is charged per proof and its search for bad proofs bounded.

use crate::{mock::*, Pallet, WeightInfo};
use frame_support::weights::Weight;
use zkinfer_verifier_primitives::{KeyInfo, ProofVerifier, Verifier};

type Halo2 = Pallet<Test, Halo2Instance>;
type Groth16 = Pallet<Test>;

fn halo2_key(k: u8) -> KeyInfo {
	KeyInfo { public_inputs: 75, width: 4, k, columns: 0 }
}

#[test]
fn rows_below_the_fewest_measured_cost_what_the_fewest_do() {
	let fewest = crate::verifiers::Halo2Kzg::MIN_ROWS_K as u8;
	let at_fewest = <Halo2 as ProofVerifier>::verify_weight(halo2_key(fewest));
	assert_eq!(<Halo2 as ProofVerifier>::verify_weight(halo2_key(4)), at_fewest);
	assert_eq!(
		at_fewest,
		<() as WeightInfo>::verify_proof(75)
			.saturating_add(<() as WeightInfo>::verify_proof_width(4))
			.saturating_sub(<() as WeightInfo>::verify_proof_width(1))
	);
	assert_eq!(Halo2::verify_rows_weight(0), Weight::zero());
}

#[test]
fn more_rows_never_cost_less_and_the_most_bound_every_key() {
	let mut previous = Weight::zero();
	for k in 13..=zkinfer_verifier_host::HALO2_MAX_K {
		let weight = <Halo2 as ProofVerifier>::verify_weight(halo2_key(k));
		assert!(weight.all_gte(previous), "k {k}: {weight} < {previous}");
		assert!(weight.all_gte(<() as WeightInfo>::verify_proof(75)));
		previous = weight;
	}
	// The bound a call is charged before it knows the key covers the most rows and width.
	let widest = KeyInfo { width: crate::verifiers::Halo2Kzg::MAX_WIDTH, ..halo2_key(22) };
	assert!(<Halo2 as ProofVerifier>::max_verify_weight(75)
		.all_gte(<Halo2 as ProofVerifier>::verify_weight(widest)));
	// Rows beyond the chain's limit are charged as the limit: such keys are refused anyway.
	assert_eq!(
		<Halo2 as ProofVerifier>::verify_weight(halo2_key(30)),
		<Halo2 as ProofVerifier>::verify_weight(halo2_key(22))
	);
}

#[test]
fn a_groth16_key_pays_for_no_rows() {
	let key = KeyInfo::without_size(4);
	assert_eq!(<Groth16 as ProofVerifier>::verify_weight(key), <() as WeightInfo>::verify_proof(4));
}

#[test]
fn inputs_width_and_rows_each_add_their_own_measured_part() {
	let base = <Halo2 as ProofVerifier>::verify_weight(KeyInfo {
		public_inputs: 3,
		width: 1,
		k: 13,
		columns: 0,
	});
	assert_eq!(base, <() as WeightInfo>::verify_proof(3));
	let key = KeyInfo { public_inputs: 1035, width: 6, k: 17, columns: 0 };
	let expected = base
		.saturating_add(Halo2::verify_inputs_weight(1035))
		.saturating_add(Halo2::verify_width_weight(6))
		.saturating_add(Halo2::verify_rows_weight(17));
	assert_eq!(<Halo2 as ProofVerifier>::verify_weight(key), expected);
}

#[test]
fn a_batch_is_charged_per_proof_and_its_search_bounds_it() {
	let key = halo2_key(13);
	let one = Halo2::verify_batch_weight(key, 1, false);
	let many = Halo2::verify_batch_weight(key, 100, false);
	assert!(many.ref_time() > one.ref_time());
	let chunk = Halo2::batch_chunk(key.public_inputs);
	for proofs in [1, chunk / 2, chunk] {
		let most = <Halo2 as ProofVerifier>::max_verify_batch_weight(key, proofs);
		assert!(most.all_gte(Halo2::verify_batch_weight(key, proofs, true)), "{proofs}");
		assert!(most.all_gte(Halo2::verify_batch_weight(key, proofs, false)), "{proofs}");
	}
	// A search is charged for at least a group of the search.
	assert_eq!(
		Halo2::verify_batch_weight(key, 1, true),
		Halo2::verify_batch_weight(key, crate::impls::SEARCH_GROUP, true)
			.saturating_sub(Halo2::verify_inputs_weight(key.public_inputs).saturating_mul(15))
			.saturating_sub(Halo2::verify_rows_weight(13).saturating_mul(15))
	);
	// Statements beyond what one call takes go in chunks, each charged on its own.
	let two_chunks = <Halo2 as ProofVerifier>::max_verify_batch_weight(key, chunk + 1);
	assert_eq!(
		two_chunks,
		Halo2::most_verify_batch_weight(key, chunk)
			.saturating_add(Halo2::most_verify_batch_weight(key, 1))
	);
}
