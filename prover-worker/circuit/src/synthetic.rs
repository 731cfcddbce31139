//! Passing verification cases of a chosen shape, for benchmarks of on-chain verification.
//!
//! What a zkinfer proof costs to verify is set by two numbers: the dot-product width of its
//! circuit (each of the `width` advice and weight columns adds commitments to the key and
//! the proof, evaluations to the proof and terms to the verifier's multi-scalar
//! multiplication) and its number of public inputs (each one evaluated in the field). The
//! model's operators do not enter: they only fill rows. A case here is the smallest model
//! with a given statement size — `public_inputs - 2` inputs and one output that copies the
//! first — laid out at the chosen width and proven under the development SRS.

use std::sync::{Arc, Mutex, PoisonError};

use halo2_proofs::{
	halo2curves::bn256::Bn256,
	poly::{commitment::Params, kzg::commitment::ParamsKZG},
};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

use crate::{
	circuit::MAX_WIDTH,
	field::Fr,
	ops::{Op, Slice},
	plan_width,
	prove::{keygen, params_for, prove},
	srs::{dev_srs, VerifierParams},
	Graph, Model, Node, Quant,
};

/// The fewest public inputs of a zkinfer statement: the job binding, one input, one output.
pub use zkinfer_statement::limits::HALO2_MIN_PUBLIC_INPUTS as MIN_PUBLIC_INPUTS;

/// A passing verification case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntheticCase {
	/// The verifier parameters the proof verifies under ([`VerifierParams::to_bytes`]).
	pub params: Vec<u8>,
	/// The verifying key ([`crate::verify`] encoding).
	pub vk: Vec<u8>,
	/// The public inputs, 32-byte little-endian.
	pub public_inputs: Vec<[u8; 32]>,
	/// The proof.
	pub proof: Vec<u8>,
}

/// Why a case cannot be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntheticError {
	/// Fewer than [`MIN_PUBLIC_INPUTS`] public inputs, or a width outside `1..=MAX_WIDTH`.
	Shape,
	/// The SRS has fewer rows than the case needs (`2^k`).
	SrsTooSmall {
		/// The `k` the case needs.
		k: u8,
	},
	/// Planning, key generation or proving failed.
	Prove(String),
}

/// The `k` (rows `2^k`) a case of this shape needs.
pub fn case_k(public_inputs: u32, width: u8) -> Result<u8, SyntheticError> {
	Ok(plan_width(&case_model(public_inputs)?, checked_width(width)?)
		.map_err(|e| SyntheticError::Prove(e.to_string()))?
		.params
		.k)
}

/// Makes a passing case with exactly `public_inputs` public inputs at dot-product width
/// `width` on `2^k` rows, `k` at least `min_k` (decoding a halo2 key costs time in proportion to
/// its rows, so benchmarks ask for the largest `k` a chain accepts), proven with `srs` (which
/// needs `2^k` rows; a larger one is cut down). Deterministic for a given SRS.
pub fn synthetic_case(
	srs: &ParamsKZG<Bn256>,
	public_inputs: u32,
	width: u8,
	min_k: u8,
) -> Result<SyntheticCase, SyntheticError> {
	let model = Arc::new(case_model(public_inputs)?);
	let mut plan = plan_width(&model, checked_width(width)?)
		.map_err(|e| SyntheticError::Prove(e.to_string()))?;
	plan.params.k = plan.params.k.max(min_k.min(crate::circuit::MAX_K));
	let k = plan.params.k;
	let params = params_for(srs, k).map_err(|_| SyntheticError::SrsTooSmall { k })?;
	let keys = keygen(&params, model.clone(), plan.params)
		.map_err(|e| SyntheticError::Prove(e.to_string()))?;
	let (low, high) = (model.quant.domain_min(), model.quant.domain_end());
	let input: Vec<i64> =
		(0..model.input_len() as i64).map(|i| low + i.rem_euclid(high - low)).collect();
	let binding = Fr::from(u64::from(public_inputs) << 8 | u64::from(width));
	let proof = prove(
		&params,
		&keys.pk,
		model,
		plan.params,
		binding,
		&input,
		ChaCha20Rng::seed_from_u64(u64::from(public_inputs)),
	)
	.map_err(|e| SyntheticError::Prove(e.to_string()))?;
	Ok(SyntheticCase {
		params: VerifierParams::of(srs).to_bytes().to_vec(),
		vk: keys.vk_bytes,
		public_inputs: proof.public_inputs,
		proof: proof.proof,
	})
}

/// [`synthetic_case`] under the development SRS ([`dev_srs`]), which is kept between calls
/// (the largest made so far, cut down for smaller cases).
pub fn dev_case(public_inputs: u32, width: u8, min_k: u8) -> Result<SyntheticCase, SyntheticError> {
	static SRS: Mutex<Option<ParamsKZG<Bn256>>> = Mutex::new(None);
	let k = case_k(public_inputs, width)?.max(min_k.min(crate::circuit::MAX_K));
	let mut srs = SRS.lock().unwrap_or_else(PoisonError::into_inner);
	if srs.as_ref().is_none_or(|srs| srs.k() < u32::from(k)) {
		*srs = Some(dev_srs(k.into()));
	}
	match srs.as_ref() {
		Some(srs) => synthetic_case(srs, public_inputs, width, min_k),
		None => Err(SyntheticError::SrsTooSmall { k }),
	}
}

/// Passing proofs of one key, of distinct statements: what batch verification is tested and
/// measured with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntheticBatch {
	/// The verifier parameters ([`VerifierParams::to_bytes`]).
	pub params: Vec<u8>,
	/// The verifying key ([`crate::verify`] encoding).
	pub vk: Vec<u8>,
	/// Each proof's public inputs (32-byte little-endian) and proof bytes.
	pub statements: Vec<(Vec<[u8; 32]>, Vec<u8>)>,
}

/// `count` passing proofs with `public_inputs` public inputs at width `width` on at least
/// `2^min_k` rows under one key (the [`synthetic_case`] model), each of its own job binding
/// and input, under `srs`.
pub fn synthetic_batch(
	srs: &ParamsKZG<Bn256>,
	public_inputs: u32,
	width: u8,
	min_k: u8,
	count: usize,
) -> Result<SyntheticBatch, SyntheticError> {
	let model = Arc::new(case_model(public_inputs)?);
	let mut plan = plan_width(&model, checked_width(width)?)
		.map_err(|e| SyntheticError::Prove(e.to_string()))?;
	plan.params.k = plan.params.k.max(min_k.min(crate::circuit::MAX_K));
	let k = plan.params.k;
	let params = params_for(srs, k).map_err(|_| SyntheticError::SrsTooSmall { k })?;
	let keys = keygen(&params, model.clone(), plan.params)
		.map_err(|e| SyntheticError::Prove(e.to_string()))?;
	let (low, high) = (model.quant.domain_min(), model.quant.domain_end());
	let statements = (0..count as i64)
		.map(|n| {
			let input: Vec<i64> = (0..model.input_len() as i64)
				.map(|i| low + (i + n).rem_euclid(high - low))
				.collect();
			let proof = prove(
				&params,
				&keys.pk,
				model.clone(),
				plan.params,
				Fr::from(1_000 + n as u64),
				&input,
				ChaCha20Rng::seed_from_u64(n as u64),
			)
			.map_err(|e| SyntheticError::Prove(e.to_string()))?;
			Ok((proof.public_inputs, proof.proof))
		})
		.collect::<Result<_, SyntheticError>>()?;
	Ok(SyntheticBatch {
		params: VerifierParams::of(srs).to_bytes().to_vec(),
		vk: keys.vk_bytes,
		statements,
	})
}

fn checked_width(width: u8) -> Result<u8, SyntheticError> {
	if (1..=MAX_WIDTH).contains(&width) {
		Ok(width)
	} else {
		Err(SyntheticError::Shape)
	}
}

/// `public_inputs - 2` inputs, one output: a slice of the first.
fn case_model(public_inputs: u32) -> Result<Model, SyntheticError> {
	if public_inputs < MIN_PUBLIC_INPUTS {
		return Err(SyntheticError::Shape);
	}
	let inputs = usize::try_from(public_inputs - 2).map_err(|_| SyntheticError::Shape)?;
	let graph = Graph::single(
		vec![inputs],
		vec![Node {
			name: "first".into(),
			op: Op::Slice(Slice { axis: 0, start: 0, end: 1 }),
			inputs: vec![0],
		}],
		1,
	);
	Model::new(graph, Quant { act_bits: 0, weight_bits: 1, domain_bits: 4 })
		.map_err(|e| SyntheticError::Prove(e.to_string()))
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{verify, Halo2Error};

	#[test]
	fn cases_verify_with_their_shape_and_tampered_ones_do_not() {
		let srs = dev_srs(10);
		for (public_inputs, width) in [(3, 1), (40, 7), (200, 64)] {
			assert!(case_k(public_inputs, width).unwrap() <= 10);
			let case = synthetic_case(&srs, public_inputs, width, 0).unwrap();
			let info = verify::validate_vk(&case.vk).unwrap();
			assert_eq!(
				(info.public_inputs, case.public_inputs.len()),
				(public_inputs, public_inputs as usize)
			);
			assert_eq!(verify(&case.params, &case.vk, &case.public_inputs, &case.proof), Ok(()));
			let mut inputs = case.public_inputs.clone();
			inputs[1][0] ^= 1;
			assert_eq!(
				verify(&case.params, &case.vk, &inputs, &case.proof),
				Err(Halo2Error::VerificationFailed)
			);
		}
	}

	#[test]
	fn dev_cases_grow_the_kept_srs_and_verify_under_the_dev_parameters() {
		let small = dev_case(3, 2, 0).unwrap();
		let large = dev_case(600, 2, 0).unwrap();
		let raised = dev_case(3, 2, 9).unwrap();
		assert_eq!(raised.vk[1], 9, "k is raised to the minimum asked for");
		let dev = crate::srs::dev_verifier_params().to_bytes().to_vec();
		for case in [small, large, raised] {
			assert_eq!(case.params, dev);
			assert_eq!(verify(&case.params, &case.vk, &case.public_inputs, &case.proof), Ok(()));
		}
		assert_eq!(dev_case(2, 2, 0), Err(SyntheticError::Shape));
	}

	#[test]
	fn shapes_outside_the_bounds_are_refused() {
		let srs = dev_srs(4);
		assert_eq!(synthetic_case(&srs, 2, 1, 0), Err(SyntheticError::Shape));
		assert_eq!(synthetic_case(&srs, 3, 0, 0), Err(SyntheticError::Shape));
		assert_eq!(synthetic_case(&srs, 3, MAX_WIDTH + 1, 0), Err(SyntheticError::Shape));
		assert_eq!(
			synthetic_case(&srs, 3000, 1, 0),
			Err(SyntheticError::SrsTooSmall { k: case_k(3000, 1).unwrap() })
		);
		assert_eq!(synthetic_case(&srs, 3, 1, 5), Err(SyntheticError::SrsTooSmall { k: 5 }));
	}
}
