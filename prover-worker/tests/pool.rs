//! The prover pool and the model store, as the node's off-chain workers and the standalone
//! worker use them: real proofs of the demo model that verify (and tampered ones that do not),
//! deduplicated requests, failures reported and retried, a bounded queue, content addresses
//! checked.

use std::{
	path::PathBuf,
	time::{Duration, Instant},
};

use prover_worker::{
	artifact::{self, Artifact},
	demo,
	pool::{PoolConfig, ProofRequest, ProofStatus, ProverPool, RequestOutcome},
	store::ModelStore,
};
use zkinfer_circuit::field::{fr_from_bytes, fr_to_bytes};

mod common;
use common::manifest_dir;

fn temp_store(name: &str) -> ModelStore {
	let dir = std::env::temp_dir().join(format!("zkinfer-pool-{name}-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	ModelStore::new(dir)
}

fn sample(i: usize) -> PathBuf {
	manifest_dir().join(format!("models/samples/digits_mlp_{i}.json"))
}

fn demo_store(name: &str) -> (ModelStore, Artifact) {
	let store = temp_store(name);
	let artifact =
		demo::compile_digits_mlp(&store, &store.dev_srs()).expect("the demo model compiles");
	(store, artifact)
}

fn request(job: u64, artifact: [u8; 32], input: Vec<i64>) -> ProofRequest {
	let node = [9u8; 32];
	ProofRequest { job, node, artifact, binding: zkinfer_statement::job_binding(job, &node), input }
}

/// Waits until the pool has an answer (a guard against hanging, not a speed requirement).
fn settled(pool: &ProverPool, job: u64) -> ProofStatus {
	let give_up = Instant::now() + Duration::from_secs(600);
	loop {
		match pool.status(job, &[9u8; 32]) {
			ProofStatus::Pending if Instant::now() < give_up => {
				std::thread::sleep(Duration::from_millis(50))
			},
			status => return status,
		}
	}
}

fn statement(binding: [u8; 32], input: &[i64], output: &[i64]) -> Vec<[u8; 32]> {
	let binding = fr_from_bytes(&binding).expect("a canonical binding");
	zkinfer_circuit::prove::statement(binding, input, output)
		.iter()
		.map(fr_to_bytes)
		.collect()
}

#[test]
fn the_demo_model_compiles_to_the_address_and_key_the_chain_registers() {
	let (store, artifact) = demo_store("address");
	assert_eq!(hex::decode(&artifact.id).unwrap(), demo::DIGITS_MLP_ARTIFACT);
	let genesis_key = manifest_dir().join("../runtime/demo/digits_mlp.vk");
	assert_eq!(
		artifact.vk_bytes,
		std::fs::read(genesis_key).unwrap(),
		"the key the genesis registers"
	);
	// Compiling again finds it in the store.
	let again = demo::compile_digits_mlp(&store, &store.dev_srs()).unwrap();
	assert_eq!(again.id, artifact.id);
}

#[test]
fn a_requested_proof_verifies_for_its_job_only_and_tampering_breaks_it() {
	let (store, artifact) = demo_store("prove");
	let pool = ProverPool::start(PoolConfig::new(store), None).unwrap();
	let input = artifact::quantize_input(&artifact, &artifact::read_input(&sample(2)).unwrap());
	let job = request(7, demo::DIGITS_MLP_ARTIFACT, input.clone());
	assert_eq!(pool.status(7, &[9; 32]), ProofStatus::Unknown);
	assert_eq!(pool.request(job.clone()), RequestOutcome::Accepted);
	assert_eq!(pool.request(job.clone()), RequestOutcome::AlreadyKnown);
	let ProofStatus::Ready { output, proof } = settled(&pool, 7) else { panic!("no proof") };
	assert_eq!(output, artifact.model.eval(&input).unwrap(), "the integer inference's output");
	assert_eq!(
		pool.request(job.clone()),
		RequestOutcome::AlreadyKnown,
		"a proved job is not proved again"
	);

	let params = artifact.verifier_params.to_bytes();
	let inputs = statement(job.binding, &input, &output);
	zkinfer_circuit::verify(&params, &artifact.vk_bytes, &inputs, &proof)
		.expect("the proof verifies");
	let mut tampered = proof.clone();
	tampered[100] ^= 1;
	assert!(zkinfer_circuit::verify(&params, &artifact.vk_bytes, &inputs, &tampered).is_err());
	let other_job = statement(zkinfer_statement::job_binding(8, &[9; 32]), &input, &output);
	assert!(zkinfer_circuit::verify(&params, &artifact.vk_bytes, &other_job, &proof).is_err());
	let mut other_output = output.clone();
	other_output[0] += 1;
	let claimed = statement(job.binding, &input, &other_output);
	assert!(zkinfer_circuit::verify(&params, &artifact.vk_bytes, &claimed, &proof).is_err());
}

#[test]
fn failures_are_reported_and_a_failed_job_may_be_requested_again() {
	let (store, artifact) = demo_store("failures");
	let pool = ProverPool::start(PoolConfig::new(store), None).unwrap();
	// A model the store does not hold.
	assert_eq!(pool.request(request(1, [1; 32], vec![0; 64])), RequestOutcome::Accepted);
	let ProofStatus::Failed(reason) = settled(&pool, 1) else { panic!("expected a failure") };
	assert!(
		String::from_utf8_lossy(&reason).contains("no artifact"),
		"{}",
		String::from_utf8_lossy(&reason)
	);
	assert_eq!(
		pool.request(request(1, [1; 32], vec![0; 64])),
		RequestOutcome::Accepted,
		"retried after a failure"
	);
	// An input of the wrong length.
	assert_eq!(
		pool.request(request(2, demo::DIGITS_MLP_ARTIFACT, vec![0; 63])),
		RequestOutcome::Accepted
	);
	let ProofStatus::Failed(reason) = settled(&pool, 2) else { panic!("expected a failure") };
	assert!(
		String::from_utf8_lossy(&reason).contains("63 values"),
		"{}",
		String::from_utf8_lossy(&reason)
	);
	drop(artifact);
}

#[test]
fn the_queue_is_bounded() {
	let (store, artifact) = demo_store("queue");
	let mut config = PoolConfig::new(store);
	config.queue_capacity = 1;
	let pool = ProverPool::start(config, None).unwrap();
	let input = artifact::quantize_input(&artifact, &artifact::read_input(&sample(0)).unwrap());
	let outcomes: Vec<_> = (0..4)
		.map(|job| pool.request(request(job, demo::DIGITS_MLP_ARTIFACT, input.clone())))
		.collect();
	// One proving thread and one waiting place: of four requests made at once, at most two
	// are taken; the rest are refused until there is room.
	assert!(outcomes.iter().filter(|o| **o == RequestOutcome::Busy).count() >= 2, "{outcomes:?}");
	assert_eq!(outcomes[0], RequestOutcome::Accepted);
	for (job, outcome) in outcomes.iter().enumerate() {
		let status = settled(&pool, job as u64);
		match outcome {
			RequestOutcome::Accepted => {
				assert!(matches!(status, ProofStatus::Ready { .. }), "job {job}: {status:?}")
			},
			_ => assert_eq!(status, ProofStatus::Unknown, "job {job}"),
		}
	}
	assert_eq!(pool.waiting(), 0);
}

#[test]
fn a_directory_whose_content_does_not_hash_to_its_name_is_refused() {
	let (store, _) = demo_store("address-check");
	let copy = store.dir(&[2; 32]);
	std::fs::create_dir_all(&copy).unwrap();
	for file in ["model.json", "settings.json", "vk.bin", "srs.bin"] {
		std::fs::copy(store.dir(&demo::DIGITS_MLP_ARTIFACT).join(file), copy.join(file)).unwrap();
	}
	let error = store.load(&[2; 32]).err().expect("refused").to_string();
	assert!(error.contains("does not hash to its address"), "{error}");
	assert!(store.load(&demo::DIGITS_MLP_ARTIFACT).is_ok());
}
