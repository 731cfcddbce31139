//! Weights of `pallet_node_staking` (provisional until `scripts/benchmark.sh` regenerates it).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// The weight of each call and benchmarked function of `pallet_node_staking`.
pub trait WeightInfo {
	/// Weight of `register_node`, by `m`.
	fn register_node(m: u32, ) -> Weight;
	/// Weight of `update_node`, by `m`.
	fn update_node(m: u32, ) -> Weight;
	/// Weight of `unregister_node`.
	fn unregister_node() -> Weight;
	/// Weight of `join_pool`.
	fn join_pool() -> Weight;
	/// Weight of `leave_pool`.
	fn leave_pool() -> Weight;
	/// Weight of `withdraw_unbonded_node`.
	fn withdraw_unbonded_node() -> Weight;
	/// Weight of `withdraw_unbonded_member`, by `c`.
	fn withdraw_unbonded_member(c: u32, ) -> Weight;
	/// Weight of `claim_rewards`.
	fn claim_rewards() -> Weight;
	/// Weight of `cancel_slash`.
	fn cancel_slash() -> Weight;
	/// Weight of `on_initialize_idle`.
	fn on_initialize_idle() -> Weight;
	/// Weight of `on_initialize_new_epoch`.
	fn on_initialize_new_epoch() -> Weight;
	/// Weight of `on_initialize_next_slash_epoch`.
	fn on_initialize_next_slash_epoch() -> Weight;
	/// Weight of `on_initialize_apply_slash`, by `s`.
	fn on_initialize_apply_slash(s: u32, ) -> Weight;
}

/// The measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_node(m: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn update_node(m: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn unregister_node() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn join_pool() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn leave_pool() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn withdraw_unbonded_node() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn withdraw_unbonded_member(c: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn claim_rewards() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn on_initialize_new_epoch() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn on_initialize_next_slash_epoch() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn on_initialize_apply_slash(s: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
}

impl WeightInfo for () {
	fn register_node(m: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn update_node(m: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn unregister_node() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn join_pool() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn leave_pool() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn withdraw_unbonded_node() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn withdraw_unbonded_member(c: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn claim_rewards() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn on_initialize_new_epoch() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn on_initialize_next_slash_epoch() -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn on_initialize_apply_slash(s: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
}
