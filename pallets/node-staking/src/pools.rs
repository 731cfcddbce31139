//! Pools: stake delegated to an operator's node in points, unbonding buckets, withdrawal.
//!
//! All pool stake is held on the pallet account under `HoldReason::PoolStake`. A pool's active
//! stake is shared by its members' points; stake that leaves in epoch `e` moves into the pool's
//! bucket for `e`, shared by points of its own, so a slash of the bucket (for an offence of
//! epoch `e` or earlier that is still pending) reaches every member who left then, pro rata.

use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		Defensive,
	},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion,
};
use zkinfer_primitives::EpochIndex;

use crate::{
	pallet::{
		BalanceOf, Config, Error, Event, HoldReason, MemberOf, Members, Nodes, Pallet, PendingSlashes,
		PoolUnbonding, Pools,
	},
	rewards::mul_div,
	Member,
};

/// The balance `points` of `total_points` are worth of `balance`, rounded down.
pub fn points_to_balance<B: sp_runtime::traits::AtLeast32BitUnsigned + Copy>(points: B, total_points: B, balance: B) -> B {
	mul_div(points, balance.saturated_into::<u128>(), total_points.saturated_into::<u128>())
}

impl<T: Config> Pallet<T> {
	/// Stakes `amount` of `who` into `operator`'s pool (the call).
	pub fn do_join_pool(who: T::AccountId, operator: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!Nodes::<T>::contains_key(&who), Error::<T>::OperatorCannotJoin);
		let node = Nodes::<T>::get(&operator).ok_or(Error::<T>::NotRegistered)?;
		ensure!(node.leave.is_none(), Error::<T>::NodeLeaving);
		ensure!(amount >= T::MinJoin::get(), Error::<T>::StakeBelowMinimum);
		let mut pool = Pools::<T>::get(&operator).unwrap_or_default();
		let mut member = match Members::<T>::get(&who) {
			Some(member) => {
				ensure!(member.pool == operator, Error::<T>::MemberOfAnotherPool);
				member
			},
			None => {
				pool.members = pool.members.saturating_add(1);
				Member {
					pool: operator.clone(),
					points: Zero::zero(),
					reward_per_point_paid: pool.reward_per_point,
					rewards: Zero::zero(),
					unbonding: Default::default(),
				}
			},
		};
		let points = if pool.points.is_zero() {
			amount
		} else {
			ensure!(!pool.active.is_zero(), Error::<T>::PoolWipedOut);
			points_to_balance(amount, pool.active, pool.points)
		};
		ensure!(!points.is_zero(), Error::<T>::StakeTooSmall);
		Self::update_member_rewards_in(&pool, &mut member);
		let pot = Self::account();
		T::Currency::transfer(&who, &pot, amount, Preservation::Preserve)?;
		T::Currency::hold(&HoldReason::PoolStake.into(), &pot, amount)?;
		pool.points = pool.points.checked_add(&points).ok_or(Error::<T>::Overflow)?;
		pool.active = pool.active.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		member.points = member.points.checked_add(&points).ok_or(Error::<T>::Overflow)?;
		Pools::<T>::insert(&operator, pool);
		Members::<T>::insert(&who, member);
		Self::deposit_event(Event::PoolJoined { member: who, pool: operator, amount, points });
		Ok(())
	}

	/// Moves all of `who`'s active stake into its pool's unbonding bucket of this epoch (the
	/// call).
	pub fn do_leave_pool(who: T::AccountId) -> DispatchResult {
		let mut member = Members::<T>::get(&who).ok_or(Error::<T>::NotMember)?;
		ensure!(!member.points.is_zero(), Error::<T>::NotMember);
		let operator = member.pool.clone();
		let mut pool = Pools::<T>::get(&operator).ok_or(DispatchError::Other("a member's pool is missing"))?;
		Self::update_member_rewards_in(&pool, &mut member);
		let amount = points_to_balance(member.points, pool.points, pool.active);
		let current = Self::current_epoch();
		let mut bucket = PoolUnbonding::<T>::get(&operator, current).unwrap_or_default();
		let bucket_points =
			if bucket.points.is_zero() || bucket.balance.is_zero() { amount } else { points_to_balance(amount, bucket.balance, bucket.points) };
		match member.unbonding.iter_mut().find(|(epoch, _)| *epoch == current) {
			Some((_, points)) => *points = points.saturating_add(bucket_points),
			None => member
				.unbonding
				.try_push((current, bucket_points))
				.map_err(|_| Error::<T>::TooManyUnbondingChunks)?,
		}
		bucket.points = bucket.points.checked_add(&bucket_points).ok_or(Error::<T>::Overflow)?;
		bucket.balance = bucket.balance.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		pool.points = pool.points.saturating_sub(member.points);
		pool.active = pool.active.saturating_sub(amount);
		member.points = Zero::zero();
		PoolUnbonding::<T>::insert(&operator, current, bucket);
		Pools::<T>::insert(&operator, pool);
		Members::<T>::insert(&who, member);
		let unlocks_at = current.saturating_add(Self::unbonding_epochs());
		Self::deposit_event(Event::PoolLeft { member: who, pool: operator, amount, unlocks_at });
		Ok(())
	}

	/// Withdraws what `who` has finished unbonding, as operator or member (the call); returns
	/// the weight used.
	pub fn do_withdraw_unbonded(who: T::AccountId) -> Result<Weight, DispatchError> {
		use crate::weights::WeightInfo;
		if let Some(node) = Nodes::<T>::get(&who) {
			Self::withdraw_node(&who, node)?;
			return Ok(T::WeightInfo::withdraw_unbonded_node());
		}
		let member = Members::<T>::get(&who).ok_or(Error::<T>::NothingToWithdraw)?;
		let chunks = member.unbonding.len() as u32;
		Self::withdraw_member(&who, member)?;
		Ok(T::WeightInfo::withdraw_unbonded_member(chunks))
	}

	/// Pays `who` its unbonded chunks; removes the membership (paying its rewards) once it has
	/// nothing left.
	fn withdraw_member(who: &T::AccountId, mut member: MemberOf<T>) -> DispatchResult {
		let operator = member.pool.clone();
		let current = Self::current_epoch();
		let unbonding = Self::unbonding_epochs();
		let (ready, waiting): (alloc::vec::Vec<_>, alloc::vec::Vec<_>) =
			member.unbonding.iter().copied().partition(|(left, _)| current >= left.saturating_add(unbonding));
		ensure!(!ready.is_empty(), Error::<T>::NothingToWithdraw);
		ensure!(PendingSlashes::<T>::get(&operator) == 0, Error::<T>::SlashPending);
		let mut total = BalanceOf::<T>::zero();
		for (epoch, points) in ready {
			total = total.saturating_add(Self::take_from_bucket(&operator, epoch, points)?);
		}
		if !total.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::PoolStake.into(),
				&Self::account(),
				who,
				total,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
		}
		member.unbonding = BoundedVec::truncate_from(waiting);
		if member.points.is_zero() && member.unbonding.is_empty() {
			Self::pay_member_rewards(who, &mut member)?;
			Members::<T>::remove(who);
			Pools::<T>::mutate(&operator, |pool| {
				if let Some(pool) = pool {
					pool.members = pool.members.saturating_sub(1);
				}
			});
			Self::dissolve_pool_if_empty(&operator);
		} else {
			Members::<T>::insert(who, member);
		}
		Self::deposit_event(Event::StakeWithdrawn { member: who.clone(), pool: operator, amount: total });
		Ok(())
	}

	/// Takes `points` out of `operator`'s bucket of `epoch`; returns their balance. An emptied
	/// bucket is removed and its rounding dust released into the pot.
	fn take_from_bucket(operator: &T::AccountId, epoch: EpochIndex, points: BalanceOf<T>) -> Result<BalanceOf<T>, DispatchError> {
		let mut bucket = PoolUnbonding::<T>::get(operator, epoch).ok_or(DispatchError::Other("an unbonding chunk's bucket is missing"))?;
		let amount = points_to_balance(points, bucket.points, bucket.balance);
		bucket.points = bucket.points.checked_sub(&points).ok_or(Error::<T>::Overflow)?;
		bucket.balance = bucket.balance.checked_sub(&amount).ok_or(Error::<T>::Overflow)?;
		if bucket.points.is_zero() {
			Self::release_dust(bucket.balance)?;
			PoolUnbonding::<T>::remove(operator, epoch);
		} else {
			PoolUnbonding::<T>::insert(operator, epoch, bucket);
		}
		Ok(amount)
	}

	/// Removes `operator`'s pool once it has no members and no node: its leftover active stake
	/// (rounding dust) is released into the pot.
	pub(crate) fn dissolve_pool_if_empty(operator: &T::AccountId) {
		if Nodes::<T>::contains_key(operator) {
			return;
		}
		if let Some(pool) = Pools::<T>::get(operator) {
			if pool.members == 0 {
				let _ = Self::release_dust(pool.active).defensive();
				Pools::<T>::remove(operator);
			}
		}
	}

	/// Releases pool stake no one owns any more (rounding dust) into the pot.
	fn release_dust(amount: BalanceOf<T>) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(&HoldReason::PoolStake.into(), &Self::account(), amount, Precision::Exact)?;
		}
		Ok(())
	}
}
