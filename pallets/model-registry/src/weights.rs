//! Weights of `pallet_model_registry`, measured by its benchmarks. Do not edit: regenerate with
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
//! pallet_model_registry
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

/// The weight of each call and benchmarked function of `pallet_model_registry`.
pub trait WeightInfo {
	/// Weight of `register_model`, by `m`.
	fn register_model(m: u32, ) -> Weight;
	/// Weight of `update_metadata`, by `m`.
	fn update_metadata(m: u32, ) -> Weight;
	/// Weight of `retire_model`.
	fn retire_model() -> Weight;
	/// Weight of `transfer_ownership`.
	fn transfer_ownership() -> Weight;
	/// Weight of `accept_ownership`.
	fn accept_ownership() -> Weight;
	/// See `benchmarking.rs`.
	fn remove_usage_record() -> Weight;
}

/// The measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Halo2Verifier::Keys` (r:1 w:1)
	/// Proof: `Halo2Verifier::Keys` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::NextModelId` (r:1 w:1)
	/// Proof: `ModelRegistry::NextModelId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:0 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	fn register_model(m: u32, ) -> Weight {
		// Proof size: measured 570, estimated 6196 bytes.
		// Fastest run: 85_300 ns.
		Weight::from_parts(93_476_358, 6196)
			// Standard error: 36.
			.saturating_add(Weight::from_parts(452, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	fn update_metadata(m: u32, ) -> Weight {
		// Proof size: measured 1464, estimated 4697 bytes.
		// Fastest run: 12_410 ns.
		Weight::from_parts(49_258_628, 4697)
			// Standard error: 142.
			.saturating_add(Weight::from_parts(271, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `Halo2Verifier::Keys` (r:1 w:1)
	/// Proof: `Halo2Verifier::Keys` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::OwnershipOffers` (r:0 w:1)
	/// Proof: `ModelRegistry::OwnershipOffers` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn retire_model() -> Weight {
		// Proof size: measured 1691, estimated 4697 bytes.
		// Fastest run: 49_480 ns.
		Weight::from_parts(53_870_000, 4697)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `ModelRegistry::Models` (r:1 w:0)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::OwnershipOffers` (r:0 w:1)
	/// Proof: `ModelRegistry::OwnershipOffers` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn transfer_ownership() -> Weight {
		// Proof size: measured 1268, estimated 4697 bytes.
		// Fastest run: 10_110 ns.
		Weight::from_parts(11_500_000, 4697)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ModelRegistry::OwnershipOffers` (r:1 w:1)
	/// Proof: `ModelRegistry::OwnershipOffers` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `ModelRegistry::Models` (r:1 w:1)
	/// Proof: `ModelRegistry::Models` (`max_values`: None, `max_size`: Some(1232), added: 3707, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	fn accept_ownership() -> Weight {
		// Proof size: measured 1669, estimated 6434 bytes.
		// Fastest run: 81_060 ns.
		Weight::from_parts(90_150_000, 6434)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn remove_usage_record() -> Weight {
		Weight::from_parts(53_870_000, 4697)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// The same measured weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_model(m: u32, ) -> Weight {
		Weight::from_parts(93_476_358, 6196)
			.saturating_add(Weight::from_parts(452, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn update_metadata(m: u32, ) -> Weight {
		Weight::from_parts(49_258_628, 4697)
			.saturating_add(Weight::from_parts(271, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn retire_model() -> Weight {
		Weight::from_parts(53_870_000, 4697)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn transfer_ownership() -> Weight {
		Weight::from_parts(11_500_000, 4697)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn accept_ownership() -> Weight {
		Weight::from_parts(90_150_000, 6434)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn remove_usage_record() -> Weight {
		Weight::from_parts(53_870_000, 4697)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
}
