//! Weights of `pallet_proof_verifier`, measured by its benchmarks. Do not edit: regenerate with
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
//! pallet_proof_verifier
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

/// The weight of each call and benchmarked function of `pallet_proof_verifier`.
pub trait WeightInfo {
	/// Weight of `register_vk`, by `n`.
	fn register_vk(n: u32, ) -> Weight;
	/// Weight of `register_vk_width`, by `w`.
	fn register_vk_width(w: u32, ) -> Weight;
	/// Weight of `register_vk_rows`, by `k`.
	fn register_vk_rows(k: u32, ) -> Weight;
	/// Weight of `unregister_vk`.
	fn unregister_vk() -> Weight;
	/// Weight of `submit_proof`, by `n`.
	fn submit_proof(n: u32, ) -> Weight;
	/// Weight of `verify_proof`, by `n`.
	fn verify_proof(n: u32, ) -> Weight;
	/// Weight of `verify_proof_width`, by `w`.
	fn verify_proof_width(w: u32, ) -> Weight;
	/// Weight of `verify_batch`, by `b`.
	fn verify_batch(b: u32, ) -> Weight;
	/// Weight of `verify_batch_width`, by `w`.
	fn verify_batch_width(w: u32, ) -> Weight;
	/// Weight of `verify_batch_search`, by `b`.
	fn verify_batch_search(b: u32, ) -> Weight;
	/// Weight of `verify_batch_search_width`, by `w`.
	fn verify_batch_search_width(w: u32, ) -> Weight;
	/// Weight of `verify_proof_rows`, by `k`.
	fn verify_proof_rows(k: u32, ) -> Weight;
	/// Weight of `set_params`.
	fn set_params() -> Weight;
}

/// The measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_vk(_n: u32, ) -> Weight {
		// Proof size: measured 415, estimated 0 bytes.
		// Fastest run: 175_047 ns.
		Weight::from_parts(309_201_195, 0)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn register_vk_width(w: u32, ) -> Weight {
		// Proof size: measured 415, estimated 0 bytes.
		// Fastest run: 174_296 ns.
		Weight::from_parts(256_590_809, 0)
			// Standard error: 857_859.
			.saturating_add(Weight::from_parts(6_286_666, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn register_vk_rows(k: u32, ) -> Weight {
		// Proof size: measured 415, estimated 0 bytes.
		// Fastest run: 169_316 ns.
		Weight::from_parts(182_745_833, 0)
			// Standard error: 103_104.
			.saturating_add(Weight::from_parts(470_538, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn unregister_vk() -> Weight {
		// Proof size: measured 363, estimated 0 bytes.
		// Fastest run: 71_824 ns.
		Weight::from_parts(76_213_000, 0)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn submit_proof(n: u32, ) -> Weight {
		// Proof size: measured 1782, estimated 0 bytes.
		// Fastest run: 2_969_872 ns.
		Weight::from_parts(3_841_006_957, 0)
			// Standard error: 7_559.
			.saturating_add(Weight::from_parts(385_253, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn verify_proof(n: u32, ) -> Weight {
		// Proof size: measured 1782, estimated 0 bytes.
		// Fastest run: 2_824_351 ns.
		Weight::from_parts(3_673_185_885, 0)
			// Standard error: 8_078.
			.saturating_add(Weight::from_parts(414_209, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn verify_proof_width(w: u32, ) -> Weight {
		// Proof size: measured 1654 + w × 128, estimated 0 bytes.
		// Fastest run: 2_798_582 ns.
		Weight::from_parts(3_124_372_779, 0)
			// Standard error: 888_053.
			.saturating_add(Weight::from_parts(90_654_568, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn verify_batch(b: u32, ) -> Weight {
		// Proof size: measured 1782, estimated 0 bytes.
		// Fastest run: 3_213_016 ns.
		Weight::from_parts(4_370_426_761, 0)
			// Standard error: 12_300_450.
			.saturating_add(Weight::from_parts(863_968_177, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn verify_batch_width(w: u32, ) -> Weight {
		// Proof size: measured 1654 + w × 128, estimated 0 bytes.
		// Fastest run: 17_992_105 ns.
		Weight::from_parts(19_003_015_095, 0)
			// Standard error: 19_018_872.
			.saturating_add(Weight::from_parts(1_265_921_660, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn verify_batch_search(b: u32, ) -> Weight {
		// Proof size: measured 1782, estimated 0 bytes.
		// Fastest run: 54_562_800 ns.
		Weight::from_parts(94_263_504_334, 0)
			// Standard error: 26_439_593.
			.saturating_add(Weight::from_parts(1_393_954_066, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn verify_batch_search_width(w: u32, ) -> Weight {
		// Proof size: measured 1654 + w × 128, estimated 0 bytes.
		// Fastest run: 62_730_298 ns.
		Weight::from_parts(71_006_121_538, 0)
			// Standard error: 36_882_438.
			.saturating_add(Weight::from_parts(2_636_261_429, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn verify_proof_rows(k: u32, ) -> Weight {
		// Proof size: measured 1782, estimated 0 bytes.
		// Fastest run: 2_850_299 ns.
		Weight::from_parts(4_073_394_900, 0)
			// Standard error: 2_381_873.
			.saturating_add(Weight::from_parts(1_947_750, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn set_params() -> Weight {
		// Proof size: measured 0, estimated 0 bytes.
		// Fastest run: 1_323_489 ns.
		Weight::from_parts(1_449_074_000, 0)
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same measured weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_vk(_n: u32, ) -> Weight {
		Weight::from_parts(309_201_195, 0)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn register_vk_width(w: u32, ) -> Weight {
		Weight::from_parts(256_590_809, 0)
			.saturating_add(Weight::from_parts(6_286_666, 0).saturating_mul(w.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn register_vk_rows(k: u32, ) -> Weight {
		Weight::from_parts(182_745_833, 0)
			.saturating_add(Weight::from_parts(470_538, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn unregister_vk() -> Weight {
		Weight::from_parts(76_213_000, 0)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn submit_proof(n: u32, ) -> Weight {
		Weight::from_parts(3_841_006_957, 0)
			.saturating_add(Weight::from_parts(385_253, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn verify_proof(n: u32, ) -> Weight {
		Weight::from_parts(3_673_185_885, 0)
			.saturating_add(Weight::from_parts(414_209, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn verify_proof_width(w: u32, ) -> Weight {
		Weight::from_parts(3_124_372_779, 0)
			.saturating_add(Weight::from_parts(90_654_568, 0).saturating_mul(w.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn verify_batch(b: u32, ) -> Weight {
		Weight::from_parts(4_370_426_761, 0)
			.saturating_add(Weight::from_parts(863_968_177, 0).saturating_mul(b.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn verify_batch_width(w: u32, ) -> Weight {
		Weight::from_parts(19_003_015_095, 0)
			.saturating_add(Weight::from_parts(1_265_921_660, 0).saturating_mul(w.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn verify_batch_search(b: u32, ) -> Weight {
		Weight::from_parts(94_263_504_334, 0)
			.saturating_add(Weight::from_parts(1_393_954_066, 0).saturating_mul(b.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn verify_batch_search_width(w: u32, ) -> Weight {
		Weight::from_parts(71_006_121_538, 0)
			.saturating_add(Weight::from_parts(2_636_261_429, 0).saturating_mul(w.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn verify_proof_rows(k: u32, ) -> Weight {
		Weight::from_parts(4_073_394_900, 0)
			.saturating_add(Weight::from_parts(1_947_750, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(1_449_074_000, 0)
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
