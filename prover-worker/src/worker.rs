//! `prover-worker run`: the standalone worker. It follows a node's best blocks over RPC,
//! proves the jobs assigned to its operator account with a [`ProverPool`] (the same pool the
//! node's off-chain workers use), and submits `submit_result` signed by the operator's key.
//!
//! - Each new best block: the jobs assigned to the operator (`InferenceMarketApi`), each one
//!   requested from the pool once; a ready proof is submitted, and not again for
//!   [`RESUBMIT_AFTER`] blocks while the job is still assigned (the transaction is on its way).
//! - A failed proof is requested again after [`RETRY_AFTER`] blocks.
//! - A lost connection (node restart, network) is retried with a growing pause (1 s to 30 s);
//!   proofs made meanwhile are kept and submitted after reconnecting.
//! - Ctrl-C or SIGTERM stops it cleanly: no new work, the pool's threads joined.

use std::{collections::HashMap, future::Future, sync::Arc, time::Duration};

use subxt_signer::sr25519::Keypair;

use crate::{
	chain::{self, JobState},
	pool::{ProofRequest, ProofStatus, ProverPool, RequestOutcome},
};

/// Blocks after a submission before a job still assigned is submitted again (the chain's
/// provers' common policy, `zkinfer_offchain_prover::RESUBMIT_AFTER`).
const RESUBMIT_AFTER: u64 = zkinfer_offchain_prover::RESUBMIT_AFTER as u64;

/// Blocks after a failed proof before the job is requested again.
const RETRY_AFTER: u64 = zkinfer_offchain_prover::RETRY_AFTER as u64;

/// What the worker remembers across blocks and reconnections.
#[derive(Default)]
struct Progress {
	/// Job → block of its last submission.
	submitted: HashMap<u64, u64>,
	/// Job → block its proof failed at.
	failed: HashMap<u64, u64>,
}

/// Runs until `shutdown` resolves.
pub async fn run(url: String, key: Keypair, pool: Arc<ProverPool>, shutdown: impl Future<Output = ()>) {
	let mut progress = Progress::default();
	let mut pause = Duration::from_secs(1);
	tokio::pin!(shutdown);
	loop {
		tokio::select! {
			_ = &mut shutdown => {
				report("stopping", serde_json::json!({}));
				return;
			},
			outcome = follow(&url, &key, &pool, &mut progress, &mut pause) => {
				report("disconnected", serde_json::json!({ "reason": outcome.err().unwrap_or_default(), "retryInSeconds": pause.as_secs() }));
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

/// Follows the node's best blocks until the connection fails.
async fn follow(url: &str, key: &Keypair, pool: &ProverPool, progress: &mut Progress, pause: &mut Duration) -> Result<(), chain::ChainError> {
	let client = chain::connect(url).await?;
	let node = chain::account(key);
	let mut blocks = client.stream_best_blocks().await.map_err(|e| format!("block stream: {e}"))?;
	report("connected", serde_json::json!({ "url": url, "operator": format!("0x{}", hex::encode(node)) }));
	*pause = Duration::from_secs(1);
	while let Some(block) = blocks.next().await {
		let block = block.map_err(|e| format!("block stream: {e}"))?;
		let number = block.number();
		let at = block.at().await.map_err(|e| format!("block {number}: {e}"))?;
		for id in chain::jobs_assigned_to(&at, &node).await? {
			let Some(job) = chain::job(&at, id).await? else { continue };
			if !matches!(job.status, JobState::Assigned { node: assigned, .. } if assigned == node) {
				continue;
			}
			if progress.submitted.get(&id).is_some_and(|&at| number < at + RESUBMIT_AFTER) {
				continue;
			}
			match pool.status(id, &node) {
				ProofStatus::Pending => {},
				ProofStatus::Failed(reason) => {
					let failed_at = *progress.failed.entry(id).or_insert_with(|| {
						report("failed", serde_json::json!({ "job": id, "reason": String::from_utf8_lossy(&reason) }));
						number
					});
					if number >= failed_at + RETRY_AFTER {
						progress.failed.remove(&id);
						request(&at, pool, &node, id, &job).await?;
					}
				},
				ProofStatus::Unknown => request(&at, pool, &node, id, &job).await?,
				ProofStatus::Ready { output, proof } => {
					let hash = chain::submit_result(&client, key, id, &output, &proof).await?;
					progress.submitted.insert(id, number);
					report("submitted", serde_json::json!({ "job": id, "block": number, "tx": hash, "output": output }));
				},
			}
		}
		// Forget what is long settled.
		progress.submitted.retain(|_, at| number < *at + 100);
		progress.failed.retain(|_, at| number < *at + 100);
	}
	Err("the node's block stream ended".into())
}

/// Hands job `id` to the pool.
async fn request(at: &chain::AtBlock, pool: &ProverPool, node: &[u8; 32], id: u64, job: &chain::JobRecord) -> Result<(), chain::ChainError> {
	let Some(model) = chain::model(at, job.model).await? else {
		report("failed", serde_json::json!({ "job": id, "reason": format!("model {} is not registered", job.model) }));
		return Ok(());
	};
	let outcome = pool.request(ProofRequest {
		job: id,
		node: *node,
		artifact: model.spec.artifact,
		binding: zkinfer_primitives::job_binding(id, node),
		input: job.input.clone(),
	});
	if outcome == RequestOutcome::Accepted {
		report("proving", serde_json::json!({ "job": id, "model": job.model }));
	}
	Ok(())
}
