//! Weights of `pallet_inference_market`, measured by its benchmarks. Do not edit: regenerate with
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
//! pallet_inference_market
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

/// The weight of each call and benchmarked function of `pallet_inference_market`.
pub trait WeightInfo {
	/// Weight of `submit_inference`, by `i`.
	fn submit_inference(i: u32, ) -> Weight;
	/// Weight of `cancel`.
	fn cancel() -> Weight;
	/// Weight of `submit_result`, by `i`, `o`.
	fn submit_result(i: u32, o: u32, ) -> Weight;
	/// Weight of `remove_job`.
	fn remove_job() -> Weight;
	/// Weight of `expire_and_requeue`, by `e`.
	fn expire_and_requeue(e: u32, ) -> Weight;
	/// Weight of `expire_and_refund`, by `e`.
	fn expire_and_refund(e: u32, ) -> Weight;
	/// Weight of `assign_queued`, by `s`.
	fn assign_queued(s: u32, ) -> Weight;
	/// Weight of `time_out_queued`, by `s`.
	fn time_out_queued(s: u32, ) -> Weight;
}

/// The measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NextJobId` (r:1 w:1)
	/// Proof: `InferenceMarket::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Queue` (r:1 w:1)
	/// Proof: `InferenceMarket::Queue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:0 w:1)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	fn submit_inference(i: u32, ) -> Weight {
		// Proof size: measured 1014, estimated 9679 bytes.
		// Fastest run: 95_790 ns.
		Weight::from_parts(110_385_704, 9679)
			// Standard error: 192.
			.saturating_add(Weight::from_parts(1_767, 0).saturating_mul(i.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `InferenceMarket::Jobs` (r:1 w:1)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Queue` (r:1 w:1)
	/// Proof: `InferenceMarket::Queue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	fn cancel() -> Weight {
		// Proof size: measured 10561, estimated 69190 bytes.
		// Fastest run: 73_101 ns.
		Weight::from_parts(81_450_000, 69190)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `InferenceMarket::Jobs` (r:1 w:1)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(253), added: 2728, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:4 w:4)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::NodeWork` (r:1 w:1)
	/// Proof: `NodeStaking::NodeWork` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::EpochRewards` (r:1 w:1)
	/// Proof: `NodeStaking::EpochRewards` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:0)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::RequesterInferences` (r:1 w:1)
	/// Proof: `ModelRegistry::RequesterInferences` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Usage` (r:1 w:1)
	/// Proof: `ModelRegistry::Usage` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeJobs` (r:0 w:1)
	/// Proof: `InferenceMarket::NodeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn submit_result(i: u32, o: u32, ) -> Weight {
		// Proof size: measured 2939 + i × 8, estimated 69190 bytes.
		// Fastest run: 314_560 ns.
		Weight::from_parts(164_173_197, 69190)
			// Standard error: 251.
			.saturating_add(Weight::from_parts(39_815, 0).saturating_mul(i.into()))
			// Standard error: 251.
			.saturating_add(Weight::from_parts(42_477, 0).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	/// Storage: `InferenceMarket::Jobs` (r:1 w:1)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	fn remove_job() -> Weight {
		// Proof size: measured 33792, estimated 69190 bytes.
		// Fastest run: 52_720 ns.
		Weight::from_parts(64_640_000, 69190)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `InferenceMarket::Deadlines` (r:1 w:1)
	/// Proof: `InferenceMarket::Deadlines` (`max_values`: None, `max_size`: Some(269), added: 2744, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:32 w:32)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(253), added: 2728, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:4 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::UnappliedSlashes` (r:1 w:1)
	/// Proof: `NodeStaking::UnappliedSlashes` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PendingSlashes` (r:1 w:1)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Queue` (r:1 w:1)
	/// Proof: `InferenceMarket::Queue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeJobs` (r:0 w:32)
	/// Proof: `InferenceMarket::NodeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn expire_and_requeue(e: u32, ) -> Weight {
		// Proof size: measured 1048 + e × 60, estimated 11034 + e × 68200 bytes.
		// Fastest run: 2_530 ns.
		Weight::from_parts(35_620_000, 11034)
			// Standard error: 43_083.
			.saturating_add(Weight::from_parts(19_311_701, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(e.into()))
	}
	/// Storage: `InferenceMarket::Deadlines` (r:1 w:1)
	/// Proof: `InferenceMarket::Deadlines` (`max_values`: None, `max_size`: Some(269), added: 2744, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:32 w:32)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(253), added: 2728, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:4 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::UnappliedSlashes` (r:1 w:1)
	/// Proof: `NodeStaking::UnappliedSlashes` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PendingSlashes` (r:1 w:1)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeJobs` (r:0 w:32)
	/// Proof: `InferenceMarket::NodeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn expire_and_refund(e: u32, ) -> Weight {
		// Proof size: measured 2144 + e × 60, estimated 11034 + e × 68200 bytes.
		// Fastest run: 2_430 ns.
		Weight::from_parts(39_632_166, 11034)
			// Standard error: 68_150.
			.saturating_add(Weight::from_parts(49_572_965, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(e.into()))
	}
	/// Storage: `InferenceMarket::Queue` (r:1 w:1)
	/// Proof: `InferenceMarket::Queue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:32 w:32)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::ModelNodes` (r:1 w:0)
	/// Proof: `NodeStaking::ModelNodes` (`max_values`: None, `max_size`: Some(2062), added: 4537, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:64 w:0)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(253), added: 2728, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Deadlines` (r:1 w:1)
	/// Proof: `InferenceMarket::Deadlines` (`max_values`: None, `max_size`: Some(269), added: 2744, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::AssignmentCursor` (r:1 w:1)
	/// Proof: `InferenceMarket::AssignmentCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CapacityUsed` (r:64 w:1)
	/// Proof: `NodeStaking::CapacityUsed` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeJobs` (r:0 w:32)
	/// Proof: `InferenceMarket::NodeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn assign_queued(s: u32, ) -> Weight {
		// Proof size: measured 8330 + s × 60, estimated 175582 + s × 68200 bytes.
		// Fastest run: 1_590 ns.
		Weight::from_parts(243_899_428, 175582)
			// Standard error: 362_528.
			.saturating_add(Weight::from_parts(229_141_142, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(134_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(s.into()))
	}
	/// Storage: `InferenceMarket::Queue` (r:1 w:1)
	/// Proof: `InferenceMarket::Queue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:32 w:32)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	fn time_out_queued(s: u32, ) -> Weight {
		// Proof size: measured 1246 + s × 60, estimated 9679 + s × 68200 bytes.
		// Fastest run: 1_590 ns.
		Weight::from_parts(29_346_600, 9679)
			// Standard error: 38_308.
			.saturating_add(Weight::from_parts(37_814_673, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(s.into()))
	}
}

/// The same measured weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn submit_inference(i: u32, ) -> Weight {
		Weight::from_parts(110_385_704, 9679)
			.saturating_add(Weight::from_parts(1_767, 0).saturating_mul(i.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn cancel() -> Weight {
		Weight::from_parts(81_450_000, 69190)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_result(i: u32, o: u32, ) -> Weight {
		Weight::from_parts(164_173_197, 69190)
			.saturating_add(Weight::from_parts(39_815, 0).saturating_mul(i.into()))
			.saturating_add(Weight::from_parts(42_477, 0).saturating_mul(o.into()))
			.saturating_add(RocksDbWeight::get().reads(16_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn remove_job() -> Weight {
		Weight::from_parts(64_640_000, 69190)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn expire_and_requeue(e: u32, ) -> Weight {
		Weight::from_parts(35_620_000, 11034)
			.saturating_add(Weight::from_parts(19_311_701, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(e.into()))
	}
	fn expire_and_refund(e: u32, ) -> Weight {
		Weight::from_parts(39_632_166, 11034)
			.saturating_add(Weight::from_parts(49_572_965, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(e.into()))
	}
	fn assign_queued(s: u32, ) -> Weight {
		Weight::from_parts(243_899_428, 175582)
			.saturating_add(Weight::from_parts(229_141_142, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(134_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(s.into()))
	}
	fn time_out_queued(s: u32, ) -> Weight {
		Weight::from_parts(29_346_600, 9679)
			.saturating_add(Weight::from_parts(37_814_673, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(s.into()))
	}
}
