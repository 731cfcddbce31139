//! Before a prover takes jobs: can it prove every model its node serves, in time?
//!
//! The chain assigns a node jobs of the models it registered for, as much as its declared
//! throughput covers in a deadline window, and slashes it for each deadline it misses. So a
//! prover checks, for each served model ([`Commitments`], read from the chain's
//! `NodeStakingApi::service_terms`: natively by the node, over RPC by `prover-worker run`), that:
//!
//! 1. its model store holds the model's artifact (content-addressed, so its content is what
//!    the address says);
//! 2. the artifact's verifying key is the registered one, and is the key of the artifact's own
//!    model (generated again from `model.json`: a key paired with another circuit would make
//!    every proof fail);
//! 3. the registered input domain lies within the artifact's (every job the chain accepts is
//!    then in the domain the circuit is total over);
//! 4. proving one job, measured here, is fast enough that the most work the chain may give the
//!    node in one deadline window (`throughput × deadline` units) is proved within the window,
//!    on its threads, less two blocks for requesting, collecting and submitting.
//!
//! It reports what fails, so the operator fixes it (compile the model into the store, lower the
//! throughput with `updateNode`, add threads) before jobs are missed.

use std::time::Instant;

use serde::Serialize;
use zkinfer_circuit::{prove::verifying_key, srs::blake2b_256};

use crate::{artifact::SrsSource, store::ModelStore};

/// What a node committed to serve, as the readiness check needs it: the work the chain may give
/// it in one deadline window, and its models.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commitments {
	/// Its declared throughput, compute units per block.
	pub throughput: u64,
	/// The blocks a node has for a job.
	pub deadline_blocks: u32,
	/// The target block time, milliseconds.
	pub block_millis: u64,
	/// The models it serves.
	pub models: Vec<ServedModel>,
}

/// A model a node serves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServedModel {
	/// The model's id.
	pub model: u32,
	/// The content address of its compiled artifact.
	pub artifact: [u8; 32],
	/// Its registered verifying key's hash.
	pub vk: [u8; 32],
	/// The values its jobs' inputs may take, `(min, max)`.
	pub input_domain: (i64, i64),
	/// The compute units of one job.
	pub compute_units: u64,
}

/// Blocks of a deadline window spent on handing a job to the prover, collecting the proof and
/// getting the result into a block.
pub const SUBMISSION_BLOCKS: u32 = 2;

/// The verdict on one served model.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelReadiness {
	/// The model.
	pub model: u32,
	/// Whether every check passed.
	pub ready: bool,
	/// What failed, in words an operator can act on.
	pub problems: Vec<String>,
	/// One proof's time, measured (if the artifact could be proved).
	pub proof_seconds: Option<f64>,
	/// The most jobs of this model the chain may give the node in one deadline window.
	pub jobs_per_window: u64,
	/// The seconds a window leaves for proving them.
	pub window_seconds: f64,
}

/// Checks every model of `terms` against the store, proving one job of each with `threads`
/// proofs at once.
pub fn check(
	store: &ModelStore,
	srs: &SrsSource,
	terms: &Commitments,
	threads: usize,
) -> Vec<ModelReadiness> {
	terms
		.models
		.iter()
		.map(|model| check_model(store, srs, terms, model, threads.max(1)))
		.collect()
}

fn check_model(
	store: &ModelStore,
	srs: &SrsSource,
	terms: &Commitments,
	served: &ServedModel,
	threads: usize,
) -> ModelReadiness {
	let window_seconds = f64::from(terms.deadline_blocks.saturating_sub(SUBMISSION_BLOCKS))
		* terms.block_millis as f64
		/ 1000.0;
	let jobs_per_window =
		terms.throughput.saturating_mul(terms.deadline_blocks.into()) / served.compute_units.max(1);
	let mut verdict = ModelReadiness {
		model: served.model,
		ready: false,
		problems: Vec::new(),
		proof_seconds: None,
		jobs_per_window,
		window_seconds,
	};
	let address = served.artifact;
	if !store.contains(&address) {
		verdict.problems.push(format!(
			"the model store {} has no artifact 0x{}: compile the model into it",
			store.root().display(),
			hex::encode(address)
		));
		return verdict;
	}
	let artifact = match store.load(&address) {
		Ok(artifact) => artifact,
		Err(error) => {
			verdict
				.problems
				.push(format!("the artifact 0x{} does not load: {error}", hex::encode(address)));
			return verdict;
		},
	};
	if blake2b_256(&artifact.vk_bytes) != served.vk {
		verdict.problems.push(format!(
			"the artifact's verifying key 0x{} is not the registered 0x{}",
			artifact.settings.vk_hash,
			hex::encode(served.vk)
		));
	}
	let (min, max) = artifact.settings.input_domain;
	let (registered_min, registered_max) = served.input_domain;
	if registered_min < min || registered_max > max {
		verdict.problems.push(format!(
			"the registered input domain {}..={} is wider than the circuit's {min}..={max}: jobs the chain accepts could not be proved",
			registered_min, registered_max
		));
	}
	let params = match srs.params(artifact.settings.circuit.k) {
		Ok(params) => params,
		Err(error) => {
			verdict.problems.push(format!("the SRS: {error}"));
			return verdict;
		},
	};
	match verifying_key(&params, artifact.model.clone(), artifact.settings.circuit) {
		Ok((_, bytes)) if bytes == artifact.vk_bytes => {},
		Ok(_) => verdict
			.problems
			.push("the artifact's verifying key is not the key of its own model.json".into()),
		Err(error) => verdict.problems.push(format!("generating the key of model.json: {error}")),
	}
	if !verdict.problems.is_empty() {
		return verdict;
	}
	let proved = crate::artifact::proving_setup(&artifact, &params).and_then(|pk| {
		let input = vec![0.0; artifact.model.input_len()];
		let started = Instant::now();
		crate::artifact::prove(
			&artifact,
			&params,
			&pk,
			&input,
			zkinfer_circuit::field::Fr::from(1),
		)?;
		Ok(started.elapsed().as_secs_f64())
	});
	match proved {
		Ok(seconds) => {
			verdict.proof_seconds = Some(seconds);
			let rounds = jobs_per_window.div_ceil(threads as u64).max(1);
			let needed = rounds as f64 * seconds;
			if needed > window_seconds {
				let fits =
					((window_seconds / seconds).floor() as u64).saturating_mul(threads as u64);
				let throughput = fits.saturating_mul(served.compute_units)
					/ u64::from(terms.deadline_blocks.max(1));
				verdict.problems.push(format!(
					"at a throughput of {} units per block the chain may give {jobs_per_window} jobs per deadline window of {} blocks; proving them takes {needed:.1} s on {threads} thread(s), the window leaves {window_seconds:.1} s: lower the throughput to at most {throughput} (updateNode) or prove on more threads",
					terms.throughput, terms.deadline_blocks
				));
			}
		},
		Err(error) => verdict.problems.push(format!("proving a test job failed: {error}")),
	}
	verdict.ready = verdict.problems.is_empty();
	verdict
}
