//! Weights of `pallet_proof_verifier`, measured by its benchmarks. Do not edit: regenerate with
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

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// The weight of each call and benchmarked function of `pallet_proof_verifier`.
pub trait WeightInfo {
	/// Weight of `register_vk`, by `n`, `w`.
	fn register_vk(n: u32, w: u32, ) -> Weight;
	/// Weight of `unregister_vk`.
	fn unregister_vk() -> Weight;
	/// Weight of `submit_proof`, by `n`, `w`.
	fn submit_proof(n: u32, w: u32, ) -> Weight;
	/// Weight of `verify_proof`, by `n`, `w`.
	fn verify_proof(n: u32, w: u32, ) -> Weight;
	/// Weight of `set_params`.
	fn set_params() -> Weight;
}

/// The measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Halo2Verifier::Keys` (r:1 w:1)
	/// Proof: `Halo2Verifier::Keys` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	/// Storage: `Halo2Verifier::Params` (r:1 w:0)
	/// Proof: `Halo2Verifier::Params` (`max_values`: Some(1), `max_size`: Some(162), added: 657, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `Halo2Verifier::KeyBytes` (r:0 w:1)
	/// Proof: `Halo2Verifier::KeyBytes` (`max_values`: None, `max_size`: Some(10274), added: 12749, mode: `MaxEncodedLen`)
	fn register_vk(n: u32, w: u32, ) -> Weight {
		// Proof size: measured 415, estimated 3730 bytes.
		// Fastest run: 2_006_286 ns.
		Weight::from_parts(2_990_920_912, 3730)
			// Standard error: 18_076.
			.saturating_add(Weight::from_parts(8_384, 0).saturating_mul(n.into()))
			// Standard error: 1_165_419.
			.saturating_add(Weight::from_parts(8_263_602, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Halo2Verifier::Keys` (r:1 w:1)
	/// Proof: `Halo2Verifier::Keys` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(265), added: 2740, mode: `MaxEncodedLen`)
	/// Storage: `Halo2Verifier::KeyBytes` (r:0 w:1)
	/// Proof: `Halo2Verifier::KeyBytes` (`max_values`: None, `max_size`: Some(10274), added: 12749, mode: `MaxEncodedLen`)
	fn unregister_vk() -> Weight {
		// Proof size: measured 363, estimated 3730 bytes.
		// Fastest run: 62_293 ns.
		Weight::from_parts(72_208_000, 3730)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Halo2Verifier::Keys` (r:1 w:0)
	/// Proof: `Halo2Verifier::Keys` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	/// Storage: `Halo2Verifier::KeyBytes` (r:1 w:0)
	/// Proof: `Halo2Verifier::KeyBytes` (`max_values`: None, `max_size`: Some(10274), added: 12749, mode: `MaxEncodedLen`)
	/// Storage: `Halo2Verifier::Params` (r:1 w:0)
	/// Proof: `Halo2Verifier::Params` (`max_values`: Some(1), `max_size`: Some(162), added: 657, mode: `MaxEncodedLen`)
	fn submit_proof(n: u32, w: u32, ) -> Weight {
		// Proof size: measured 1654 + w × 128, estimated 13739 bytes.
		// Fastest run: 15_247_775 ns.
		Weight::from_parts(2_768_858_777, 13739)
			// Standard error: 57_784.
			.saturating_add(Weight::from_parts(6_635_671, 0).saturating_mul(n.into()))
			// Standard error: 3_725_404.
			.saturating_add(Weight::from_parts(215_869_125, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	/// Storage: `Halo2Verifier::Keys` (r:1 w:0)
	/// Proof: `Halo2Verifier::Keys` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	/// Storage: `Halo2Verifier::KeyBytes` (r:1 w:0)
	/// Proof: `Halo2Verifier::KeyBytes` (`max_values`: None, `max_size`: Some(10274), added: 12749, mode: `MaxEncodedLen`)
	/// Storage: `Halo2Verifier::Params` (r:1 w:0)
	/// Proof: `Halo2Verifier::Params` (`max_values`: Some(1), `max_size`: Some(162), added: 657, mode: `MaxEncodedLen`)
	fn verify_proof(n: u32, w: u32, ) -> Weight {
		// Proof size: measured 1654 + w × 128, estimated 13739 bytes.
		// Fastest run: 14_826_818 ns.
		Weight::from_parts(3_919_178_088, 13739)
			// Standard error: 55_081.
			.saturating_add(Weight::from_parts(6_619_355, 0).saturating_mul(n.into()))
			// Standard error: 3_551_145.
			.saturating_add(Weight::from_parts(207_812_986, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	/// Storage: `Halo2Verifier::ParamsHash` (r:0 w:1)
	/// Proof: `Halo2Verifier::ParamsHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Halo2Verifier::Params` (r:0 w:1)
	/// Proof: `Halo2Verifier::Params` (`max_values`: Some(1), `max_size`: Some(162), added: 657, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof size: measured 0, estimated 0 bytes.
		// Fastest run: 1_172_445 ns.
		Weight::from_parts(1_196_842_000, 0)
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same measured weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_vk(n: u32, w: u32, ) -> Weight {
		Weight::from_parts(2_990_920_912, 3730)
			.saturating_add(Weight::from_parts(8_384, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(8_263_602, 0).saturating_mul(w.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn unregister_vk() -> Weight {
		Weight::from_parts(72_208_000, 3730)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn submit_proof(n: u32, w: u32, ) -> Weight {
		Weight::from_parts(2_768_858_777, 13739)
			.saturating_add(Weight::from_parts(6_635_671, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(215_869_125, 0).saturating_mul(w.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn verify_proof(n: u32, w: u32, ) -> Weight {
		Weight::from_parts(3_919_178_088, 13739)
			.saturating_add(Weight::from_parts(6_619_355, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(207_812_986, 0).saturating_mul(w.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(1_196_842_000, 0)
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
