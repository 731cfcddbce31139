//! Weights of `pallet_proof_verifier`, measured by its benchmarks. Do not edit: regenerate with
//! `scripts/benchmark.sh` (see `pallets/benchmarking/README.md`).
//!
//! Measured 2026-12-02 on `vm` (AMD EPYC) with benchmark CLI 64.0.0:
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
//! pallet_proof_verifier
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
//! --json-input
//! /root/.cache/zkinfer-target/benchmark-weights/results.json

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// The weight of each call and benchmarked function of `pallet_proof_verifier`.
pub trait WeightInfo {
	/// Weight of `register_vk`, by `n`, `w`.
	fn register_vk(n: u32, w: u32, ) -> Weight;
	/// Weight of `register_vk_rows`, by `k`.
	fn register_vk_rows(k: u32, ) -> Weight;
	/// Weight of `unregister_vk`.
	fn unregister_vk() -> Weight;
	/// Weight of `submit_proof`, by `n`, `w`.
	fn submit_proof(n: u32, w: u32, ) -> Weight;
	/// Weight of `verify_proof`, by `n`, `w`.
	fn verify_proof(n: u32, w: u32, ) -> Weight;
	/// Weight of `verify_proof_rows`, by `k`.
	fn verify_proof_rows(k: u32, ) -> Weight;
	/// Weight of `set_params`.
	fn set_params() -> Weight;
}

/// The measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_vk(_n: u32, w: u32, ) -> Weight {
		// Proof size: measured 415, estimated 0 bytes.
		// Fastest run: 132_347 ns.
		Weight::from_parts(240_933_546, 0)
			// Standard error: 127_969.
			.saturating_add(Weight::from_parts(4_719_273, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn register_vk_rows(k: u32, ) -> Weight {
		// Proof size: measured 415, estimated 0 bytes.
		// Fastest run: 128_421 ns.
		Weight::from_parts(133_493_262, 0)
			// Standard error: 6_327.
			.saturating_add(Weight::from_parts(14_120, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn unregister_vk() -> Weight {
		// Proof size: measured 363, estimated 0 bytes.
		// Fastest run: 56_884 ns.
		Weight::from_parts(59_899_000, 0)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn submit_proof(n: u32, w: u32, ) -> Weight {
		// Proof size: measured 1654 + w × 128, estimated 0 bytes.
		// Fastest run: 10_791_452 ns.
		Weight::from_parts(11_712_453_000, 0)
			// Standard error: 101_450.
			.saturating_add(Weight::from_parts(3_954_479, 0).saturating_mul(n.into()))
			// Standard error: 6_496_633.
			.saturating_add(Weight::from_parts(155_966_894, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn verify_proof(n: u32, w: u32, ) -> Weight {
		// Proof size: measured 1654 + w × 128, estimated 0 bytes.
		// Fastest run: 10_827_556 ns.
		Weight::from_parts(11_980_021_000, 0)
			// Standard error: 95_505.
			.saturating_add(Weight::from_parts(3_536_270, 0).saturating_mul(n.into()))
			// Standard error: 6_115_949.
			.saturating_add(Weight::from_parts(167_030_291, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn verify_proof_rows(k: u32, ) -> Weight {
		// Proof size: measured 1782, estimated 0 bytes.
		// Fastest run: 3_050_200 ns.
		Weight::from_parts(3_665_957_333, 0)
			// Standard error: 2_534_214.
			.saturating_add(Weight::from_parts(5_361_850, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	fn set_params() -> Weight {
		// Proof size: measured 0, estimated 0 bytes.
		// Fastest run: 1_145_084 ns.
		Weight::from_parts(1_163_332_000, 0)
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same measured weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_vk(_n: u32, w: u32, ) -> Weight {
		Weight::from_parts(240_933_546, 0)
			.saturating_add(Weight::from_parts(4_719_273, 0).saturating_mul(w.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn register_vk_rows(k: u32, ) -> Weight {
		Weight::from_parts(133_493_262, 0)
			.saturating_add(Weight::from_parts(14_120, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn unregister_vk() -> Weight {
		Weight::from_parts(59_899_000, 0)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn submit_proof(n: u32, w: u32, ) -> Weight {
		Weight::from_parts(11_712_453_000, 0)
			.saturating_add(Weight::from_parts(3_954_479, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(155_966_894, 0).saturating_mul(w.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn verify_proof(n: u32, w: u32, ) -> Weight {
		Weight::from_parts(11_980_021_000, 0)
			.saturating_add(Weight::from_parts(3_536_270, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(167_030_291, 0).saturating_mul(w.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn verify_proof_rows(k: u32, ) -> Weight {
		Weight::from_parts(3_665_957_333, 0)
			.saturating_add(Weight::from_parts(5_361_850, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(1_163_332_000, 0)
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
