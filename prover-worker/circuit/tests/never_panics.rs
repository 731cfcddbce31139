//! `verify` and `validate_vk` are what the node's host functions call: on any bytes they must
//! return, never panic. Random inputs and mutations of a real proof, key, parameter set and
//! statement (byte flips, truncations, extensions, header edits).

use std::{panic::catch_unwind, sync::Arc};

use halo2_proofs::{halo2curves::bn256::Bn256, poly::kzg::commitment::ParamsKZG};
use rand_chacha::{
	rand_core::{RngCore, SeedableRng},
	ChaCha20Rng,
};
use zkinfer_circuit::{
	ops::{Activation, MatMul, Op},
	plan_width,
	prove::{keygen, params_for, prove},
	srs::VerifierParams,
	validate_vk, verify, Graph, Model, Node, Quant, Tensor,
};

struct Case {
	params: Vec<u8>,
	vk: Vec<u8>,
	inputs: Vec<[u8; 32]>,
	proof: Vec<u8>,
}

fn real_case() -> Case {
	let op = Op::MatMul(MatMul {
		input_axes: "mk".into(),
		weight_axes: "kn".into(),
		output_axes: "mn".into(),
		weight: Tensor::new(vec![4, 2], vec![5, -3, 2, 7, -8, 1, 4, 4]).unwrap(),
		bias: Tensor::new(vec![1, 2], vec![10, -20]).unwrap(),
		activation: Activation::Relu,
	});
	let quant = Quant { act_bits: 2, weight_bits: 3, domain_bits: 6 };
	let graph =
		Graph::single(vec![1, 4], vec![Node { name: "dense".into(), op, inputs: vec![0] }], 1);
	let model = Arc::new(Model::new(graph, quant).unwrap());
	let circuit_params = plan_width(&model, 2).unwrap().params;
	let srs = ParamsKZG::<Bn256>::setup(circuit_params.k.into(), ChaCha20Rng::seed_from_u64(3));
	let params = params_for(&srs, circuit_params.k).unwrap();
	let keys = keygen(&params, model.clone(), circuit_params).unwrap();
	let proof = prove(
		&params,
		&keys.pk,
		model,
		circuit_params,
		5.into(),
		&[3, -2, 7, 1],
		ChaCha20Rng::seed_from_u64(4),
	)
	.unwrap();
	let case = Case {
		params: VerifierParams::of(&params).to_bytes().to_vec(),
		vk: keys.vk_bytes,
		inputs: proof.public_inputs,
		proof: proof.proof,
	};
	assert_eq!(verify(&case.params, &case.vk, &case.inputs, &case.proof), Ok(()));
	case
}

fn mutate(rng: &mut ChaCha20Rng, bytes: &mut Vec<u8>) {
	match rng.next_u32() % 6 {
		0 | 1 if !bytes.is_empty() => {
			let i = rng.next_u32() as usize % bytes.len();
			bytes[i] ^= 1 << (rng.next_u32() % 8);
		},
		2 if !bytes.is_empty() => {
			let n = rng.next_u32() as usize % bytes.len();
			bytes.truncate(n);
		},
		3 => bytes.extend((0..1 + rng.next_u32() % 40).map(|_| rng.next_u32() as u8)),
		4 if bytes.len() > 8 => {
			// Header-sized edits: overwrite a few bytes near the start.
			let i = rng.next_u32() as usize % 8;
			bytes[i] = rng.next_u32() as u8;
		},
		_ if !bytes.is_empty() => {
			let i = rng.next_u32() as usize % bytes.len();
			bytes[i] = 0xff;
		},
		_ => bytes.push(0),
	}
}

#[test]
fn verify_and_validate_vk_never_panic() {
	let case = real_case();
	let mut rng = ChaCha20Rng::seed_from_u64(99);
	let mut rejected = 0;
	for round in 0..600 {
		let (mut params, mut vk, mut inputs, mut proof) =
			(case.params.clone(), case.vk.clone(), case.inputs.clone(), case.proof.clone());
		match round % 5 {
			0 => mutate(&mut rng, &mut vk),
			1 => mutate(&mut rng, &mut proof),
			2 => mutate(&mut rng, &mut params),
			3 => {
				let i = rng.next_u32() as usize % inputs.len();
				inputs[i][rng.next_u32() as usize % 32] ^= 1 << (rng.next_u32() % 8);
				if rng.next_u32() % 3 == 0 {
					inputs.truncate(rng.next_u32() as usize % inputs.len());
				}
			},
			_ => {
				let mut random = |n: u32| {
					(0..rng.next_u32() % n).map(|_| rng.next_u32() as u8).collect::<Vec<u8>>()
				};
				vk = random(2000);
				proof = random(3000);
			},
		}
		let outcome =
			catch_unwind(|| (validate_vk(&vk).is_ok(), verify(&params, &vk, &inputs, &proof)));
		let (_, verified) = outcome.unwrap_or_else(|_| panic!("panicked in round {round}"));
		if verified.is_err() {
			rejected += 1;
		}
	}
	// Almost every mutation is rejected (an appended byte to a key or a flipped bit in an
	// unused high byte of a public input cannot be: both are rejected as non-canonical).
	assert!(rejected >= 590, "{rejected} of 600 mutations rejected");
}
