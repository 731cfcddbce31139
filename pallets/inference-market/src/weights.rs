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
	/// Storage: `InferenceMarket::NextJobId` (r:1 w:1)
	/// Proof: `InferenceMarket::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Queue` (r:1 w:1)
	/// Proof: `InferenceMarket::Queue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:0 w:1)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	fn submit_inference(i: u32, ) -> Weight {
		// Proof size: measured 511, estimated 9679 bytes.
		// Fastest run: 86_890 ns.
		Weight::from_parts(89_644_663, 9679)
			// Standard error: 23.
			.saturating_add(Weight::from_parts(2_425, 0).saturating_mul(i.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `InferenceMarket::Jobs` (r:1 w:1)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Queue` (r:1 w:1)
	/// Proof: `InferenceMarket::Queue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	fn cancel() -> Weight {
		// Proof size: measured 10027, estimated 69190 bytes.
		// Fastest run: 67_830 ns.
		Weight::from_parts(82_460_000, 69190)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `InferenceMarket::Jobs` (r:1 w:1)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:4 w:4)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::RequesterInferences` (r:1 w:1)
	/// Proof: `ModelRegistry::RequesterInferences` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Usage` (r:1 w:1)
	/// Proof: `ModelRegistry::Usage` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeJobs` (r:0 w:1)
	/// Proof: `InferenceMarket::NodeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn submit_result(i: u32, o: u32, ) -> Weight {
		// Proof size: measured 1697 + i × 8, estimated 69190 bytes.
		// Fastest run: 264_930 ns.
		Weight::from_parts(129_504_100, 69190)
			// Standard error: 53.
			.saturating_add(Weight::from_parts(34_922, 0).saturating_mul(i.into()))
			// Standard error: 53.
			.saturating_add(Weight::from_parts(37_249, 0).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `InferenceMarket::Jobs` (r:1 w:1)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	fn remove_job() -> Weight {
		// Proof size: measured 33258, estimated 69190 bytes.
		// Fastest run: 49_680 ns.
		Weight::from_parts(51_220_000, 69190)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `InferenceMarket::Deadlines` (r:1 w:1)
	/// Proof: `InferenceMarket::Deadlines` (`max_values`: None, `max_size`: Some(269), added: 2744, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:32 w:32)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Queue` (r:1 w:1)
	/// Proof: `InferenceMarket::Queue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeJobs` (r:0 w:32)
	/// Proof: `InferenceMarket::NodeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn expire_and_requeue(e: u32, ) -> Weight {
		// Proof size: measured 272 + e × 60, estimated 9679 + e × 68200 bytes.
		// Fastest run: 2_310 ns.
		Weight::from_parts(13_184_375, 9679)
			// Standard error: 18_814.
			.saturating_add(Weight::from_parts(14_599_149, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(e.into()))
	}
	/// Storage: `InferenceMarket::Deadlines` (r:1 w:1)
	/// Proof: `InferenceMarket::Deadlines` (`max_values`: None, `max_size`: Some(269), added: 2744, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:32 w:32)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::NodeJobs` (r:0 w:32)
	/// Proof: `InferenceMarket::NodeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn expire_and_refund(e: u32, ) -> Weight {
		// Proof size: measured 834 + e × 60, estimated 4697 + e × 68200 bytes.
		// Fastest run: 2_350 ns.
		Weight::from_parts(29_902_688, 4697)
			// Standard error: 57_835.
			.saturating_add(Weight::from_parts(45_469_133, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(e.into()))
	}
	/// Storage: `InferenceMarket::Queue` (r:1 w:1)
	/// Proof: `InferenceMarket::Queue` (`max_values`: Some(1), `max_size`: Some(8194), added: 8689, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::Jobs` (r:32 w:32)
	/// Proof: `InferenceMarket::Jobs` (`max_values`: None, `max_size`: Some(65725), added: 68200, mode: `MaxEncodedLen`)
	/// Storage: `Session::Validators` (r:1 w:0)
	/// Proof: `Session::Validators` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: `InferenceMarket::Deadlines` (r:1 w:1)
	/// Proof: `InferenceMarket::Deadlines` (`max_values`: None, `max_size`: Some(269), added: 2744, mode: `MaxEncodedLen`)
	/// Storage: `InferenceMarket::AssignmentCursor` (r:1 w:1)
	/// Proof: `InferenceMarket::AssignmentCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Session::CurrentIndex` (r:1 w:0)
	/// Proof: `Session::CurrentIndex` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: UNKNOWN KEY `0x8b06e3fdba9b253090377facb4e0225154b6b386b87f619c674818979c7d25d9` (r:64 w:1)
	/// Proof: UNKNOWN KEY `0x8b06e3fdba9b253090377facb4e0225154b6b386b87f619c674818979c7d25d9` (r:64 w:1)
	/// Storage: `InferenceMarket::NodeJobs` (r:0 w:32)
	/// Proof: `InferenceMarket::NodeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn assign_queued(s: u32, ) -> Weight {
		// Proof size: measured 6573 + s × 60, estimated 165963 + s × 68200 bytes.
		// Fastest run: 1_490 ns.
		Weight::from_parts(1_600_000, 165963)
			// Standard error: 111_867.
			.saturating_add(Weight::from_parts(198_812_333, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(69_u64))
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	fn time_out_queued(s: u32, ) -> Weight {
		// Proof size: measured 712 + s × 60, estimated 9679 + s × 68200 bytes.
		// Fastest run: 1_490 ns.
		Weight::from_parts(20_459_333, 9679)
			// Standard error: 32_792.
			.saturating_add(Weight::from_parts(36_905_443, 0).saturating_mul(s.into()))
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
		Weight::from_parts(89_644_663, 9679)
			.saturating_add(Weight::from_parts(2_425, 0).saturating_mul(i.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn cancel() -> Weight {
		Weight::from_parts(82_460_000, 69190)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_result(i: u32, o: u32, ) -> Weight {
		Weight::from_parts(129_504_100, 69190)
			.saturating_add(Weight::from_parts(34_922, 0).saturating_mul(i.into()))
			.saturating_add(Weight::from_parts(37_249, 0).saturating_mul(o.into()))
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn remove_job() -> Weight {
		Weight::from_parts(51_220_000, 69190)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn expire_and_requeue(e: u32, ) -> Weight {
		Weight::from_parts(13_184_375, 9679)
			.saturating_add(Weight::from_parts(14_599_149, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(e.into()))
	}
	fn expire_and_refund(e: u32, ) -> Weight {
		Weight::from_parts(29_902_688, 4697)
			.saturating_add(Weight::from_parts(45_469_133, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(e.into()))
	}
	fn assign_queued(s: u32, ) -> Weight {
		Weight::from_parts(1_600_000, 165963)
			.saturating_add(Weight::from_parts(198_812_333, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(69_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(s.into()))
	}
	fn time_out_queued(s: u32, ) -> Weight {
		Weight::from_parts(20_459_333, 9679)
			.saturating_add(Weight::from_parts(36_905_443, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 68200).saturating_mul(s.into()))
	}
}
