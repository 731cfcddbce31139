//! Weights of `pallet_node_staking`, measured by its benchmarks. Do not edit: regenerate with
//! `scripts/benchmark.sh` (see `pallets/benchmarking/README.md`).
//!
//! Measured 2026-12-01 on `vm` (AMD EPYC) with benchmark CLI 64.0.0:
//! 50 steps, 20 repeats, `Compiled` wasm execution.
//!
//! Command:
//! /root/.cache/zkinfer-target/release/zkinfer-node
//! benchmark
//! pallet
//! --runtime
//! /root/.cache/zkinfer-target/release/wbuild/zkinfer-runtime/zkinfer_runtime.compact.compressed.wasm
//! --genesis-builder
//! runtime
//! --pallet
//! pallet_node_staking
//! --extrinsic
//! *
//! --steps
//! 50
//! --repeat
//! 20
//! --wasm-execution
//! compiled
//! --output-analysis
//! max
//! --template
//! pallets/benchmarking/weight-template.hbs
//! --output
//! /root/.cache/zkinfer-target/benchmark-weights/pallet

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// The weight of each call and benchmarked function of `pallet_node_staking`.
pub trait WeightInfo {
	/// Weight of `register_node`, by `m`.
	fn register_node(m: u32, ) -> Weight;
	/// Weight of `update_node`, by `m`.
	fn update_node(m: u32, ) -> Weight;
	/// Weight of `unregister_node`.
	fn unregister_node() -> Weight;
	/// Weight of `join_pool`.
	fn join_pool() -> Weight;
	/// Weight of `leave_pool`.
	fn leave_pool() -> Weight;
	/// Weight of `withdraw_unbonded_node`.
	fn withdraw_unbonded_node() -> Weight;
	/// Weight of `withdraw_unbonded_member`, by `c`.
	fn withdraw_unbonded_member(c: u32, ) -> Weight;
	/// Weight of `claim_rewards`.
	fn claim_rewards() -> Weight;
	/// Weight of `set_prover`.
	fn set_prover() -> Weight;
	/// Weight of `bond_extra`.
	fn bond_extra() -> Weight;
	/// Weight of `cancel_slash`.
	fn cancel_slash() -> Weight;
	/// Weight of `on_initialize_idle`.
	fn on_initialize_idle() -> Weight;
	/// Weight of `on_initialize_new_epoch`.
	fn on_initialize_new_epoch() -> Weight;
	/// Weight of `on_initialize_next_slash_epoch`.
	fn on_initialize_next_slash_epoch() -> Weight;
	/// Weight of `on_initialize_apply_slash`, by `s`.
	fn on_initialize_apply_slash(s: u32, ) -> Weight;
}

/// The measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `NodeStaking::Members` (r:1 w:0)
	/// Proof: `NodeStaking::Members` (`max_values`: None, `max_size`: Some(310), added: 2785, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:3 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:16 w:0)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1248), added: 3723, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:1025 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::NodeCount` (r:1 w:1)
	/// Proof: `NodeStaking::NodeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::ModelNodes` (r:16 w:16)
	/// Proof: `NodeStaking::ModelNodes` (`max_values`: None, `max_size`: Some(2062), added: 4537, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::ProverNodes` (r:1 w:0)
	/// Proof: `NodeStaking::ProverNodes` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:0)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::TotalEmissionStake` (r:1 w:1)
	/// Proof: `NodeStaking::TotalEmissionStake` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochRewards` (r:1 w:1)
	/// Proof: `NodeStaking::EpochRewards` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn register_node(m: u32, ) -> Weight {
		// Proof size: measured 848 + m × 2117, estimated 8523 + m × 179200 bytes.
		// Fastest run: 248_159 ns.
		Weight::from_parts(131_052_541, 8523)
			// Standard error: 1_468_267.
			.saturating_add(Weight::from_parts(190_863_585, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((66_u64).saturating_mul(m.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 179200).saturating_mul(m.into()))
	}
	/// Storage: `NodeStaking::Nodes` (r:1025 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:3 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:16 w:0)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1248), added: 3723, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::ModelNodes` (r:16 w:16)
	/// Proof: `NodeStaking::ModelNodes` (`max_values`: None, `max_size`: Some(2062), added: 4537, mode: `MaxEncodedLen`)
	fn update_node(m: u32, ) -> Weight {
		// Proof size: measured 683 + m × 2190, estimated 8523 + m × 179200 bytes.
		// Fastest run: 186_167 ns.
		Weight::from_parts(189_942_000, 8523)
			// Standard error: 746_824.
			.saturating_add(Weight::from_parts(172_496_750, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((66_u64).saturating_mul(m.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 179200).saturating_mul(m.into()))
	}
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::TotalEmissionStake` (r:1 w:1)
	/// Proof: `NodeStaking::TotalEmissionStake` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:3 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	fn unregister_node() -> Weight {
		// Proof size: measured 383, estimated 8523 bytes.
		// Fastest run: 28_142 ns.
		Weight::from_parts(33_150_000, 8523)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `NodeStaking::Nodes` (r:2 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:3 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PendingSlashes` (r:1 w:0)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochRewards` (r:2 w:2)
	/// Proof: `NodeStaking::EpochRewards` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EmissionPerStake` (r:1 w:0)
	/// Proof: `NodeStaking::EmissionPerStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Members` (r:1 w:1)
	/// Proof: `NodeStaking::Members` (`max_values`: None, `max_size`: Some(310), added: 2785, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::TotalEmissionStake` (r:1 w:1)
	/// Proof: `NodeStaking::TotalEmissionStake` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::RewardMarks` (r:0 w:1)
	/// Proof: `NodeStaking::RewardMarks` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	fn join_pool() -> Weight {
		// Proof size: measured 1333, estimated 8523 bytes.
		// Fastest run: 258_414 ns.
		Weight::from_parts(268_980_000, 8523)
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `NodeStaking::Members` (r:1 w:1)
	/// Proof: `NodeStaking::Members` (`max_values`: None, `max_size`: Some(310), added: 2785, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::TotalEmissionStake` (r:1 w:1)
	/// Proof: `NodeStaking::TotalEmissionStake` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PoolUnbonding` (r:1 w:1)
	/// Proof: `NodeStaking::PoolUnbonding` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	fn leave_pool() -> Weight {
		// Proof size: measured 984, estimated 3790 bytes.
		// Fastest run: 57_796 ns.
		Weight::from_parts(65_447_000, 3790)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PendingSlashes` (r:1 w:0)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochRewards` (r:2 w:2)
	/// Proof: `NodeStaking::EpochRewards` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EmissionPerStake` (r:1 w:0)
	/// Proof: `NodeStaking::EmissionPerStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Provers` (r:1 w:0)
	/// Proof: `NodeStaking::Provers` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::ModelNodes` (r:1 w:1)
	/// Proof: `NodeStaking::ModelNodes` (`max_values`: None, `max_size`: Some(2062), added: 4537, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::NodeCount` (r:1 w:1)
	/// Proof: `NodeStaking::NodeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CapacityUsed` (r:0 w:1)
	/// Proof: `NodeStaking::CapacityUsed` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	fn withdraw_unbonded_node() -> Weight {
		// Proof size: measured 1167, estimated 6196 bytes.
		// Fastest run: 184_264 ns.
		Weight::from_parts(192_917_000, 6196)
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `NodeStaking::Nodes` (r:2 w:0)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Members` (r:1 w:1)
	/// Proof: `NodeStaking::Members` (`max_values`: None, `max_size`: Some(310), added: 2785, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PendingSlashes` (r:1 w:0)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PoolUnbonding` (r:8 w:8)
	/// Proof: `NodeStaking::PoolUnbonding` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	fn withdraw_unbonded_member(c: u32, ) -> Weight {
		// Proof size: measured 1184 + c × 69, estimated 6590 + c × 2567 bytes.
		// Fastest run: 100_419 ns.
		Weight::from_parts(98_437_766, 6590)
			// Standard error: 19_011.
			.saturating_add(Weight::from_parts(7_330_461, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 2567).saturating_mul(c.into()))
	}
	/// Storage: `NodeStaking::Nodes` (r:2 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Members` (r:1 w:1)
	/// Proof: `NodeStaking::Members` (`max_values`: None, `max_size`: Some(310), added: 2785, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochRewards` (r:2 w:2)
	/// Proof: `NodeStaking::EpochRewards` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EmissionPerStake` (r:1 w:0)
	/// Proof: `NodeStaking::EmissionPerStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::RewardMarks` (r:0 w:1)
	/// Proof: `NodeStaking::RewardMarks` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	fn claim_rewards() -> Weight {
		// Proof size: measured 1266, estimated 6590 bytes.
		// Fastest run: 170_513 ns.
		Weight::from_parts(179_226_000, 6590)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `NodeStaking::Nodes` (r:2 w:0)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::ProverNodes` (r:1 w:2)
	/// Proof: `NodeStaking::ProverNodes` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Provers` (r:1 w:1)
	/// Proof: `NodeStaking::Provers` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	fn set_prover() -> Weight {
		// Proof size: measured 478, estimated 6590 bytes.
		// Fastest run: 27_701 ns.
		Weight::from_parts(29_915_000, 6590)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PendingSlashes` (r:1 w:0)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochRewards` (r:2 w:2)
	/// Proof: `NodeStaking::EpochRewards` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EmissionPerStake` (r:1 w:0)
	/// Proof: `NodeStaking::EmissionPerStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::TotalEmissionStake` (r:1 w:1)
	/// Proof: `NodeStaking::TotalEmissionStake` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::RewardMarks` (r:0 w:1)
	/// Proof: `NodeStaking::RewardMarks` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	fn bond_extra() -> Weight {
		// Proof size: measured 1278, estimated 6196 bytes.
		// Fastest run: 170_143 ns.
		Weight::from_parts(176_183_000, 6196)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `NodeStaking::UnappliedSlashes` (r:1 w:1)
	/// Proof: `NodeStaking::UnappliedSlashes` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PendingSlashes` (r:1 w:1)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn cancel_slash() -> Weight {
		// Proof size: measured 329, estimated 3533 bytes.
		// Fastest run: 16_976 ns.
		Weight::from_parts(18_518_000, 3533)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `NodeStaking::EpochStart` (r:1 w:0)
	/// Proof: `NodeStaking::EpochStart` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::NextSlashEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::NextSlashEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn on_initialize_idle() -> Weight {
		// Proof size: measured 187, estimated 3501 bytes.
		// Fastest run: 7_280 ns.
		Weight::from_parts(8_042_000, 3501)
			.saturating_add(T::DbWeight::get().reads(4_u64))
	}
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:1)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochRewards` (r:1 w:2)
	/// Proof: `NodeStaking::EpochRewards` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EmissionPerStake` (r:1 w:1)
	/// Proof: `NodeStaking::EmissionPerStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::TotalEmissionStake` (r:1 w:1)
	/// Proof: `NodeStaking::TotalEmissionStake` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochStart` (r:0 w:1)
	/// Proof: `NodeStaking::EpochStart` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn on_initialize_new_epoch() -> Weight {
		// Proof size: measured 308, estimated 3529 bytes.
		// Fastest run: 18_507 ns.
		Weight::from_parts(20_040_000, 3529)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::NextSlashEpoch` (r:1 w:1)
	/// Proof: `NodeStaking::NextSlashEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::UnappliedSlashes` (r:1 w:0)
	/// Proof: `NodeStaking::UnappliedSlashes` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn on_initialize_next_slash_epoch() -> Weight {
		// Proof size: measured 219, estimated 3533 bytes.
		// Fastest run: 8_202 ns.
		Weight::from_parts(9_053_000, 3533)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `NodeStaking::PendingSlashes` (r:1 w:1)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochRewards` (r:2 w:2)
	/// Proof: `NodeStaking::EpochRewards` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:3 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EmissionPerStake` (r:1 w:0)
	/// Proof: `NodeStaking::EmissionPerStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PoolUnbonding` (r:9 w:8)
	/// Proof: `NodeStaking::PoolUnbonding` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::TotalEmissionStake` (r:1 w:1)
	/// Proof: `NodeStaking::TotalEmissionStake` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::UnappliedSlashes` (r:0 w:1)
	/// Proof: `NodeStaking::UnappliedSlashes` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn on_initialize_apply_slash(s: u32, ) -> Weight {
		// Proof size: measured 1552 + s × 49, estimated 8799 + s × 2567 bytes.
		// Fastest run: 167_469 ns.
		Weight::from_parts(175_889_450, 8799)
			// Standard error: 244_644.
			.saturating_add(Weight::from_parts(10_373_417, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(17_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(12_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2567).saturating_mul(s.into()))
	}
}

/// The same measured weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_node(m: u32, ) -> Weight {
		Weight::from_parts(131_052_541, 8523)
			.saturating_add(Weight::from_parts(190_863_585, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(13_u64))
			.saturating_add(RocksDbWeight::get().reads((66_u64).saturating_mul(m.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 179200).saturating_mul(m.into()))
	}
	fn update_node(m: u32, ) -> Weight {
		Weight::from_parts(189_942_000, 8523)
			.saturating_add(Weight::from_parts(172_496_750, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((66_u64).saturating_mul(m.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 179200).saturating_mul(m.into()))
	}
	fn unregister_node() -> Weight {
		Weight::from_parts(33_150_000, 8523)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn join_pool() -> Weight {
		Weight::from_parts(268_980_000, 8523)
			.saturating_add(RocksDbWeight::get().reads(16_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn leave_pool() -> Weight {
		Weight::from_parts(65_447_000, 3790)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn withdraw_unbonded_node() -> Weight {
		Weight::from_parts(192_917_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(15_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn withdraw_unbonded_member(c: u32, ) -> Weight {
		Weight::from_parts(98_437_766, 6590)
			.saturating_add(Weight::from_parts(7_330_461, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 2567).saturating_mul(c.into()))
	}
	fn claim_rewards() -> Weight {
		Weight::from_parts(179_226_000, 6590)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn set_prover() -> Weight {
		Weight::from_parts(29_915_000, 6590)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn bond_extra() -> Weight {
		Weight::from_parts(176_183_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(13_u64))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(18_518_000, 3533)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(8_042_000, 3501)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
	}
	fn on_initialize_new_epoch() -> Weight {
		Weight::from_parts(20_040_000, 3529)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn on_initialize_next_slash_epoch() -> Weight {
		Weight::from_parts(9_053_000, 3533)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn on_initialize_apply_slash(s: u32, ) -> Weight {
		Weight::from_parts(175_889_450, 8799)
			.saturating_add(Weight::from_parts(10_373_417, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(17_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2567).saturating_mul(s.into()))
	}
}
