//! Weights of `pallet_inference_market`, measured by its benchmarks. Do not edit: regenerate with
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
	/// Weight of `submit_results`, by `b`.
	fn submit_results(b: u32, ) -> Weight;
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
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1248), added: 3723, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NextJobId` (r:1 w:1)
	/// Proof: `InferenceMarket::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Queues` (r:1 w:1)
	/// Proof: `InferenceMarket::Queues` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::RequesterInferences` (r:1 w:1)
	/// Proof: `ModelRegistry::RequesterInferences` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:0 w:1)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(66078), added: 68553, mode: `MaxEncodedLen`)
	fn submit_inference(i: u32, ) -> Weight {
		// Proof size: measured 1068, estimated 11671 bytes.
		// Fastest run: 198_686 ns.
		Weight::from_parts(225_556_313, 11671)
			// Standard error: 747.
			.saturating_add(Weight::from_parts(7_864, 0).saturating_mul(i.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `InferenceMarket::Jobs` (r:1 w:1)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(66078), added: 68553, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Queues` (r:1 w:1)
	/// Proof: `InferenceMarket::Queues` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1248), added: 3723, mode: `MaxEncodedLen`)
	fn cancel() -> Weight {
		// Proof size: measured 10679, estimated 69543 bytes.
		// Fastest run: 148_701 ns.
		Weight::from_parts(160_609_000, 69543)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `InferenceMarket::Jobs` (r:1 w:1)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(66078), added: 68553, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1248), added: 3723, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:1 w:1)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:4 w:4)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Pools` (r:1 w:0)
	/// Proof: `NodeStaking::Pools` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeLoad` (r:1 w:1)
	/// Proof: `InferenceMarket::NodeLoad` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::RequesterInferences` (r:1 w:1)
	/// Proof: `ModelRegistry::RequesterInferences` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Usage` (r:1 w:1)
	/// Proof: `ModelRegistry::Usage` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeJobs` (r:0 w:1)
	/// Proof: `InferenceMarket::NodeJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn submit_result(i: u32, o: u32, ) -> Weight {
		// Proof size: measured 3260 + i × 8, estimated 69543 bytes.
		// Fastest run: 431_553 ns.
		Weight::from_parts(282_118_906, 69543)
			// Standard error: 2_532.
			.saturating_add(Weight::from_parts(49_094, 0).saturating_mul(i.into()))
			// Standard error: 2_532.
			.saturating_add(Weight::from_parts(56_404, 0).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	/// Storage: `InferenceMarket::Jobs` (r:1 w:1)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(66078), added: 68553, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	fn submit_results(b: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000_000, 0).saturating_mul(b.into()))
	}
	fn remove_job() -> Weight {
		// Proof size: measured 33792, estimated 69543 bytes.
		// Fastest run: 97_475 ns.
		Weight::from_parts(110_294_000, 69543)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `InferenceMarket::Deadlines` (r:1 w:1)
	/// Proof: `InferenceMarket::Deadlines` (`max_values`: None, `max_size`: Some(269), added: 2744, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:32 w:32)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(66078), added: 68553, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeLoad` (r:2 w:2)
	/// Proof: `InferenceMarket::NodeLoad` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:2 w:2)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:6 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::UnappliedSlashes` (r:2 w:2)
	/// Proof: `NodeStaking::UnappliedSlashes` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PendingSlashes` (r:2 w:2)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Queues` (r:32 w:32)
	/// Proof: `InferenceMarket::Queues` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::TotalEmissionStake` (r:1 w:1)
	/// Proof: `NodeStaking::TotalEmissionStake` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeJobs` (r:0 w:32)
	/// Proof: `InferenceMarket::NodeJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn expire_and_requeue(e: u32, ) -> Weight {
		// Proof size: measured 1146 + e × 190, estimated 16056 + e × 68553 bytes.
		// Fastest run: 3_886 ns.
		Weight::from_parts(64_506_500, 16056)
			// Standard error: 373_473.
			.saturating_add(Weight::from_parts(37_971_439, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 68553).saturating_mul(e.into()))
	}
	/// Storage: `InferenceMarket::Deadlines` (r:1 w:1)
	/// Proof: `InferenceMarket::Deadlines` (`max_values`: None, `max_size`: Some(269), added: 2744, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:32 w:32)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(66078), added: 68553, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeLoad` (r:2 w:2)
	/// Proof: `InferenceMarket::NodeLoad` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:2 w:2)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:6 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::UnappliedSlashes` (r:2 w:2)
	/// Proof: `NodeStaking::UnappliedSlashes` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::PendingSlashes` (r:2 w:2)
	/// Proof: `NodeStaking::PendingSlashes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:32 w:32)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1248), added: 3723, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::TotalEmissionStake` (r:1 w:1)
	/// Proof: `NodeStaking::TotalEmissionStake` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeJobs` (r:0 w:32)
	/// Proof: `InferenceMarket::NodeJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn expire_and_refund(e: u32, ) -> Weight {
		// Proof size: measured 2111 + e × 248, estimated 16056 + e × 68553 bytes.
		// Fastest run: 5_017 ns.
		Weight::from_parts(92_851_690, 16056)
			// Standard error: 824_967.
			.saturating_add(Weight::from_parts(83_998_587, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 68553).saturating_mul(e.into()))
	}
	/// Storage: `InferenceMarket::QueueCursor` (r:1 w:1)
	/// Proof: `InferenceMarket::QueueCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Queues` (r:33 w:32)
	/// Proof: `InferenceMarket::Queues` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::ModelNodes` (r:32 w:0)
	/// Proof: `NodeStaking::ModelNodes` (`max_values`: None, `max_size`: Some(2062), added: 4537, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:128 w:0)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:32 w:32)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(66078), added: 68553, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Deadlines` (r:1 w:1)
	/// Proof: `InferenceMarket::Deadlines` (`max_values`: None, `max_size`: Some(269), added: 2744, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::AssignmentCursor` (r:1 w:1)
	/// Proof: `InferenceMarket::AssignmentCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CapacityUsed` (r:128 w:2)
	/// Proof: `NodeStaking::CapacityUsed` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeLoad` (r:2 w:2)
	/// Proof: `InferenceMarket::NodeLoad` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeJobs` (r:0 w:32)
	/// Proof: `InferenceMarket::NodeJobs` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn assign_queued(s: u32, ) -> Weight {
		// Proof size: measured 6356 + s × 524, estimated 160278 + s × 68553 bytes.
		// Fastest run: 13_129 ns.
		Weight::from_parts(226_289_583, 160278)
			// Standard error: 2_498_101.
			.saturating_add(Weight::from_parts(755_644_983, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(108_u64))
			.saturating_add(T::DbWeight::get().reads((10_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 68553).saturating_mul(s.into()))
	}
	/// Storage: `InferenceMarket::QueueCursor` (r:1 w:1)
	/// Proof: `InferenceMarket::QueueCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Queues` (r:33 w:32)
	/// Proof: `InferenceMarket::Queues` (`max_values`: None, `max_size`: Some(8206), added: 10681, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::CurrentEpoch` (r:1 w:0)
	/// Proof: `NodeStaking::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::ModelNodes` (r:32 w:0)
	/// Proof: `NodeStaking::ModelNodes` (`max_values`: None, `max_size`: Some(2062), added: 4537, mode: `MaxEncodedLen`)
	/// Storage: `NodeStaking::Nodes` (r:128 w:0)
	/// Proof: `NodeStaking::Nodes` (`max_values`: None, `max_size`: Some(325), added: 2800, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:32 w:32)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(66078), added: 68553, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:32 w:32)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1248), added: 3723, mode: `MaxEncodedLen`)
	fn time_out_queued(s: u32, ) -> Weight {
		// Proof size: measured 7479 + s × 577, estimated 160278 + s × 68553 bytes.
		// Fastest run: 9_854 ns.
		Weight::from_parts(106_109_571, 160278)
			// Standard error: 637_538.
			.saturating_add(Weight::from_parts(222_675_490, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(55_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 68553).saturating_mul(s.into()))
	}
}

/// The same measured weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn submit_inference(i: u32, ) -> Weight {
		Weight::from_parts(225_556_313, 11671)
			.saturating_add(Weight::from_parts(7_864, 0).saturating_mul(i.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn cancel() -> Weight {
		Weight::from_parts(160_609_000, 69543)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_result(i: u32, o: u32, ) -> Weight {
		Weight::from_parts(282_118_906, 69543)
			.saturating_add(Weight::from_parts(49_094, 0).saturating_mul(i.into()))
			.saturating_add(Weight::from_parts(56_404, 0).saturating_mul(o.into()))
			.saturating_add(RocksDbWeight::get().reads(15_u64))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
	}
	fn submit_results(b: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000_000, 0).saturating_mul(b.into()))
	}
	fn remove_job() -> Weight {
		Weight::from_parts(110_294_000, 69543)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn expire_and_requeue(e: u32, ) -> Weight {
		Weight::from_parts(64_506_500, 16056)
			.saturating_add(Weight::from_parts(37_971_439, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 68553).saturating_mul(e.into()))
	}
	fn expire_and_refund(e: u32, ) -> Weight {
		Weight::from_parts(92_851_690, 16056)
			.saturating_add(Weight::from_parts(83_998_587, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 68553).saturating_mul(e.into()))
	}
	fn assign_queued(s: u32, ) -> Weight {
		Weight::from_parts(226_289_583, 160278)
			.saturating_add(Weight::from_parts(755_644_983, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(108_u64))
			.saturating_add(RocksDbWeight::get().reads((10_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 68553).saturating_mul(s.into()))
	}
	fn time_out_queued(s: u32, ) -> Weight {
		Weight::from_parts(106_109_571, 160278)
			.saturating_add(Weight::from_parts(222_675_490, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(55_u64))
			.saturating_add(RocksDbWeight::get().reads((7_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 68553).saturating_mul(s.into()))
	}
}
