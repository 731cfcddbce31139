//! Pools: stake delegated to an operator's node in points, unbonding buckets, withdrawal.
//!
//! All pool stake is held on the pallet account under `HoldReason::PoolStake`. A pool's active
//! stake is shared by its members' points; stake that joins in epoch `e` is pending (its points
//! bought at the pool's rate, held, but sharing no reward) until the node's first settlement
//! after `e` makes it active, recording the pool's reward per point at that moment in a
//! [`RewardMarks`] entry from which each of its members' pending points earn. Stake that leaves
//! in epoch `e` moves into the pool's bucket for `e`, shared by points of its own, so a slash of
//! the bucket (for an offence of epoch `e` or earlier that is still pending) reaches every
//! member who left then, pro rata. No stake joins while the node has a slash pending.

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
	FixedPointNumber, SaturatedConversion,
};
use zkinfer_primitives::EpochIndex;

use crate::{
	pallet::{
		BalanceOf, Config, Error, Event, HoldReason, MemberOf, Members, NextSlashEpoch, NodeOf,
		Nodes, Pallet, PendingSlashes, PoolUnbonding, Pools, RewardMarks, TotalEmissionStake,
	},
	rewards::mul_div,
	Member, PendingStake, Pool,
};

/// The balance `points` of `total_points` are worth of `balance`, rounded down.
pub fn points_to_balance<B: sp_runtime::traits::AtLeast32BitUnsigned + Copy>(
	points: B,
	total_points: B,
	balance: B,
) -> B {
	mul_div(points, balance.saturated_into::<u128>(), total_points.saturated_into::<u128>())
}

impl<T: Config> Pallet<T> {
	/// Activates `operator`'s pool's stake that joined in `epoch` or earlier (the node's
	/// emission of those epochs was just distributed without it).
	pub(crate) fn activate_pending(operator: &T::AccountId, epoch: EpochIndex) {
		Pools::<T>::mutate(operator, |pool| {
			let Some(pool) = pool else { return };
			let Some(pending) = pool.pending.take_if(|pending| pending.epoch <= epoch) else {
				return;
			};
			pool.points = pool.points.saturating_add(pending.points);
			pool.active = pool.active.saturating_add(pending.balance);
			RewardMarks::<T>::insert(
				operator,
				pending.epoch,
				(pool.reward_per_point, pending.members),
			);
			Self::deposit_event(Event::PendingStakeActivated {
				pool: operator.clone(),
				epoch: pending.epoch,
				amount: pending.balance,
			});
		});
	}

	/// Makes `member`'s pending points active once its pool's pending stake of their epoch is:
	/// they earn from the pool's reward per point at that moment.
	pub(crate) fn activate_member_pending(pool: &Pool<BalanceOf<T>>, member: &mut MemberOf<T>) {
		let Some((epoch, points)) = member.pending else { return };
		if pool.pending.as_ref().is_some_and(|pending| pending.epoch == epoch) {
			return;
		}
		let Some((mark, waiting)) = RewardMarks::<T>::get(&member.pool, epoch) else {
			frame_support::defensive!("a member's pending points have no reward mark");
			return;
		};
		member.rewards = member
			.rewards
			.saturating_add(pool.reward_per_point.saturating_sub(mark).saturating_mul_int(points));
		member.points = member.points.saturating_add(points);
		member.pending = None;
		if waiting <= 1 {
			RewardMarks::<T>::remove(&member.pool, epoch);
		} else {
			RewardMarks::<T>::insert(&member.pool, epoch, (mark, waiting - 1));
		}
	}

	/// Stakes `amount` of `who` into `operator`'s pool (the call).
	pub fn do_join_pool(
		who: T::AccountId,
		operator: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!Nodes::<T>::contains_key(&who), Error::<T>::OperatorCannotJoin);
		let mut node = Nodes::<T>::get(&operator).ok_or(Error::<T>::NotRegistered)?;
		ensure!(node.leave.is_none(), Error::<T>::NodeLeaving);
		ensure!(amount >= T::MinJoin::get(), Error::<T>::StakeBelowMinimum);
		// Stake that joins after an offence would pay for it.
		ensure!(PendingSlashes::<T>::get(&operator) == 0, Error::<T>::SlashPending);
		// Earlier epochs' emission goes to the stake that was there.
		Self::settle_emission(&operator, &mut node)?;
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
					pending: None,
					reward_per_point_paid: pool.reward_per_point,
					rewards: Zero::zero(),
					unbonding: Default::default(),
				}
			},
		};
		// Points at the active stake's rate (which no slash changes while this stake is
		// pending: none can be pending when it joins).
		let points = if pool.points.is_zero() {
			ensure!(pool.active.is_zero(), Error::<T>::PoolWipedOut);
			match &pool.pending {
				Some(pending) if !pending.balance.is_zero() => {
					points_to_balance(amount, pending.balance, pending.points)
				},
				_ => amount,
			}
		} else {
			ensure!(!pool.active.is_zero(), Error::<T>::PoolWipedOut);
			points_to_balance(amount, pool.active, pool.points)
		};
		ensure!(!points.is_zero(), Error::<T>::StakeTooSmall);
		Self::update_member_rewards_in(&pool, &mut member);
		let pot = Self::account();
		T::Currency::transfer(&who, &pot, amount, Preservation::Preserve)?;
		T::Currency::hold(&HoldReason::PoolStake.into(), &pot, amount)?;
		let current = Self::current_epoch();
		let pending = pool
			.pending
			.get_or_insert(PendingStake { epoch: current, ..Default::default() });
		pending.points = pending.points.checked_add(&points).ok_or(Error::<T>::Overflow)?;
		pending.balance = pending.balance.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		let member_pending = match member.pending {
			Some((epoch, earlier)) if epoch == current => earlier,
			_ => {
				pending.members = pending.members.saturating_add(1);
				Zero::zero()
			},
		};
		member.pending =
			Some((current, member_pending.checked_add(&points).ok_or(Error::<T>::Overflow)?));
		Self::emission_stake_joined(&mut node, amount);
		Nodes::<T>::insert(&operator, node);
		Pools::<T>::insert(&operator, pool);
		Members::<T>::insert(&who, member);
		Self::deposit_event(Event::PoolJoined { member: who, pool: operator, amount, points });
		Ok(())
	}

	/// Moves all of `who`'s active and pending stake into its pool's unbonding bucket of this
	/// epoch (the call).
	pub fn do_leave_pool(who: T::AccountId) -> DispatchResult {
		let mut member = Members::<T>::get(&who).ok_or(Error::<T>::NotMember)?;
		ensure!(!member.points.is_zero() || member.pending.is_some(), Error::<T>::NotMember);
		let operator = member.pool.clone();
		Self::settle_pool_node(&operator)?;
		let mut pool =
			Pools::<T>::get(&operator).ok_or(DispatchError::Other("a member's pool is missing"))?;
		Self::update_member_rewards_in(&pool, &mut member);
		let active = points_to_balance(member.points, pool.points, pool.active);
		let pending = Self::take_member_pending(&mut pool, &mut member)?;
		let amount = active.saturating_add(pending);
		if amount.is_zero() {
			// A pool slashed to nothing: the points are worth nothing, nothing unbonds.
			pool.points = pool.points.saturating_sub(member.points);
			member.points = Zero::zero();
			if member.unbonding.is_empty() {
				// Nothing left to withdraw: the membership ends now, its rewards paid.
				pool.members = pool.members.saturating_sub(1);
				Pools::<T>::insert(&operator, pool);
				Self::pay_member_rewards(&who, &mut member)?;
				Members::<T>::remove(&who);
				Self::dissolve_pool_if_empty(&operator);
			} else {
				Pools::<T>::insert(&operator, pool);
				Members::<T>::insert(&who, member);
			}
			let unlocks_at = Self::current_epoch();
			Self::deposit_event(Event::PoolLeft {
				member: who,
				pool: operator,
				amount,
				unlocks_at,
			});
			return Ok(());
		}
		if let Some(mut node) = Nodes::<T>::get(&operator) {
			// It forfeits this epoch's share of the active part; the pending part never earned.
			Self::emission_stake_removed(&mut node, active);
			Self::emission_stake_left_pending(&mut node, pending);
			Nodes::<T>::insert(&operator, node);
		}
		let current = Self::current_epoch();
		let mut bucket = PoolUnbonding::<T>::get(&operator, current).unwrap_or_default();
		let bucket_points = if bucket.points.is_zero() || bucket.balance.is_zero() {
			amount
		} else {
			points_to_balance(amount, bucket.balance, bucket.points)
		};
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
		pool.active = pool.active.saturating_sub(active);
		member.points = Zero::zero();
		PoolUnbonding::<T>::insert(&operator, current, bucket);
		Pools::<T>::insert(&operator, pool);
		Members::<T>::insert(&who, member);
		let unlocks_at = current.saturating_add(Self::unbonding_epochs());
		Self::deposit_event(Event::PoolLeft { member: who, pool: operator, amount, unlocks_at });
		Ok(())
	}

	/// Takes `member`'s pending stake (joined this epoch) out of `pool`'s pending stake;
	/// returns its balance.
	fn take_member_pending(
		pool: &mut Pool<BalanceOf<T>>,
		member: &mut MemberOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let Some((epoch, points)) = member.pending.take() else { return Ok(Zero::zero()) };
		let pending = pool
			.pending
			.as_mut()
			.filter(|pending| pending.epoch == epoch)
			.ok_or(DispatchError::Other("a member's pending points are not its pool's"))?;
		let balance = points_to_balance(points, pending.points, pending.balance);
		pending.points = pending.points.checked_sub(&points).ok_or(Error::<T>::Overflow)?;
		pending.balance = pending.balance.checked_sub(&balance).ok_or(Error::<T>::Overflow)?;
		pending.members = pending.members.saturating_sub(1);
		if pending.members == 0 {
			// Rounding dust of the last pending member goes to it too.
			let dust = pending.balance;
			pool.pending = None;
			return Ok(balance.saturating_add(dust));
		}
		Ok(balance)
	}

	/// `amount` of `node`'s pending pool stake left before it earned: it no longer earns from
	/// the next epoch.
	fn emission_stake_left_pending(node: &mut NodeOf<T>, amount: BalanceOf<T>) {
		let next = amount.min(node.emission.next_weight);
		node.emission.next_weight = node.emission.next_weight.saturating_sub(next);
		TotalEmissionStake::<T>::mutate(|total| total.next = total.next.saturating_sub(next));
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
		// A pending slash reaches the buckets of members who left in its offence epoch or later,
		// all at `NextSlashEpoch` or later: stake that left before stays withdrawable.
		let slashable_from =
			(PendingSlashes::<T>::get(&operator) > 0).then(NextSlashEpoch::<T>::get);
		let unbonded = |left: EpochIndex| current >= left.saturating_add(unbonding);
		let (ready, waiting): (alloc::vec::Vec<_>, alloc::vec::Vec<_>) =
			member.unbonding.iter().copied().partition(|(left, _)| {
				unbonded(*left) && slashable_from.is_none_or(|from| *left < from)
			});
		if ready.is_empty() {
			let held_by_slash = waiting.iter().any(|(left, _)| unbonded(*left));
			return Err(if held_by_slash {
				Error::<T>::SlashPending
			} else {
				Error::<T>::NothingToWithdraw
			}
			.into());
		}
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
		if member.points.is_zero() && member.pending.is_none() && member.unbonding.is_empty() {
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
		Self::deposit_event(Event::StakeWithdrawn {
			member: who.clone(),
			pool: operator,
			amount: total,
		});
		Ok(())
	}

	/// Takes `points` out of `operator`'s bucket of `epoch`; returns their balance. An emptied
	/// bucket is removed and its rounding dust released into the pot.
	fn take_from_bucket(
		operator: &T::AccountId,
		epoch: EpochIndex,
		points: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut bucket = PoolUnbonding::<T>::get(operator, epoch)
			.ok_or(DispatchError::Other("an unbonding chunk's bucket is missing"))?;
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
			T::Currency::release(
				&HoldReason::PoolStake.into(),
				&Self::account(),
				amount,
				Precision::Exact,
			)?;
		}
		Ok(())
	}
}
