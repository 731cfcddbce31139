//! Weights of `pallet_inference_market`. Replaced by `scripts/benchmark.sh`.

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

impl WeightInfo for () {
	fn submit_inference(i: u32, ) -> Weight { Weight::from_parts(100_000_000 + 10_000 * i as u64, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6)) }
	fn cancel() -> Weight { Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(4, 4)) }
	fn submit_result(i: u32, o: u32, ) -> Weight { Weight::from_parts(100_000_000 + 10_000 * (i + o) as u64, 10_000).saturating_add(RocksDbWeight::get().reads_writes(8, 8)) }
	fn remove_job() -> Weight { Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(2, 2)) }
	fn expire_and_requeue(e: u32, ) -> Weight { Weight::from_parts(10_000_000 + 50_000_000 * e as u64, 10_000).saturating_add(RocksDbWeight::get().reads_writes(2 + 3 * e as u64, 2 + 3 * e as u64)) }
	fn expire_and_refund(e: u32, ) -> Weight { Weight::from_parts(10_000_000 + 50_000_000 * e as u64, 10_000).saturating_add(RocksDbWeight::get().reads_writes(2 + 3 * e as u64, 2 + 3 * e as u64)) }
	fn assign_queued(s: u32, ) -> Weight { Weight::from_parts(10_000_000 + 50_000_000 * s as u64, 10_000).saturating_add(RocksDbWeight::get().reads_writes(2 + 3 * s as u64, 2 + 3 * s as u64)) }
	fn time_out_queued(s: u32, ) -> Weight { Weight::from_parts(10_000_000 + 50_000_000 * s as u64, 10_000).saturating_add(RocksDbWeight::get().reads_writes(2 + 3 * s as u64, 2 + 3 * s as u64)) }
}
