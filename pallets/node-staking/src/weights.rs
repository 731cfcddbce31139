//! Weights of `pallet_node_staking`, measured by its benchmarks. Do not edit: regenerate with
//! `scripts/benchmark.sh` (see `pallets/benchmarking/README.md`).
//!
//! Measured 2026-11-21 on `vm` (AMD EPYC) with benchmark CLI 64.0.0:
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
	/// See `benchmarking.rs`.
	fn set_prover() -> Weight;
	/// See `benchmarking.rs`.
	fn bond_extra() -> Weight;
}

/// The measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `NodeStaking::Members` (r:1 w:0)
	/// Proof: `NodeStaking::Members` (`max_values`: None, `max_size`: Some(289), added: 2764, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:16 w:0)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(253), added: 2728, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::NodeCount` (r:1 w:1)
	/// Proof: `NodeStaking::NodeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::ModelNodes` (r:16 w:16)
	/// Proof: `NodeStaking::ModelNodes` (`max_values`: None, `max_size`: Some(2062), added: 4537, mode: `MaxEncodedLen`)
	fn register_node(m: u32, ) -> Weight {
		// Proof size: measured 1158 + m × 2053, estimated 6012 + m × 4537 bytes.
		// Fastest run: 68_570 ns.
		Weight::from_parts(66_583_000, 6012)
			// Standard error: 6_744.
			.saturating_add(Weight::from_parts(7_502_246, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(m.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 4537).saturating_mul(m.into()))
	}
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(253), added: 2728, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:16 w:0)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::ModelNodes` (r:16 w:16)
	/// Proof: `NodeStaking::ModelNodes` (`max_values`: None, `max_size`: Some(2062), added: 4537, mode: `MaxEncodedLen`)
	fn update_node(m: u32, ) -> Weight {
		// Proof size: measured 845 + m × 2116, estimated 3718 + m × 4537 bytes.
		// Fastest run: 26_990 ns.
		Weight::from_parts(19_440_000, 3718)
			// Standard error: 6_169.
			.saturating_add(Weight::from_parts(8_505_843, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(m.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 4537).saturating_mul(m.into()))
	}
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(253), added: 2728, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	fn unregister_node() -> Weight {
		// Proof size: measured 266, estimated 3718 bytes.
		// Fastest run: 13_410 ns.
		Weight::from_parts(15_190_000, 3718)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `NodeStaking::Nodes` (r:2 w:0)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(253), added: 2728, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Members` (r:1 w:1)
	/// Proof: `NodeStaking::Members` (`max_values`: None, `max_size`: Some(289), added: 2764, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	fn join_pool() -> Weight {
		// Proof size: measured 992, estimated 6446 bytes.
		// Fastest run: 100_290 ns.
		Weight::from_parts(107_370_000, 6446)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `NodeStaking::Members` (r:1 w:1)
	/// Proof: `NodeStaking::Members` (`max_values`: None, `max_size`: Some(289), added: 2764, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PoolUnbonding` (r:1 w:1)
	/// Proof: `NodeStaking::PoolUnbonding` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	fn leave_pool() -> Weight {
		// Proof size: measured 621, estimated 3754 bytes.
		// Fastest run: 24_550 ns.
		Weight::from_parts(27_590_000, 3754)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(253), added: 2728, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PendingSlashes` (r:1 w:0)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::NodeWork` (r:1 w:1)
	/// Proof: `NodeStaking::NodeWork` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochRewards` (r:1 w:1)
	/// Proof: `NodeStaking::EpochRewards` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::ModelNodes` (r:1 w:1)
	/// Proof: `NodeStaking::ModelNodes` (`max_values`: None, `max_size`: Some(2062), added: 4537, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::NodeCount` (r:1 w:1)
	/// Proof: `NodeStaking::NodeCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CapacityUsed` (r:0 w:1)
	/// Proof: `NodeStaking::CapacityUsed` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	fn withdraw_unbonded_node() -> Weight {
		// Proof size: measured 1484, estimated 6196 bytes.
		// Fastest run: 126_790 ns.
		Weight::from_parts(137_250_000, 6196)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `NodeStaking::Nodes` (r:2 w:0)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(253), added: 2728, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Members` (r:1 w:1)
	/// Proof: `NodeStaking::Members` (`max_values`: None, `max_size`: Some(289), added: 2764, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PendingSlashes` (r:1 w:0)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PoolUnbonding` (r:8 w:8)
	/// Proof: `NodeStaking::PoolUnbonding` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	fn withdraw_unbonded_member(c: u32, ) -> Weight {
		// Proof size: measured 1168 + c × 69, estimated 6446 + c × 2567 bytes.
		// Fastest run: 106_300 ns.
		Weight::from_parts(108_158_821, 6446)
			// Standard error: 18_559.
			.saturating_add(Weight::from_parts(5_645_772, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 2567).saturating_mul(c.into()))
	}
	/// Storage: `NodeStaking::Nodes` (r:2 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(253), added: 2728, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Members` (r:1 w:1)
	/// Proof: `NodeStaking::Members` (`max_values`: None, `max_size`: Some(289), added: 2764, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::NodeWork` (r:1 w:1)
	/// Proof: `NodeStaking::NodeWork` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochRewards` (r:1 w:1)
	/// Proof: `NodeStaking::EpochRewards` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	fn claim_rewards() -> Weight {
		// Proof size: measured 1119, estimated 6446 bytes.
		// Fastest run: 91_150 ns.
		Weight::from_parts(99_510_000, 6446)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `NodeStaking::UnappliedSlashes` (r:1 w:1)
	/// Proof: `NodeStaking::UnappliedSlashes` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PendingSlashes` (r:1 w:1)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn cancel_slash() -> Weight {
		// Proof size: measured 296, estimated 3533 bytes.
		// Fastest run: 11_790 ns.
		Weight::from_parts(13_160_000, 3533)
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
		// Proof size: measured 135, estimated 3501 bytes.
		// Fastest run: 5_280 ns.
		Weight::from_parts(5_870_000, 3501)
			.saturating_add(T::DbWeight::get().reads(4_u64))
	}
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:1)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochRewards` (r:1 w:2)
	/// Proof: `NodeStaking::EpochRewards` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochStart` (r:0 w:1)
	/// Proof: `NodeStaking::EpochStart` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn on_initialize_new_epoch() -> Weight {
		// Proof size: measured 172, estimated 3513 bytes.
		// Fastest run: 9_690 ns.
		Weight::from_parts(10_530_000, 3513)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::NextSlashEpoch` (r:1 w:1)
	/// Proof: `NodeStaking::NextSlashEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::UnappliedSlashes` (r:1 w:0)
	/// Proof: `NodeStaking::UnappliedSlashes` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn on_initialize_next_slash_epoch() -> Weight {
		// Proof size: measured 186, estimated 3533 bytes.
		// Fastest run: 5_860 ns.
		Weight::from_parts(6_350_000, 3533)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `NodeStaking::PendingSlashes` (r:1 w:1)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(253), added: 2728, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:1)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PoolUnbonding` (r:8 w:8)
	/// Proof: `NodeStaking::PoolUnbonding` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::UnappliedSlashes` (r:0 w:1)
	/// Proof: `NodeStaking::UnappliedSlashes` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn on_initialize_apply_slash(s: u32, ) -> Weight {
		// Proof size: measured 1196 + s × 49, estimated 8799 + s × 2567 bytes.
		// Fastest run: 76_330 ns.
		Weight::from_parts(75_310_174, 8799)
			// Standard error: 9_463.
			.saturating_add(Weight::from_parts(5_390_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2567).saturating_mul(s.into()))
	}
	fn set_prover() -> Weight {
		Weight::from_parts(13_160_000, 3533)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn bond_extra() -> Weight {
		Weight::from_parts(107_370_000, 6446)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// The same measured weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_node(m: u32, ) -> Weight {
		Weight::from_parts(66_583_000, 6012)
			.saturating_add(Weight::from_parts(7_502_246, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(m.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 4537).saturating_mul(m.into()))
	}
	fn update_node(m: u32, ) -> Weight {
		Weight::from_parts(19_440_000, 3718)
			.saturating_add(Weight::from_parts(8_505_843, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(m.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 4537).saturating_mul(m.into()))
	}
	fn unregister_node() -> Weight {
		Weight::from_parts(15_190_000, 3718)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn join_pool() -> Weight {
		Weight::from_parts(107_370_000, 6446)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn leave_pool() -> Weight {
		Weight::from_parts(27_590_000, 3754)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn withdraw_unbonded_node() -> Weight {
		Weight::from_parts(137_250_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn withdraw_unbonded_member(c: u32, ) -> Weight {
		Weight::from_parts(108_158_821, 6446)
			.saturating_add(Weight::from_parts(5_645_772, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 2567).saturating_mul(c.into()))
	}
	fn claim_rewards() -> Weight {
		Weight::from_parts(99_510_000, 6446)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(13_160_000, 3533)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(5_870_000, 3501)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
	}
	fn on_initialize_new_epoch() -> Weight {
		Weight::from_parts(10_530_000, 3513)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn on_initialize_next_slash_epoch() -> Weight {
		Weight::from_parts(6_350_000, 3533)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn on_initialize_apply_slash(s: u32, ) -> Weight {
		Weight::from_parts(75_310_174, 8799)
			.saturating_add(Weight::from_parts(5_390_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2567).saturating_mul(s.into()))
	}
	fn set_prover() -> Weight {
		Weight::from_parts(13_160_000, 3533)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn bond_extra() -> Weight {
		Weight::from_parts(107_370_000, 6446)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
}
