//! The standalone worker's link to a zkinfer node: subxt over the node's RPC.
//!
//! Dynamic calls by pallet and call name (no generated code, so a runtime upgrade that keeps
//! the names keeps the worker working); records read as SCALE into the mirrors below, which
//! follow the runtime's types field by field.

use codec::{Decode, Encode};
use subxt::{
	client::OnlineClientAtBlock,
	dynamic::{self, Value},
	OnlineClient, SubstrateConfig,
};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// A client of a zkinfer node.
pub type Client = OnlineClient<SubstrateConfig>;

/// A client at one block.
pub type AtBlock = OnlineClientAtBlock<SubstrateConfig>;

/// Errors of the chain link, as text (they are reported, then the worker reconnects).
pub type ChainError = String;


/// Connects to the node at `url` (`ws://` or `wss://`).
pub async fn connect(url: &str) -> Result<Client, ChainError> {
	Client::from_insecure_url(url).await.map_err(|e| format!("connecting to {url}: {e}"))
}

/// The sr25519 key of a secret URI (`//Alice`, a mnemonic, a hex seed with derivations).
pub fn keypair(suri: &str) -> Result<Keypair, ChainError> {
	let uri: SecretUri = suri.parse().map_err(|e| format!("secret URI: {e:?}"))?;
	Keypair::from_uri(&uri).map_err(|e| format!("secret URI: {e:?}"))
}

/// The 32-byte account of a key.
pub fn account(key: &Keypair) -> [u8; 32] {
	key.public_key().0
}

/// A job's state (the market's `JobStatus`).
#[derive(Clone, Debug, PartialEq, Decode)]
pub enum JobState {
	/// Waiting for a node.
	Queued {
		/// Refunded at this block if still queued.
		expires_at: u32,
	},
	/// Assigned to `node` until `deadline`.
	Assigned {
		/// The node.
		node: [u8; 32],
		/// The block at which it expires.
		deadline: u32,
	},
	/// Proved and paid.
	Fulfilled {
		/// The node that proved it.
		node: [u8; 32],
		/// The verified output.
		output: Vec<i64>,
		/// The statement hash.
		statement: [u8; 32],
		/// Node, owner and protocol shares.
		payout: (u128, u128, u128),
		/// The block.
		at: u32,
	},
	/// Refunded.
	Refunded {
		/// Why (the runtime's `RefundReason` index).
		reason: u8,
		/// The amount.
		amount: u128,
		/// The block.
		at: u32,
	},
	/// Cancelled.
	Cancelled {
		/// The amount.
		amount: u128,
		/// The block.
		at: u32,
	},
}

/// A job (the market's `Job`).
#[derive(Clone, Debug, PartialEq, Decode)]
pub struct JobRecord {
	/// The model.
	pub model: u32,
	/// Who pays.
	pub requester: [u8; 32],
	/// The quantized input.
	pub input: Vec<i64>,
	/// The fee held.
	pub fee: u128,
	/// The deposit held.
	pub deposit: u128,
	/// Compute units.
	pub compute_units: u64,
	/// The block it was submitted in.
	pub submitted_at: u32,
	/// How often it was assigned.
	pub assignments: u32,
	/// The nodes that missed it.
	pub missed_by: Vec<[u8; 32]>,
	/// Where it stands.
	pub status: JobState,
}

/// A model's specification (the registry's `ModelSpec`).
#[derive(Clone, Debug, PartialEq, Decode)]
pub struct ModelSpecRecord {
	/// Metadata.
	pub metadata: Vec<u8>,
	/// Input shape.
	pub input_shape: Vec<u32>,
	/// Input scale.
	pub input_scale: u8,
	/// Output shape.
	pub output_shape: Vec<u32>,
	/// Output scale.
	pub output_scale: u8,
	/// The input domain, `(min, max)`.
	pub input_domain: (i64, i64),
	/// Proof system index (0: halo2-KZG, 1: Groth16).
	pub proof_system: u8,
	/// Verifying key hash.
	pub vk: [u8; 32],
	/// Artifact content address.
	pub artifact: [u8; 32],
}

/// A stored model (the registry's `ModelRecord`).
#[derive(Clone, Debug, PartialEq, Decode)]
pub struct ModelRecord {
	/// The owner.
	pub owner: [u8; 32],
	/// The deposit held.
	pub deposit: u128,
	/// The specification.
	pub spec: ModelSpecRecord,
	/// Compute units per inference (computed by the chain from the key).
	pub compute_units: u64,
}

/// The ids of the open jobs assigned to `node` at this block (`InferenceMarketApi`).
pub async fn jobs_assigned_to(at: &AtBlock, node: &[u8; 32]) -> Result<Vec<u64>, ChainError> {
	let bytes = at
		.runtime_apis()
		.call_raw("InferenceMarketApi_jobs_assigned_to", Some(&node.encode()))
		.await
		.map_err(|e| format!("jobs assigned: {e}"))?;
	Vec::<u64>::decode(&mut &bytes[..]).map_err(|e| format!("jobs assigned: {e}"))
}

/// What the node `key` proves for has committed to (`NodeStakingApi::service_terms`; `key`:
/// the operator's account or its prover key), if it proves for one.
pub async fn service_terms(at: &AtBlock, key: &[u8; 32]) -> Result<Option<zkinfer_primitives::ServiceTerms<[u8; 32]>>, ChainError> {
	let bytes = at
		.runtime_apis()
		.call_raw("NodeStakingApi_service_terms", Some(&key.encode()))
		.await
		.map_err(|e| format!("service terms: {e}"))?;
	Option::<zkinfer_primitives::ServiceTerms<[u8; 32]>>::decode(&mut &bytes[..]).map_err(|e| format!("service terms: {e}"))
}

/// Job `id` at this block (`InferenceMarketApi::job`).
pub async fn job(at: &AtBlock, id: u64) -> Result<Option<JobRecord>, ChainError> {
	let bytes = at
		.runtime_apis()
		.call_raw("InferenceMarketApi_job", Some(&id.encode()))
		.await
		.map_err(|e| format!("job {id}: {e}"))?;
	Option::<JobRecord>::decode(&mut &bytes[..]).map_err(|e| format!("job {id}: {e}"))
}

/// Model `id` at this block (`ModelRegistry::Models`).
pub async fn model(at: &AtBlock, id: u32) -> Result<Option<ModelRecord>, ChainError> {
	let address = dynamic::storage::<(u32,), Value>("ModelRegistry", "Models");
	let value = at.storage().try_fetch(address, (id,)).await.map_err(|e| format!("model {id}: {e}"))?;
	value
		.map(|value| ModelRecord::decode(&mut value.bytes()).map_err(|e| format!("model {id}: {e}")))
		.transpose()
}

/// Whether the halo2 verifier holds the key with hash `vk`.
pub async fn halo2_key_registered(at: &AtBlock, vk: &[u8; 32]) -> Result<bool, ChainError> {
	let address = dynamic::storage::<([u8; 32],), Value>("Halo2Verifier", "Keys");
	Ok(at.storage().try_fetch(address, (*vk,)).await.map_err(|e| format!("key: {e}"))?.is_some())
}

/// Submits `submit_result(job, output, proof)` signed by `key`; returns the transaction hash
/// once the pool accepted it.
pub async fn submit_result(client: &Client, key: &Keypair, job: u64, output: &[i64], proof: &[u8]) -> Result<String, ChainError> {
	let call = dynamic::transaction("InferenceMarket", "submit_result", (job, output.to_vec(), proof.to_vec()));
	let hash = client
		.tx()
		.await
		.map_err(|e| format!("submit_result: {e}"))?
		.sign_and_submit_default(&call, key)
		.await
		.map_err(|e| format!("submit_result: {e}"))?;
	Ok(format!("{hash:?}"))
}

/// Submits `call` signed by `key` and waits for it to succeed in a finalized block; returns
/// the fields of the first event `pallet.event` it emitted, SCALE-encoded.
pub async fn submit_and_find(
	client: &Client,
	key: &Keypair,
	call: &impl subxt::transactions::Payload,
	pallet: &str,
	event: &str,
) -> Result<Option<Vec<u8>>, ChainError> {
	let events = client
		.tx()
		.await
		.map_err(|e| format!("{pallet}.{event}: {e}"))?
		.sign_and_submit_then_watch_default(call, key)
		.await
		.map_err(|e| format!("{pallet}.{event}: {e}"))?
		.wait_for_finalized_success()
		.await
		.map_err(|e| format!("{pallet}.{event}: {e}"))?;
	for found in events.iter() {
		let found = found.map_err(|e| format!("{pallet}.{event}: {e}"))?;
		if found.pallet_name() == pallet && found.event_name() == event {
			return Ok(Some(found.field_bytes().to_vec()));
		}
	}
	Ok(None)
}
