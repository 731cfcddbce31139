//! The readiness check a prover runs before it takes jobs: each way a node's service terms can
//! be unprovable is reported (no artifact, another key, a registered input domain wider than
//! the circuit's, more work per deadline window than the machine proves in it), and terms the
//! machine meets are reported ready with a measured proof time.

use prover_worker::{
	artifact::Artifact,
	demo,
	readiness::{self, Commitments, ModelReadiness, ServedModel},
	store::ModelStore,
};
use zkinfer_circuit::srs::blake2b_256;

/// The compute units one job of the served model costs in these terms.
const UNITS: u64 = 1_000;
/// Deadline window, blocks.
const DEADLINE: u32 = 10;
/// Block time, milliseconds.
const BLOCK_MILLIS: u64 = 6_000;

fn demo_store() -> (ModelStore, Artifact) {
	let dir = std::env::temp_dir().join(format!("zkinfer-readiness-{}", std::process::id()));
	let store = ModelStore::new(dir);
	let artifact =
		demo::compile_digits_mlp(&store, &store.dev_srs()).expect("the demo model compiles");
	(store, artifact)
}

/// Terms serving the demo model as the development chain registers it, at `throughput`.
fn terms(artifact: &Artifact, throughput: u64) -> Commitments {
	Commitments {
		throughput,
		deadline_blocks: DEADLINE,
		block_millis: BLOCK_MILLIS,
		models: vec![ServedModel {
			model: 0,
			artifact: demo::DIGITS_MLP_ARTIFACT,
			vk: blake2b_256(&artifact.vk_bytes),
			input_domain: demo::DIGITS_MLP_INPUT_DOMAIN,
			compute_units: UNITS,
		}],
	}
}

fn only(verdicts: Vec<ModelReadiness>) -> ModelReadiness {
	assert_eq!(verdicts.len(), 1, "one verdict per served model");
	verdicts.into_iter().next().unwrap()
}

fn assert_problem(verdict: &ModelReadiness, words: &str) {
	assert!(!verdict.ready, "{verdict:?}");
	assert!(
		verdict.problems.iter().any(|problem| problem.contains(words)),
		"no problem saying {words:?}: {verdict:?}"
	);
}

#[test]
fn terms_the_machine_meets_are_ready_and_each_unmet_term_is_reported() {
	let (store, artifact) = demo_store();
	let srs = store.dev_srs();

	// One job per deadline window: 48 s of proving time for a proof that takes about a second.
	let verdict =
		only(readiness::check(&store, &srs, &terms(&artifact, UNITS / u64::from(DEADLINE)), 1));
	assert!(verdict.ready, "{verdict:?}");
	assert!(verdict.problems.is_empty());
	assert_eq!(verdict.jobs_per_window, 1);
	assert_eq!(verdict.window_seconds, f64::from(DEADLINE - readiness::SUBMISSION_BLOCKS) * 6.0);
	let seconds = verdict.proof_seconds.expect("a test job was proved");
	assert!(seconds > 0.0);

	// An artifact the store does not hold.
	let mut missing = terms(&artifact, 1);
	missing.models[0].artifact = [0xee; 32];
	let verdict = only(readiness::check(&store, &srs, &missing, 1));
	assert_problem(&verdict, "has no artifact");
	assert_eq!(verdict.proof_seconds, None);

	// A registered key that is not the artifact's: every proof would fail on chain.
	let mut other_key = terms(&artifact, 1);
	other_key.models[0].vk = [0x11; 32];
	assert_problem(&only(readiness::check(&store, &srs, &other_key, 1)), "is not the registered");

	// A registered domain wider than the circuit is total over, on either side.
	for (min, max) in [(-2049, 2047), (-2048, 2048)] {
		let mut wide = terms(&artifact, 1);
		wide.models[0].input_domain = (min, max);
		assert_problem(&only(readiness::check(&store, &srs, &wide, 1)), "wider than the circuit's");
	}

	// Ten thousand jobs per window: no machine proves them in 48 s. The report names a
	// throughput the measured proof time does meet.
	let verdict = only(readiness::check(&store, &srs, &terms(&artifact, UNITS * 1_000), 2));
	assert_eq!(verdict.jobs_per_window, 10_000);
	assert_problem(&verdict, "lower the throughput to at most");
	let proof_seconds = verdict.proof_seconds.expect("the test job was proved");
	let suggested: u64 = verdict.problems[0]
		.split("lower the throughput to at most ")
		.nth(1)
		.and_then(|rest| rest.split_whitespace().next())
		.and_then(|number| number.parse().ok())
		.expect("a suggested throughput");
	assert!(suggested < UNITS * 1_000);
	let jobs = suggested * u64::from(DEADLINE) / UNITS;
	assert!(
		jobs.div_ceil(2) as f64 * proof_seconds <= verdict.window_seconds,
		"the suggestion is met: {verdict:?}"
	);
}
