//! Weights of `pallet_proof_verifier`, measured by its benchmarks. Do not edit: regenerate with
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
//! pallet_proof_verifier
//! --extrinsic
//! *
//! --steps
//! 50
//! --repeat
//! 20
//! --wasm-execution
//! compiled
//! --template
//! pallets/benchmarking/weight-template.hbs
//! --output
//! pallets/proof-verifier/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// The weight of each call and benchmarked function of `pallet_proof_verifier`.
pub trait WeightInfo {
	/// Weight of `register_vk`; `n` in `[0, 256]`.
	fn register_vk(n: u32, ) -> Weight;
	/// Weight of `unregister_vk`.
	fn unregister_vk() -> Weight;
	/// Weight of `submit_proof`; `n` in `[0, 256]`.
	fn submit_proof(n: u32, ) -> Weight;
	/// Weight of `verify_proof`; `n` in `[0, 256]`.
	fn verify_proof(n: u32, ) -> Weight;
	/// Weight of `set_params`.
	fn set_params() -> Weight;
}

/// The measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Groth16Verifier::Keys` (r:1 w:1)
	/// Proof: `Groth16Verifier::Keys` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Groth16Verifier::Params` (r:1 w:0)
	/// Proof: `Groth16Verifier::Params` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Groth16Verifier::KeyBytes` (r:0 w:1)
	/// Proof: `Groth16Verifier::KeyBytes` (`max_values`: None, `max_size`: Some(16937), added: 19412, mode: `MaxEncodedLen`)
	fn register_vk(n: u32, ) -> Weight {
		// Proof size: measured 63, estimated 3568 bytes.
		// Fastest run: 327_480 ns.
		Weight::from_parts(331_312_251, 3568)
			// Standard error: 979.
			.saturating_add(Weight::from_parts(213_585, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Groth16Verifier::Keys` (r:1 w:1)
	/// Proof: `Groth16Verifier::Keys` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Groth16Verifier::KeyBytes` (r:0 w:1)
	/// Proof: `Groth16Verifier::KeyBytes` (`max_values`: None, `max_size`: Some(16937), added: 19412, mode: `MaxEncodedLen`)
	fn unregister_vk() -> Weight {
		// Proof size: measured 265, estimated 3568 bytes.
		// Fastest run: 38_980 ns.
		Weight::from_parts(40_390_000, 3568)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Groth16Verifier::Keys` (r:1 w:0)
	/// Proof: `Groth16Verifier::Keys` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Groth16Verifier::KeyBytes` (r:1 w:0)
	/// Proof: `Groth16Verifier::KeyBytes` (`max_values`: None, `max_size`: Some(16937), added: 19412, mode: `MaxEncodedLen`)
	/// Storage: `Groth16Verifier::Params` (r:1 w:0)
	/// Proof: `Groth16Verifier::Params` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	fn submit_proof(n: u32, ) -> Weight {
		// Proof size: measured 752 + n × 64, estimated 20402 bytes.
		// Fastest run: 1_427_351 ns.
		Weight::from_parts(1_751_798_799, 20402)
			// Standard error: 35_136.
			.saturating_add(Weight::from_parts(8_898_610, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	/// Storage: `Groth16Verifier::Keys` (r:1 w:0)
	/// Proof: `Groth16Verifier::Keys` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Groth16Verifier::KeyBytes` (r:1 w:0)
	/// Proof: `Groth16Verifier::KeyBytes` (`max_values`: None, `max_size`: Some(16937), added: 19412, mode: `MaxEncodedLen`)
	/// Storage: `Groth16Verifier::Params` (r:1 w:0)
	/// Proof: `Groth16Verifier::Params` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	fn verify_proof(n: u32, ) -> Weight {
		// Proof size: measured 752 + n × 64, estimated 20402 bytes.
		// Fastest run: 1_413_471 ns.
		Weight::from_parts(1_741_948_552, 20402)
			// Standard error: 36_598.
			.saturating_add(Weight::from_parts(8_899_809, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	/// Storage: `Groth16Verifier::ParamsHash` (r:0 w:1)
	/// Proof: `Groth16Verifier::ParamsHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Groth16Verifier::Params` (r:0 w:1)
	/// Proof: `Groth16Verifier::Params` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	fn set_params() -> Weight {
		// Proof size: measured 0, estimated 0 bytes.
		// Fastest run: 5_550 ns.
		Weight::from_parts(5_870_000, 0)
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same measured weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_vk(n: u32, ) -> Weight {
		Weight::from_parts(331_312_251, 3568)
			.saturating_add(Weight::from_parts(213_585, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn unregister_vk() -> Weight {
		Weight::from_parts(40_390_000, 3568)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn submit_proof(n: u32, ) -> Weight {
		Weight::from_parts(1_751_798_799, 20402)
			.saturating_add(Weight::from_parts(8_898_610, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn verify_proof(n: u32, ) -> Weight {
		Weight::from_parts(1_741_948_552, 20402)
			.saturating_add(Weight::from_parts(8_899_809, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
	fn set_params() -> Weight {
		Weight::from_parts(5_870_000, 0)
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
