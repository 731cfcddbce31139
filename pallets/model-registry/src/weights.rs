//! Weights of `pallet_model_registry`. Replaced by `scripts/benchmark.sh`.

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
}

impl WeightInfo for () {
	fn register_model(_m: u32, ) -> Weight { Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6)) }
	fn update_metadata(_m: u32, ) -> Weight { Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(3, 3)) }
	fn retire_model() -> Weight { Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(4, 4)) }
	fn transfer_ownership() -> Weight { Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(1, 1)) }
	fn accept_ownership() -> Weight { Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(4, 4)) }
}
