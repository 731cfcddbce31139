//! `prover-worker run`: the standalone worker. It follows a node's best blocks over RPC,
//! proves the jobs assigned to its node with a [`ProverPool`] (the same pool the node's
//! off-chain workers use), and submits `submit_result` signed by its key: the operator's own,
//! or the prover key the operator named for the node (`NodeStaking.set_prover`), which can
//! submit the node's results and do nothing else.
//!
//! - On connecting the first time, it checks that it can serve what its node committed to
//!   ([`crate::readiness`]: artifacts, keys, input domains, proving time against the deadline
//!   window at the declared throughput) and reports each model as `ready` or `notReady`.
//! - Each new best block: the jobs assigned to the node (`InferenceMarketApi`), each moved one
//!   step on by the chain's one proving policy (`zkinfer_proving_interface::policy`, which the
//!   node's off-chain worker follows too): requested from the pool once; a ready proof
//!   submitted, and not again for `RESUBMIT_AFTER` blocks while the job is still assigned (the
//!   transaction is on its way); a failed proof requested again after `RETRY_AFTER` blocks.
//!   The proofs ready at one block go out together: one `submit_result` for a single one,
//!   else `submit_results` transactions of at most the chain's `MaxBatchResults` (a
//!   transaction the node refuses, e.g. as too heavy for a block, is split in halves and
//!   tried again), so the chain verifies them with one combined check.
//!   The notes of a job are forgotten once it is no longer assigned to the node.
//! - A lost connection (node restart, network) is retried with a growing pause (1 s to 30 s);
//!   proofs made meanwhile are kept and submitted after reconnecting.
//! - Ctrl-C or SIGTERM stops it cleanly: no new work, the pool's threads joined.

use std::{collections::HashMap, future::Future, sync::Arc, time::Duration};

use subxt_signer::sr25519::Keypair;
use zkinfer_proving_interface::policy::{self, JobNotes, Step};

use crate::{
	chain::{self, JobState},
	pool::{ProofRequest, ProverPool, RequestOutcome},
};

/// What the worker remembers across blocks and reconnections.
#[derive(Default)]
struct Progress {
	/// The proving policy's notes of each job assigned to the node.
	notes: HashMap<u64, JobNotes>,
	/// Whether the readiness check ran.
	checked: bool,
}

/// How the worker proves: its pool, and what the readiness check needs.
pub struct Prover {
	/// The pool.
	pub pool: Arc<ProverPool>,
	/// The model store the pool reads.
	pub store: crate::store::ModelStore,
	/// The SRS it proves with.
	pub srs: crate::artifact::SrsSource,
	/// Its proving threads.
	pub threads: usize,
}

/// Runs until `shutdown` resolves.
pub async fn run(url: String, key: Keypair, prover: Prover, shutdown: impl Future<Output = ()>) {
	let mut progress = Progress::default();
	let mut pause = Duration::from_secs(1);
	tokio::pin!(shutdown);
	loop {
		tokio::select! {
			_ = &mut shutdown => {
				report("stopping", serde_json::json!({}));
				return;
			},
			outcome = follow(&url, &key, &prover, &mut progress, &mut pause) => {
				report("disconnected", serde_json::json!({ "reason": outcome.err().map(|e| e.to_string()).unwrap_or_default(), "retryInSeconds": pause.as_secs() }));
			},
		}
		tokio::select! {
			_ = &mut shutdown => {
				report("stopping", serde_json::json!({}));
				return;
			},
			_ = tokio::time::sleep(pause) => {},
		}
		pause = (pause * 2).min(Duration::from_secs(30));
	}
}

/// One JSON line on stdout per event, for operators and tests.
fn report(event: &str, mut fields: serde_json::Value) {
	if let Some(map) = fields.as_object_mut() {
		map.insert("event".into(), event.into());
	}
	println!("{fields}");
}

/// Checks, once, that the prover can serve what its node committed to, and reports each model.
async fn check_readiness(
	at: &chain::AtBlock,
	key: &[u8; 32],
	prover: &Prover,
) -> Result<(), chain::ChainError> {
	let Some(terms) = chain::service_terms(at, key).await? else {
		report(
			"notReady",
			serde_json::json!({ "reason": "the key operates no node and is no node's prover key" }),
		);
		return Ok(());
	};
	let (store, srs, threads) = (prover.store.clone(), prover.srs.clone(), prover.threads);
	let commitments = chain::commitments(&terms);
	let verdicts = tokio::task::spawn_blocking(move || {
		crate::readiness::check(&store, &srs, &commitments, threads)
	})
	.await
	.map_err(chain::query("readiness check"))?;
	for verdict in verdicts {
		let event = if verdict.ready { "ready" } else { "notReady" };
		report(event, serde_json::to_value(&verdict).unwrap_or_default());
		if !verdict.ready {
			eprintln!(
				"prover-worker: model {} is not ready: {}",
				verdict.model,
				verdict.problems.join("; ")
			);
		}
	}
	Ok(())
}

/// Follows the node's best blocks until the connection fails.
async fn follow(
	url: &str,
	key: &Keypair,
	prover: &Prover,
	progress: &mut Progress,
	pause: &mut Duration,
) -> Result<(), chain::ChainError> {
	let pool = &prover.pool;
	let client = chain::connect(url).await?;
	let signer = chain::account(key);
	let mut blocks = client.stream_best_blocks().await.map_err(chain::query("block stream"))?;
	*pause = Duration::from_secs(1);
	let mut announced = false;
	while let Some(block) = blocks.next().await {
		let block = block.map_err(chain::query("block stream"))?;
		let number = block.number();
		let at = block.at().await.map_err(chain::query(format!("block {number}")))?;
		// The node the key proves for: the prover key's node, or the key's own account.
		let node = chain::service_terms(&at, &signer).await?.map_or(signer, |terms| terms.node.0);
		if !announced {
			report(
				"connected",
				serde_json::json!({ "url": url, "operator": format!("0x{}", hex::encode(node)), "key": format!("0x{}", hex::encode(signer)) }),
			);
			announced = true;
		}
		if !progress.checked {
			progress.checked = true;
			check_readiness(&at, &signer, prover).await?;
		}
		let assigned = chain::jobs_assigned_to(&at, &node).await?;
		let mut ready = Vec::new();
		for &id in &assigned {
			let Some(job) = chain::job(&at, id).await? else { continue };
			if !matches!(job.status, JobState::Assigned { node: assigned, .. } if assigned.0 == node)
			{
				continue;
			}
			let notes = progress.notes.entry(id).or_default();
			match policy::step(number, notes, || pool.status(id, &node)) {
				Step::Wait => {},
				Step::Failed(reason) => report(
					"failed",
					serde_json::json!({ "job": id, "reason": String::from_utf8_lossy(&reason) }),
				),
				Step::Request => {
					request(&at, pool, &node, id, &job).await?;
				},
				Step::Submit { output, proof } => {
					ready.push(chain::ReadyResult::new(id, &job, output, proof))
				},
			}
		}
		let bounds = chain::batch_bounds(&at)?;
		for (results, hash) in submit_ready(&client, key, ready, bounds).await? {
			for result in &results {
				progress.notes.entry(result.job).or_default().submitted(number);
			}
			let jobs: Vec<u64> = results.iter().map(|r| r.job).collect();
			let outputs: Vec<&Vec<i64>> = results.iter().map(|r| &r.output).collect();
			report(
				"submitted",
				serde_json::json!({ "jobs": jobs, "block": number, "tx": hash, "outputs": outputs }),
			);
		}
		// Forget the jobs no longer assigned to the node (settled, expired or refunded).
		progress.notes.retain(|job, notes| assigned.contains(job) && !notes.is_empty());
	}
	Err(chain::ChainError::StreamEnded)
}

/// Submits the ready results in transactions within the call's `bounds` (results, models,
/// statement values): `submit_result` for a single one, `submit_results` for more; a
/// transaction the node refuses (for instance as too heavy for a block) is split in halves and
/// tried again, and a single result it refuses is reported and left for the next block.
/// Returns each submitted transaction's results and hash.
async fn submit_ready(
	client: &chain::Client,
	key: &Keypair,
	ready: Vec<chain::ReadyResult>,
	bounds: chain::BatchBounds,
) -> Result<Vec<(Vec<chain::ReadyResult>, String)>, chain::ChainError> {
	let mut pending: Vec<Vec<chain::ReadyResult>> = Vec::new();
	let mut ready = ready;
	ready.sort_by_key(|r| (r.model, r.job));
	let mut chunk: Vec<chain::ReadyResult> = Vec::new();
	let (mut models, mut values) = (0usize, 0u64);
	for result in ready {
		let new_model = chunk.last().is_none_or(|last| last.model != result.model);
		let fits = chunk.len() < bounds.results.max(1)
			&& models + usize::from(new_model) <= bounds.models.max(1)
			&& values + result.values <= bounds.values;
		if !fits && !chunk.is_empty() {
			pending.push(std::mem::take(&mut chunk));
			(models, values) = (0, 0);
		}
		let new_model = chunk.last().is_none_or(|last| last.model != result.model);
		models += usize::from(new_model);
		values += result.values;
		chunk.push(result);
	}
	if !chunk.is_empty() {
		pending.push(chunk);
	}
	pending.reverse();
	let mut submitted = Vec::new();
	while let Some(chunk) = pending.pop() {
		match chain::submit_results(client, key, &chunk).await {
			Ok(hash) => submitted.push((chunk, hash)),
			Err(error) if chunk.len() == 1 => report(
				"notSubmitted",
				serde_json::json!({ "job": chunk[0].job, "reason": error.to_string() }),
			),
			Err(error) => {
				report(
					"split",
					serde_json::json!({ "results": chunk.len(), "reason": error.to_string() }),
				);
				let mut first = chunk;
				let second = first.split_off(first.len() / 2);
				pending.push(second);
				pending.push(first);
			},
		}
	}
	Ok(submitted)
}

/// Hands job `id` to the pool.
async fn request(
	at: &chain::AtBlock,
	pool: &ProverPool,
	node: &[u8; 32],
	id: u64,
	job: &chain::JobRecord,
) -> Result<Option<RequestOutcome>, chain::ChainError> {
	let Some(model) = chain::model(at, job.model).await? else {
		report(
			"failed",
			serde_json::json!({ "job": id, "reason": format!("model {} is not registered", job.model) }),
		);
		return Ok(None);
	};
	let outcome = pool.request(ProofRequest {
		job: id,
		node: *node,
		artifact: model.spec.artifact.0,
		binding: zkinfer_statement::job_binding(id, node),
		input: job.input.0.clone(),
	});
	if outcome == RequestOutcome::Accepted {
		report("proving", serde_json::json!({ "job": id, "model": job.model }));
	}
	Ok(Some(outcome))
}

/// Proves every job assigned, at the node's last finalized block (a job assigned in a block not
/// yet finalized is left for a later call), to the node `key` proves for, and
/// returns the results without submitting them; jobs whose proof fails are reported and left
/// out. Jobs the pool's bounded queue cannot take yet are handed to it as it drains.
pub async fn prove_assigned(
	url: &str,
	key: &Keypair,
	pool: &ProverPool,
) -> Result<Vec<chain::ReadyResult>, chain::ChainError> {
	let client = chain::connect(url).await?;
	let at = client.at_current_block().await.map_err(chain::query("current block"))?;
	let signer = chain::account(key);
	let node = chain::service_terms(&at, &signer).await?.map_or(signer, |terms| terms.node.0);
	let assigned = chain::jobs_assigned_to(&at, &node).await?;
	for &id in &assigned {
		if let Some(job) = chain::job(&at, id).await? {
			request(&at, pool, &node, id, &job).await?;
		}
	}
	let mut results = Vec::with_capacity(assigned.len());
	// However long each proof takes, all are done within an hour of the last one's start
	// unless the prover stopped: then the rest are reported and left out.
	let mut waited_since = std::time::Instant::now();
	for &id in &assigned {
		loop {
			match pool.status(id, &node) {
				zkinfer_proving_interface::ProofStatus::Ready { output, proof } => {
					waited_since = std::time::Instant::now();
					if let Some(job) = chain::job(&at, id).await? {
						results.push(chain::ReadyResult::new(id, &job, output, proof));
					}
					break;
				},
				zkinfer_proving_interface::ProofStatus::Failed(reason) => {
					report(
						"failed",
						serde_json::json!({ "job": id, "reason": String::from_utf8_lossy(&reason) }),
					);
					break;
				},
				_ if waited_since.elapsed() > Duration::from_secs(3600) => {
					report(
						"failed",
						serde_json::json!({ "job": id, "reason": "not proved within an hour" }),
					);
					break;
				},
				// Not queued yet (the pool's queue was full when it was asked) or forgotten:
				// ask again, and wait while the queue is full.
				zkinfer_proving_interface::ProofStatus::Unknown => {
					let Some(job) = chain::job(&at, id).await? else { break };
					match request(&at, pool, &node, id, &job).await? {
						Some(RequestOutcome::Accepted | RequestOutcome::AlreadyKnown) => {},
						Some(RequestOutcome::Busy) => {
							tokio::time::sleep(Duration::from_millis(200)).await
						},
						Some(RequestOutcome::NoProver) | None => break,
					}
				},
				zkinfer_proving_interface::ProofStatus::Pending => {
					tokio::time::sleep(Duration::from_millis(200)).await
				},
			}
		}
	}
	Ok(results)
}
