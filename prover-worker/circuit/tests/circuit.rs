//! The model circuit against the integer inference (MockProver) and real KZG proofs.

use std::sync::Arc;

use halo2_proofs::{
	dev::{MockProver, VerifyFailure},
	halo2curves::bn256::Bn256,
	poly::kzg::commitment::ParamsKZG,
};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use zkinfer_circuit::{
	field::{fr_from_i64, fr_to_bytes, Fr},
	ops::{
		Activation, ActivationOp, Binary, BinaryKind, Conv, MatMul, MaxPool, Op, Reshape, SumPool,
	},
	plan_width,
	prove::{keygen, params_for, prove, statement},
	srs::VerifierParams,
	verify, CircuitParams, Graph, Halo2Error, Model, ModelCircuit, Node, Quant, Tensor,
};

const QUANT: Quant = Quant { act_bits: 5, weight_bits: 5, domain_bits: 10 };

fn node(name: &str, op: Op<i64>, inputs: &[usize]) -> Node<i64> {
	Node { name: name.into(), op, inputs: inputs.to_vec() }
}

/// Conv+Relu → MaxPool → AveragePool → Reshape → MatMul+Sigmoid → Mul (square) → Tanh.
fn model() -> Arc<Model> {
	let kernel = Tensor::from_fn(vec![2, 1, 3, 3], |i| {
		[7i64, -5, 3, 0, 11, -9, 4, 2, -6][i % 9] * if i < 9 { 1 } else { -1 }
	})
	.unwrap();
	let nodes = vec![
		node(
			"conv",
			Op::Conv(Conv {
				kernel,
				bias: vec![40, -300],
				strides: [1, 1],
				dilations: [1, 1],
				pads: [1, 1, 1, 1],
				group: 1,
				activation: Activation::Relu,
			}),
			&[0],
		),
		node(
			"maxpool",
			Op::MaxPool(MaxPool {
				kernel: [2, 2],
				strides: [2, 2],
				dilations: [1, 1],
				pads: [0; 4],
			}),
			&[1],
		),
		node(
			"avgpool",
			Op::SumPool(SumPool {
				kernel: [2, 2],
				strides: [2, 2],
				pads: [0; 4],
				count_include_pad: false,
				weights: vec![32, 16, 11, 8],
				activation: Activation::Identity,
			}),
			&[2],
		),
		node("reshape", Op::Reshape(Reshape { shape: vec![1, 2] }), &[3]),
		node(
			"dense",
			Op::MatMul(MatMul {
				input_axes: "mk".into(),
				weight_axes: "kn".into(),
				output_axes: "mn".into(),
				weight: Tensor::new(vec![2, 3], vec![20, -35, 0, 14, 9, -50]).unwrap(),
				bias: Tensor::new(vec![1, 3], vec![100, -64, 0]).unwrap(),
				activation: Activation::Sigmoid,
			}),
			&[4],
		),
		node("square", Op::Binary(Binary { kind: BinaryKind::Mul }), &[5, 5]),
		node("tanh", Op::Activation(ActivationOp { activation: Activation::Tanh }), &[6]),
	];
	Arc::new(Model::new(Graph::single(vec![1, 1, 4, 4], nodes, 7), QUANT).unwrap())
}

fn input() -> Vec<i64> {
	(0..16).map(|i| (i * 37 % 64) - 20).collect()
}

fn mock(model: &Arc<Model>, params: CircuitParams, instance: Vec<Fr>) -> MockProver<Fr> {
	let circuit = ModelCircuit::prove(model.clone(), params, input());
	MockProver::run(params.k.into(), &circuit, vec![instance]).unwrap()
}

#[test]
fn mock_prover_accepts_the_integer_inference_at_every_width() {
	let model = model();
	let output = model.eval(&input()).unwrap();
	assert_eq!(output.len(), 3);
	for width in [1, 2, 5] {
		let plan = plan_width(&model, width).unwrap();
		let prover = mock(&model, plan.params, statement(Fr::from(99), &input(), &output));
		assert_eq!(prover.verify(), Ok(()), "width {width}");
	}
}

#[test]
fn mock_prover_rejects_a_claimed_output_that_is_not_the_inference() {
	let model = model();
	let params = plan_width(&model, 2).unwrap().params;
	let mut output = model.eval(&input()).unwrap();
	output[1] += 1;
	let failures = mock(&model, params, statement(Fr::from(99), &input(), &output))
		.verify()
		.unwrap_err();
	assert!(
		failures.iter().all(|f| matches!(f, VerifyFailure::Permutation { .. })),
		"{failures:?}"
	);
}

#[test]
fn inputs_outside_the_lookup_domain_are_refused_by_inference_and_circuit() {
	let model = model();
	let params = plan_width(&model, 2).unwrap().params;
	let mut x = input();
	x[3] = 512; // domain is [-512, 512)
	assert!(model.eval(&x).is_err());
	let circuit = ModelCircuit::prove(model.clone(), params, x.clone());
	let instance = statement(Fr::zero(), &x, &[0, 0, 0]);
	let failures = MockProver::run(params.k.into(), &circuit, vec![instance])
		.unwrap()
		.verify()
		.unwrap_err();
	assert!(failures.iter().any(|f| matches!(f, VerifyFailure::Lookup { .. })), "{failures:?}");
}

fn srs(k: u8) -> ParamsKZG<Bn256> {
	ParamsKZG::setup(k.into(), ChaCha20Rng::seed_from_u64(7))
}

#[test]
fn real_proofs_verify_and_every_tampering_is_rejected() {
	let model = model();
	let circuit_params = plan_width(&model, 2).unwrap().params;
	let params = params_for(&srs(circuit_params.k), circuit_params.k).unwrap();
	let keys = keygen(&params, model.clone(), circuit_params).unwrap();
	let binding = fr_from_i64(123_456_789);
	let proof = prove(
		&params,
		&keys.pk,
		model.clone(),
		circuit_params,
		binding,
		&input(),
		ChaCha20Rng::seed_from_u64(1),
	)
	.unwrap();
	assert_eq!(proof.output, model.eval(&input()).unwrap());
	let vp = VerifierParams::of(&params).to_bytes();
	let vk = keys.vk_bytes.as_slice();
	assert_eq!(zkinfer_circuit::validate_vk(vk).unwrap().public_inputs as usize, 1 + 16 + 3);
	assert_eq!(verify(&vp, vk, &proof.public_inputs, &proof.proof), Ok(()));

	// Another job's binding, another output, another input.
	for i in [0, 17, 5] {
		let mut inputs = proof.public_inputs.clone();
		inputs[i] =
			fr_to_bytes(&(zkinfer_circuit::field::fr_from_bytes(&inputs[i]).unwrap() + Fr::one()));
		assert_eq!(
			verify(&vp, vk, &inputs, &proof.proof),
			Err(Halo2Error::VerificationFailed),
			"input {i}"
		);
	}
	// A flipped proof byte, a truncated proof, an extra byte.
	let mut flipped = proof.proof.clone();
	flipped[100] ^= 1;
	assert_eq!(
		verify(&vp, vk, &proof.public_inputs, &flipped),
		Err(Halo2Error::VerificationFailed)
	);
	assert_eq!(
		verify(&vp, vk, &proof.public_inputs, &proof.proof[..proof.proof.len() - 1]),
		Err(Halo2Error::VerificationFailed)
	);
	let mut longer = proof.proof.clone();
	longer.push(0);
	assert_eq!(verify(&vp, vk, &proof.public_inputs, &longer), Err(Halo2Error::TrailingProofBytes));
	// Wrong input count, non-canonical input.
	assert_eq!(
		verify(&vp, vk, &proof.public_inputs[1..], &proof.proof),
		Err(Halo2Error::PublicInputCount { expected: 20, got: 19 })
	);
	let mut non_canonical = proof.public_inputs.clone();
	non_canonical[4] = [0xff; 32];
	assert_eq!(
		verify(&vp, vk, &non_canonical, &proof.proof),
		Err(Halo2Error::NonCanonicalPublicInput(4))
	);
	// Another SRS.
	let other = VerifierParams::of(&srs(circuit_params.k)).to_bytes();
	assert_eq!(other, vp, "the SRS is deterministic per seed");
	let other = VerifierParams::of(&ParamsKZG::<Bn256>::setup(
		circuit_params.k.into(),
		ChaCha20Rng::seed_from_u64(8),
	))
	.to_bytes();
	assert_eq!(
		verify(&other, vk, &proof.public_inputs, &proof.proof),
		Err(Halo2Error::VerificationFailed)
	);
	// A key from a model with one weight changed does not verify this proof.
	let mut changed = (*model).clone();
	if let Op::MatMul(op) = &mut changed.graph.nodes[4].op {
		op.bias = Tensor::new(vec![1, 3], vec![101, -64, 0]).unwrap();
	}
	let changed_keys = keygen(&params, Arc::new(changed), circuit_params).unwrap();
	assert_ne!(changed_keys.vk_bytes, keys.vk_bytes);
	assert_eq!(
		verify(&vp, &changed_keys.vk_bytes, &proof.public_inputs, &proof.proof),
		Err(Halo2Error::VerificationFailed)
	);
}

/// The verifier-only key decoding (no FFT tables) reads the same key as halo2's own reader:
/// same constraint system and commitments (hence the same `transcript_repr`), for the key the
/// prover made here and for the committed fixtures (the development digits key and the
/// runtime's demo key), and their proofs still verify.
#[test]
fn verifier_decoding_reads_the_key_halo2_reads() {
	use halo2_proofs::{halo2curves::bn256::G1Affine, plonk::VerifyingKey, SerdeFormat};
	use zkinfer_halo2::{
		verify::{decode_vk, decode_vk_for_proving, KEY_HEADER_BYTES},
		KeyCircuit, KeyShape,
	};

	fn same_key(bytes: &[u8]) -> KeyShape {
		let (shape, ours) = decode_vk(bytes).unwrap();
		let theirs = VerifyingKey::<G1Affine>::from_bytes::<KeyCircuit>(
			&bytes[KEY_HEADER_BYTES..],
			SerdeFormat::RawBytes,
			shape.params,
		)
		.unwrap();
		let (proving_shape, for_proving) = decode_vk_for_proving(bytes).unwrap();
		assert_eq!(proving_shape, shape);
		assert_eq!(for_proving.transcript_repr(), theirs.transcript_repr());
		assert_eq!(ours.transcript_repr(), theirs.transcript_repr());
		assert_eq!(format!("{:?}", ours.pinned()), format!("{:?}", theirs.pinned()));
		assert!(zkinfer_halo2::domain::same_domain(ours.get_domain(), theirs.get_domain()));
		assert!(ours.get_domain().fft_data.is_empty());
		assert!(!theirs.get_domain().fft_data.is_empty());
		shape
	}

	let model = model();
	for width in [1, 3] {
		let circuit_params = plan_width(&model, width).unwrap().params;
		let params = params_for(&srs(circuit_params.k), circuit_params.k).unwrap();
		let keys = keygen(&params, model.clone(), circuit_params).unwrap();
		assert_eq!(same_key(&keys.vk_bytes).params, circuit_params);
	}
	let fixture = include_bytes!("../../../pallets/proof-verifier/host/fixtures/halo2/vk.bin");
	let shape = same_key(fixture);
	assert_eq!((shape.params.k, shape.public_inputs), (13, 75));
	let params = include_bytes!("../../../pallets/proof-verifier/host/fixtures/halo2/params.bin");
	let inputs = include_bytes!("../../../pallets/proof-verifier/host/fixtures/halo2/inputs.bin");
	let proof = include_bytes!("../../../pallets/proof-verifier/host/fixtures/halo2/proof.bin");
	let inputs: Vec<[u8; 32]> = inputs.chunks_exact(32).map(|c| c.try_into().unwrap()).collect();
	assert_eq!(verify(params, fixture, &inputs, proof), Ok(()));
	let mut tampered = proof.to_vec();
	tampered[64] ^= 1;
	assert_eq!(verify(params, fixture, &inputs, &tampered), Err(Halo2Error::VerificationFailed));
	same_key(include_bytes!("../../../runtime/demo/digits_mlp.vk"));
}
