//! Test implementations of [`InferenceVerifier`] and [`ComputeNodes`] for pallet mocks and
//! benchmark tests (feature `testing`). Their state lives in unhashed storage, so each test's
//! externalities start empty and failed calls roll it back like pallet storage.
//!
//! Not cryptography: [`TestVerifier`] accepts exactly the proof [`TestVerifier::prove`] makes,
//! which stands in for a real proof of the same statement.

use crate::{ComputeNodes, ComputeUnits, InferenceVerifier, ModelId, NodeOffence, ProofSystem};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use core::marker::PhantomData;
use frame_support::{
	dispatch::DispatchResult, pallet_prelude::DispatchError, storage::unhashed, weights::Weight,
};
use zkinfer_verifier_primitives::{
	statement_hash, KeyHash, KeyInfo, PublicInput, StatementHash, VerifiedBatch,
};

const KEYS: &[u8] = b"zkinfer:test-verifier:keys";
const NODES: &[u8] = b"zkinfer:test-nodes:nodes";
const OFFENCES: &[u8] = b"zkinfer:test-nodes:offences";
const WORK: &[u8] = b"zkinfer:test-nodes:work";

/// A registered test key: its shape and references.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct TestKey {
	/// The proof system.
	pub system: ProofSystem,
	/// The key hash.
	pub key: KeyHash,
	/// Its shape.
	pub info: KeyInfo,
	/// References taken.
	pub references: u32,
}

/// An [`InferenceVerifier`] over test keys and test proofs.
pub struct TestVerifier;

impl TestVerifier {
	/// All registered keys.
	pub fn keys() -> Vec<TestKey> {
		unhashed::get(KEYS).unwrap_or_default()
	}

	/// The circuit size of [`Self::register_key`]'s keys: `2^6` rows and 40 columns, so
	/// `crate::compute_units` of 40.
	pub const TEST_KEY_SIZE: (u8, u32) = (6, 40);

	/// Registers a key of `system` with `public_inputs` inputs and a circuit of
	/// [`Self::TEST_KEY_SIZE`]; returns its hash.
	pub fn register_key(system: ProofSystem, public_inputs: u32) -> KeyHash {
		let (k, columns) = Self::TEST_KEY_SIZE;
		Self::register_sized_key(system, public_inputs, k, columns)
	}

	/// Registers a key of `system` with `public_inputs` inputs and a circuit of `2^k` rows
	/// and `columns` columns; returns its hash.
	pub fn register_sized_key(
		system: ProofSystem,
		public_inputs: u32,
		k: u8,
		columns: u32,
	) -> KeyHash {
		let mut keys = Self::keys();
		let key = KeyHash::from(sp_io::hashing::blake2_256(
			&(system, public_inputs, keys.len() as u32).encode(),
		));
		keys.push(TestKey {
			system,
			key,
			info: KeyInfo { public_inputs, width: 1, k, columns },
			references: 0,
		});
		unhashed::put(KEYS, &keys);
		key
	}

	/// The references taken on `key`.
	pub fn references(system: ProofSystem, key: &KeyHash) -> Option<u32> {
		Self::keys()
			.into_iter()
			.find(|k| k.system == system && &k.key == key)
			.map(|k| k.references)
	}

	/// The one proof this verifier accepts for (`key`, `public_inputs`).
	pub fn prove(key: &KeyHash, public_inputs: &[PublicInput]) -> Vec<u8> {
		sp_io::hashing::blake2_256(statement_hash(key, public_inputs).as_bytes()).to_vec()
	}

	fn change_references(system: ProofSystem, key: &KeyHash, acquire: bool) -> DispatchResult {
		let mut keys = Self::keys();
		let entry = keys
			.iter_mut()
			.find(|k| k.system == system && &k.key == key)
			.ok_or(DispatchError::Other("test verifier: unknown key"))?;
		entry.references =
			if acquire { entry.references.checked_add(1) } else { entry.references.checked_sub(1) }
				.ok_or(DispatchError::Other("test verifier: reference count out of range"))?;
		unhashed::put(KEYS, &keys);
		Ok(())
	}
}

impl InferenceVerifier for TestVerifier {
	fn verify(
		system: ProofSystem,
		key: &KeyHash,
		public_inputs: &[PublicInput],
		proof: &[u8],
	) -> Result<StatementHash, DispatchError> {
		let info = Self::key_info(system, key)
			.ok_or(DispatchError::Other("test verifier: unknown key"))?;
		if public_inputs.len() != info.public_inputs as usize {
			return Err(DispatchError::Other("test verifier: wrong public input count"));
		}
		if proof != Self::prove(key, public_inputs).as_slice() {
			return Err(DispatchError::Other("test verifier: the proof does not verify"));
		}
		Ok(statement_hash(key, public_inputs))
	}

	fn key_info(system: ProofSystem, key: &KeyHash) -> Option<KeyInfo> {
		Self::keys()
			.into_iter()
			.find(|k| k.system == system && &k.key == key)
			.map(|k| k.info)
	}

	fn verify_weight(_system: ProofSystem, key: KeyInfo) -> Weight {
		Weight::from_parts(1_000_000 + 1_000 * u64::from(key.public_inputs), 0)
	}

	fn max_verify_weight(public_inputs: u32) -> Weight {
		Weight::from_parts(2_000_000 + 1_000 * u64::from(public_inputs), 0)
	}

	/// Each statement checked as [`Self::verify`] does; the weight is the key's single
	/// verification weight per statement.
	fn verify_batch(
		system: ProofSystem,
		key: &KeyHash,
		statements: &[(&[PublicInput], &[u8])],
	) -> Result<VerifiedBatch, DispatchError> {
		let info = Self::key_info(system, key)
			.ok_or(DispatchError::Other("test verifier: unknown key"))?;
		let results = statements
			.iter()
			.map(|(public_inputs, proof)| {
				if public_inputs.len() != info.public_inputs as usize {
					Err(DispatchError::Other("test verifier: wrong public input count"))
				} else if *proof != Self::prove(key, public_inputs).as_slice() {
					Err(DispatchError::Other("test verifier: the proof does not verify"))
				} else {
					Ok(statement_hash(key, public_inputs))
				}
			})
			.collect();
		Ok(VerifiedBatch {
			results,
			weight: Self::verify_weight(system, info).saturating_mul(statements.len() as u64),
		})
	}

	fn max_verify_batch_weight(system: ProofSystem, key: KeyInfo, proofs: u32) -> Weight {
		Self::verify_weight(system, key).saturating_mul(proofs.into())
	}

	fn acquire_key(system: ProofSystem, key: &KeyHash) -> DispatchResult {
		Self::change_references(system, key, true)
	}

	fn release_key(system: ProofSystem, key: &KeyHash) -> DispatchResult {
		Self::change_references(system, key, false)
	}
}

/// A test node: the models it serves, its capacity this epoch and what it has used, its
/// throughput and its prover key.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct TestNode<AccountId> {
	/// Its account.
	pub account: AccountId,
	/// The models it serves.
	pub models: Vec<ModelId>,
	/// Its capacity per epoch.
	pub capacity: ComputeUnits,
	/// Units assigned this epoch.
	pub used: ComputeUnits,
	/// Units it proves per block.
	pub throughput: ComputeUnits,
	/// The prover key its operator named, if any.
	pub prover: Option<AccountId>,
}

/// [`ComputeNodes`] over a list of test nodes; offences are recorded for tests to read.
pub struct TestNodes<AccountId>(PhantomData<AccountId>);

impl<AccountId: Encode + Decode + Clone + PartialEq> TestNodes<AccountId> {
	/// All nodes, in the order they were added.
	pub fn nodes() -> Vec<TestNode<AccountId>> {
		unhashed::get(NODES).unwrap_or_default()
	}

	fn update(account: &AccountId, change: impl FnOnce(&mut TestNode<AccountId>)) {
		let mut nodes = Self::nodes();
		if let Some(node) = nodes.iter_mut().find(|n| &n.account == account) {
			change(node);
		}
		unhashed::put(NODES, &nodes);
	}

	/// Adds an active node with `capacity` per epoch and as much per block.
	pub fn add(account: AccountId, models: Vec<ModelId>, capacity: ComputeUnits) {
		let mut nodes = Self::nodes();
		nodes.push(TestNode {
			account,
			models,
			capacity,
			used: 0,
			throughput: capacity,
			prover: None,
		});
		unhashed::put(NODES, &nodes);
	}

	/// Sets a node's throughput (units per block).
	pub fn set_throughput(account: &AccountId, throughput: ComputeUnits) {
		Self::update(account, |node| node.throughput = throughput);
	}

	/// Names a node's prover key.
	pub fn set_prover(account: &AccountId, prover: Option<AccountId>) {
		Self::update(account, |node| node.prover = prover);
	}

	/// Removes a node (it leaves the active set).
	pub fn remove(account: &AccountId) {
		let mut nodes = Self::nodes();
		nodes.retain(|n| &n.account != account);
		unhashed::put(NODES, &nodes);
	}

	/// Starts a new epoch: every node's capacity is available again.
	pub fn new_epoch() {
		let mut nodes = Self::nodes();
		nodes.iter_mut().for_each(|n| n.used = 0);
		unhashed::put(NODES, &nodes);
	}

	/// The offences reported so far.
	pub fn offences() -> Vec<(AccountId, NodeOffence)> {
		unhashed::get(OFFENCES).unwrap_or_default()
	}

	/// The verified work reported so far: node and fee (as SCALE-encoded `u128`).
	pub fn work() -> Vec<(AccountId, u128)> {
		unhashed::get(WORK).unwrap_or_default()
	}
}

impl<AccountId: Encode + Decode + Clone + PartialEq, Balance: Into<u128>>
	ComputeNodes<AccountId, Balance> for TestNodes<AccountId>
{
	fn serving_nodes(model: ModelId, max: u32) -> Vec<AccountId> {
		Self::nodes()
			.into_iter()
			.filter(|n| n.models.contains(&model))
			.take(max as usize)
			.map(|n| n.account)
			.collect()
	}

	fn remaining_capacity(node: &AccountId) -> ComputeUnits {
		Self::nodes()
			.into_iter()
			.find(|n| &n.account == node)
			.map_or(0, |n| n.capacity.saturating_sub(n.used))
	}

	fn consume_capacity(node: &AccountId, units: ComputeUnits) -> DispatchResult {
		let mut nodes = Self::nodes();
		let entry = nodes
			.iter_mut()
			.find(|n| &n.account == node)
			.ok_or(DispatchError::Other("test nodes: unknown node"))?;
		let used = entry
			.used
			.checked_add(units)
			.filter(|&used| used <= entry.capacity)
			.ok_or(DispatchError::Other("test nodes: capacity exceeded"))?;
		entry.used = used;
		unhashed::put(NODES, &nodes);
		Ok(())
	}

	fn throughput(node: &AccountId) -> ComputeUnits {
		Self::nodes()
			.into_iter()
			.find(|n| &n.account == node)
			.map_or(0, |n| n.throughput)
	}

	fn may_submit_for(signer: &AccountId, node: &AccountId) -> bool {
		signer == node
			|| Self::nodes()
				.iter()
				.any(|n| &n.account == node && n.prover.as_ref() == Some(signer))
	}

	fn node_of_prover(prover: &AccountId) -> Option<AccountId> {
		Self::nodes()
			.into_iter()
			.find(|n| n.prover.as_ref() == Some(prover))
			.map(|n| n.account)
	}

	fn report_offence(node: &AccountId, offence: NodeOffence) {
		let mut offences = Self::offences();
		offences.push((node.clone(), offence));
		unhashed::put(OFFENCES, &offences);
	}

	/// Test nodes are paid directly.
	fn reward_account(node: &AccountId) -> AccountId {
		node.clone()
	}

	fn work_verified(node: &AccountId, fee: Balance) {
		let mut work = Self::work();
		work.push((node.clone(), fee.into()));
		unhashed::put(WORK, &work);
	}
}
