//! The pallets whose benchmarks the runtime exposes to `zkinfer-node benchmark pallet`.
//!
//! The validator set (pallet-collator-selection) and session use their upstream weights and
//! are not re-benchmarked here.

pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::Pallet as SystemBench;

pub use crate::{
	Balances, Groth16Verifier, Halo2Verifier, InferenceMarket, ModelRegistry, NodeStaking, Runtime,
	Sudo, Timestamp,
};

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_proof_verifier, Groth16Verifier]
	[pallet_proof_verifier, Halo2Verifier]
	[pallet_model_registry, ModelRegistry]
	[pallet_inference_market, InferenceMarket]
	[pallet_node_staking, NodeStaking]
);

/// Models and nodes for the market's benchmarks.
///
/// Keys are written straight into the halo2 verifier's storage with the requested input count:
/// the registry and the market only read a key's shape and take references, and the market's
/// settlement benchmark leaves verification to the verifier's own benchmarks.
pub struct MarketBenchmarks;

impl pallet_model_registry::BenchmarkHelper<crate::AccountId> for MarketBenchmarks {
	fn registered_key(
		owner: &crate::AccountId,
		public_inputs: u32,
	) -> (zkinfer_primitives::ProofSystem, zkinfer_verifier_primitives::KeyHash) {
		use crate::configs::verification::Halo2Instance;
		use codec::Encode;
		let bytes =
			(b"benchmark key", public_inputs, frame_system::Pallet::<Runtime>::block_number())
				.encode();
		let key: zkinfer_verifier_primitives::KeyHash =
			<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&bytes);
		pallet_proof_verifier::Keys::<Runtime, Halo2Instance>::insert(
			key,
			pallet_proof_verifier::KeyRecord {
				owner: owner.clone(),
				deposit: 0,
				public_inputs,
				width: 1,
				k: 13,
				columns: 18,
				references: 0,
			},
		);
		pallet_proof_verifier::KeyBytes::<Runtime, Halo2Instance>::insert(
			key,
			frame_support::BoundedVec::truncate_from(bytes),
		);
		(zkinfer_primitives::ProofSystem::Halo2Kzg, key)
	}
}

impl pallet_inference_market::BenchmarkHelper<crate::AccountId> for MarketBenchmarks {
	fn register_model(
		owner: &crate::AccountId,
		inputs: u32,
		outputs: u32,
	) -> zkinfer_primitives::ModelId {
		use pallet_model_registry::BenchmarkHelper as _;
		let (proof_system, vk) = Self::registered_key(owner, 1 + inputs + outputs);
		let spec = pallet_model_registry::ModelSpec {
			metadata: Default::default(),
			input_shape: frame_support::BoundedVec::truncate_from(alloc::vec![inputs]),
			input_scale: 6,
			output_shape: frame_support::BoundedVec::truncate_from(alloc::vec![outputs]),
			output_scale: 6,
			input_domain: zkinfer_primitives::InputDomain::ALL,
			proof_system,
			vk,
			artifact: Default::default(),
		};
		ModelRegistry::do_register_model(owner.clone(), spec).expect("benchmark models register")
	}

	fn add_node(
		node: &crate::AccountId,
		models: &[zkinfer_primitives::ModelId],
		capacity: zkinfer_primitives::ComputeUnits,
	) {
		use frame_support::traits::{fungible::Mutate, Get};
		let bond = <Runtime as pallet_node_staking::Config>::MinBond::get();
		Balances::set_balance(node, bond.saturating_mul(2));
		let config = pallet_node_staking::NodeConfig {
			models: frame_support::BoundedVec::truncate_from(models.to_vec()),
			capacity,
			throughput: capacity,
			commission: Default::default(),
		};
		NodeStaking::add_node(node.clone(), config, bond, NodeStaking::current_epoch())
			.expect("benchmark nodes register");
	}

	fn max_models_per_node() -> u32 {
		<<Runtime as pallet_node_staking::Config>::MaxModelsPerNode as frame_support::traits::Get<
			u32,
		>>::get()
	}
}

impl pallet_node_staking::BenchmarkHelper<crate::AccountId> for MarketBenchmarks {
	fn register_model(owner: &crate::AccountId, _index: u32) -> zkinfer_primitives::ModelId {
		<Self as pallet_inference_market::BenchmarkHelper<crate::AccountId>>::register_model(
			owner, 1, 1,
		)
	}
}
