//! Weights of `pallet_inference_market`, measured by its benchmarks. Do not edit: regenerate with
//! `scripts/benchmark.sh` (see `pallets/benchmarking/README.md`).
//!
//! Measured 2026-12-07 on `vm` (AMD EPYC) with benchmark CLI 64.0.0:
//! 20 steps, 5 repeats, `Compiled` wasm execution.
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
//! 20
//! --repeat
//! 5
//! --wasm-execution
//! compiled
//! --output-analysis
//! max
//! --template
//! pallets/benchmarking/weight-template.hbs
//! --output
//! /root/.cache/zkinfer-target/benchmark-weights/pallet
//! --json-input
//! /root/.cache/zkinfer-target/benchmark-weights/results.json

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
	fn submit_inference(i: u32, ) -> Weight {
		// Proof size: measured 1407, estimated 0 bytes.
		// Fastest run: 236_521 ns.
		Weight::from_parts(275_050_654, 0)
			// Standard error: 1_240.
			.saturating_add(Weight::from_parts(8_811, 0).saturating_mul(i.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn cancel() -> Weight {
		// Proof size: measured 10354, estimated 0 bytes.
		// Fastest run: 150_190 ns.
		Weight::from_parts(177_050_000, 0)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_result(i: u32, o: u32, ) -> Weight {
		// Proof size: measured 2524 + i × 8, estimated 0 bytes.
		// Fastest run: 531_763 ns.
		Weight::from_parts(631_257_873, 0)
			// Standard error: 9_604.
			.saturating_add(Weight::from_parts(85_701, 0).saturating_mul(i.into()))
			// Standard error: 9_604.
			.saturating_add(Weight::from_parts(75_597, 0).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
	}
	fn submit_results(b: u32, ) -> Weight {
		// Proof size: measured 6569 + b × 261, estimated 0 bytes.
		// Fastest run: 279_332 ns.
		Weight::from_parts(4_434_886_739, 0)
			// Standard error: 2_702_708.
			.saturating_add(Weight::from_parts(52_032_193, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(58_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(53_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(b.into())))
	}
	fn remove_job() -> Weight {
		// Proof size: measured 33792, estimated 0 bytes.
		// Fastest run: 114_985 ns.
		Weight::from_parts(174_596_000, 0)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn expire_and_requeue(e: u32, ) -> Weight {
		// Proof size: measured 1145 + e × 190, estimated 0 bytes.
		// Fastest run: 6_862 ns.
		Weight::from_parts(41_761_000, 0)
			// Standard error: 1_374_326.
			.saturating_add(Weight::from_parts(64_350_560, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(e.into())))
	}
	fn expire_and_refund(e: u32, ) -> Weight {
		// Proof size: measured 1772 + e × 251, estimated 0 bytes.
		// Fastest run: 6_201 ns.
		Weight::from_parts(296_988_610, 0)
			// Standard error: 5_572_408.
			.saturating_add(Weight::from_parts(121_749_871, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(e.into())))
	}
	fn assign_queued(s: u32, ) -> Weight {
		// Proof size: measured 6287 + s × 538, estimated 0 bytes.
		// Fastest run: 14_377 ns.
		Weight::from_parts(234_230_210, 0)
			// Standard error: 34_524_277.
			.saturating_add(Weight::from_parts(1_119_081_263, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(106_u64))
			.saturating_add(T::DbWeight::get().reads((10_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(s.into())))
	}
	fn time_out_queued(s: u32, ) -> Weight {
		// Proof size: measured 7077 + s × 593, estimated 0 bytes.
		// Fastest run: 14_908 ns.
		Weight::from_parts(823_622_810, 0)
			// Standard error: 13_507_583.
			.saturating_add(Weight::from_parts(403_295_571, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(55_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(s.into())))
	}
}

/// The same measured weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn submit_inference(i: u32, ) -> Weight {
		Weight::from_parts(275_050_654, 0)
			.saturating_add(Weight::from_parts(8_811, 0).saturating_mul(i.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn cancel() -> Weight {
		Weight::from_parts(177_050_000, 0)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_result(i: u32, o: u32, ) -> Weight {
		Weight::from_parts(631_257_873, 0)
			.saturating_add(Weight::from_parts(85_701, 0).saturating_mul(i.into()))
			.saturating_add(Weight::from_parts(75_597, 0).saturating_mul(o.into()))
			.saturating_add(RocksDbWeight::get().reads(14_u64))
			.saturating_add(RocksDbWeight::get().writes(11_u64))
	}
	fn submit_results(b: u32, ) -> Weight {
		Weight::from_parts(4_434_886_739, 0)
			.saturating_add(Weight::from_parts(52_032_193, 0).saturating_mul(b.into()))
			.saturating_add(RocksDbWeight::get().reads(58_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(RocksDbWeight::get().writes(53_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(b.into())))
	}
	fn remove_job() -> Weight {
		Weight::from_parts(174_596_000, 0)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn expire_and_requeue(e: u32, ) -> Weight {
		Weight::from_parts(41_761_000, 0)
			.saturating_add(Weight::from_parts(64_350_560, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(e.into())))
	}
	fn expire_and_refund(e: u32, ) -> Weight {
		Weight::from_parts(296_988_610, 0)
			.saturating_add(Weight::from_parts(121_749_871, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(e.into())))
	}
	fn assign_queued(s: u32, ) -> Weight {
		Weight::from_parts(234_230_210, 0)
			.saturating_add(Weight::from_parts(1_119_081_263, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(106_u64))
			.saturating_add(RocksDbWeight::get().reads((10_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(s.into())))
	}
	fn time_out_queued(s: u32, ) -> Weight {
		Weight::from_parts(823_622_810, 0)
			.saturating_add(Weight::from_parts(403_295_571, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(55_u64))
			.saturating_add(RocksDbWeight::get().reads((7_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(s.into())))
	}
}
