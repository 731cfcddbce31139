//! Batch verification (`zkinfer_halo2::batch`) with real proofs: a batch of good proofs passes
//! with one pairing check, bad proofs are found and refused while the good ones pass, and the
//! verdict is each statement's own (the same as verifying it alone).

use std::sync::OnceLock;

use zkinfer_circuit::{
	srs::dev_srs,
	synthetic::{synthetic_batch, SyntheticBatch},
	verify, Halo2Error,
};
use zkinfer_halo2::{
	batch::{BatchStatement, MAX_BATCH_BAD_PROOFS, MAX_BATCH_PROOFS},
	verify_batch,
};

/// Twelve proofs of distinct statements under one key (width 2, 10 public inputs).
fn proofs() -> &'static SyntheticBatch {
	static BATCH: OnceLock<SyntheticBatch> = OnceLock::new();
	BATCH.get_or_init(|| synthetic_batch(&dev_srs(8), 10, 2, 0, 12).expect("the batch proves"))
}

/// The statements as `verify_batch` takes them.
fn statements(batch: &[(Vec<[u8; 32]>, Vec<u8>)]) -> Vec<BatchStatement<'_>> {
	batch
		.iter()
		.map(|(inputs, proof)| BatchStatement { public_inputs: inputs, proof })
		.collect()
}

/// `batch` with statement `i` changed to a false one: its first input (the job binding) one
/// higher, so its proof decodes and fails only at the pairing check.
fn falsify(batch: &mut [(Vec<[u8; 32]>, Vec<u8>)], i: usize) {
	batch[i].0[0][0] = batch[i].0[0][0].wrapping_add(1);
}

#[test]
fn good_proofs_pass_together_with_one_pairing_check() {
	let proofs = proofs();
	let verdict = verify_batch(&proofs.params, &proofs.vk, &statements(&proofs.statements))
		.expect("the batch is well formed");
	assert_eq!(verdict.results, vec![Ok(()); proofs.statements.len()]);
	assert_eq!(verdict.pairing_checks, 1);
	// Each also verifies alone.
	for (inputs, proof) in &proofs.statements {
		assert_eq!(verify(&proofs.params, &proofs.vk, inputs, proof), Ok(()));
	}
}

#[test]
fn a_false_statement_is_found_and_the_others_pass() {
	let proofs = proofs();
	for bad in [0, 5, 11] {
		let mut batch = proofs.statements.clone();
		falsify(&mut batch, bad);
		let verdict =
			verify_batch(&proofs.params, &proofs.vk, &statements(&batch)).expect("well formed");
		for (i, result) in verdict.results.iter().enumerate() {
			let expected = if i == bad { Err(Halo2Error::VerificationFailed) } else { Ok(()) };
			assert_eq!(*result, expected, "statement {i} with {bad} false");
			// The same verdict as alone.
			assert_eq!(verify(&proofs.params, &proofs.vk, &batch[i].0, &batch[i].1), expected);
		}
		// The combined check, then the bisection down to the bad one: about log2(12) more.
		assert!((2..=9).contains(&verdict.pairing_checks), "{} checks", verdict.pairing_checks);
	}
}

/// The largest batch (one proof repeated): its check sums enough terms for halo2curves' affine
/// additions, where an identity commitment of the key (repeated once per proof) used to abort
/// the process; one false statement among them is still found.
#[test]
fn the_largest_batch_passes_and_its_false_statement_is_found() {
	let proofs = proofs();
	let mut batch: Vec<_> =
		proofs.statements.iter().cycle().take(MAX_BATCH_PROOFS).cloned().collect();
	let verdict = verify_batch(&proofs.params, &proofs.vk, &statements(&batch)).unwrap();
	assert_eq!(verdict.results, vec![Ok(()); MAX_BATCH_PROOFS]);
	assert_eq!(verdict.pairing_checks, 1);
	falsify(&mut batch, 1000);
	let verdict = verify_batch(&proofs.params, &proofs.vk, &statements(&batch)).unwrap();
	for (i, result) in verdict.results.iter().enumerate() {
		let expected = if i == 1000 { Err(Halo2Error::VerificationFailed) } else { Ok(()) };
		assert_eq!(*result, expected, "statement {i}");
	}
}

#[test]
fn a_proof_that_does_not_decode_is_refused_before_the_pairing() {
	let proofs = proofs();
	let mut batch = proofs.statements.clone();
	batch[3].1.truncate(100);
	batch[7].1.push(0);
	batch[8].0.pop();
	let verdict = verify_batch(&proofs.params, &proofs.vk, &statements(&batch)).unwrap();
	assert_eq!(verdict.results[3], Err(Halo2Error::VerificationFailed));
	assert_eq!(verdict.results[7], Err(Halo2Error::TrailingProofBytes));
	assert_eq!(verdict.results[8], Err(Halo2Error::PublicInputCount { expected: 10, got: 9 }));
	let good = verdict.results.iter().filter(|r| r.is_ok()).count();
	assert_eq!(good, batch.len() - 3);
	// The rest were checked together, once.
	assert_eq!(verdict.pairing_checks, 1);
}

#[test]
fn the_search_stops_after_the_most_bad_proofs_and_accepts_no_bad_one() {
	let proofs = proofs();
	let mut batch = proofs.statements.clone();
	let bad: Vec<usize> = (0..batch.len()).step_by(2).collect();
	assert!(bad.len() as u32 > MAX_BATCH_BAD_PROOFS);
	for &i in &bad {
		falsify(&mut batch, i);
	}
	let verdict = verify_batch(&proofs.params, &proofs.vk, &statements(&batch)).unwrap();
	let refused = verdict.results.iter().filter(|r| **r == Err(Halo2Error::VerificationFailed));
	assert_eq!(refused.count() as u32, MAX_BATCH_BAD_PROOFS);
	for &i in &bad {
		assert_ne!(verdict.results[i], Ok(()), "false statement {i} was accepted");
	}
	assert!(verdict.results.contains(&Err(Halo2Error::Undecided)));
	// A good proof is accepted or undecided, never refused.
	for (i, result) in verdict.results.iter().enumerate().filter(|(i, _)| i % 2 == 1) {
		assert!(matches!(result, Ok(()) | Err(Halo2Error::Undecided)), "{i}: {result:?}");
	}
	// Bounded: the most bad proofs, each found in at most two checks per level.
	let levels = (batch.len() as f64).log2().ceil() as u32 + 1;
	assert!(verdict.pairing_checks <= 1 + 2 * MAX_BATCH_BAD_PROOFS * levels);
}

#[test]
fn the_verdict_is_deterministic_and_fixed_by_the_whole_batch() {
	let proofs = proofs();
	let mut batch = proofs.statements.clone();
	falsify(&mut batch, 4);
	let first = verify_batch(&proofs.params, &proofs.vk, &statements(&batch)).unwrap();
	let second = verify_batch(&proofs.params, &proofs.vk, &statements(&batch)).unwrap();
	assert_eq!(first, second);
	// Reordered, the same statements get the same verdicts.
	let mut reversed = batch.clone();
	reversed.reverse();
	let third = verify_batch(&proofs.params, &proofs.vk, &statements(&reversed)).unwrap();
	let mut results = third.results.clone();
	results.reverse();
	assert_eq!(results, first.results);
}

#[test]
fn whole_batch_errors_refuse_it_before_any_proof_is_read() {
	let proofs = proofs();
	let one = &proofs.statements[..1];
	let mut params = proofs.params.clone();
	params[0] ^= 1;
	assert!(verify_batch(&params, &proofs.vk, &statements(one)).is_err());
	assert_eq!(
		verify_batch(&proofs.params, &proofs.vk[..10], &statements(one)),
		Err(Halo2Error::InvalidKey)
	);
	let many = vec![proofs.statements[0].clone(); MAX_BATCH_PROOFS + 1];
	assert_eq!(
		verify_batch(&proofs.params, &proofs.vk, &statements(&many)),
		Err(Halo2Error::BatchTooLarge)
	);
	let empty = verify_batch(&proofs.params, &proofs.vk, &[]).unwrap();
	assert_eq!((empty.results.len(), empty.pairing_checks), (0, 0));
}
