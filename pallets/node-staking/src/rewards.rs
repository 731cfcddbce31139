//! Rewards: a node's share of job fees and of each epoch's emission, split between its operator
//! and its pool, and claimed by each (pull).
//!
//! A reward `r` of a node splits as: the commission `c × r` (with `c` at most `MaxCommission`)
//! and the operator's bond share `(r − c × r) × bond / (bond + pool active)` to the operator,
//! the rest to the pool, where each member's part is `points × reward per point` (rounded
//! down; the dust stays in the pot). Emission is minted only when a node settles a finished
//! epoch: `emission × node's work / all nodes' work` of that epoch, rounded down.

use frame_support::{pallet_prelude::*, traits::fungible::Mutate};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AtLeast32BitUnsigned, Saturating, Zero},
	FixedPointNumber, FixedPointOperand, FixedU128, Rounding, SaturatedConversion,
};
use zkinfer_primitives::ComputeUnits;

use crate::{
	epoch::pay_from_pot,
	pallet::{
		BalanceOf, Config, EpochRewards, Error, Event, MemberOf, Members, NodeOf, NodeWork, Nodes,
		Pallet, Pools,
	},
	Member, Pool, RewardSource,
};

/// `a × b / c` rounded down, saturating (zero if `c` is zero).
pub fn mul_div<B: AtLeast32BitUnsigned + Copy>(a: B, b: u128, c: u128) -> B {
	multiply_by_rational_with_rounding(a.saturated_into::<u128>(), b, c, Rounding::Down)
		.unwrap_or(0)
		.saturated_into()
}

/// What `member` earned in `pool` since its rewards were last brought up to date: its points
/// times the rise of the pool's reward per point, rounded down.
pub fn earned<AccountId, Balance, MaxChunks>(pool: &Pool<Balance>, member: &Member<AccountId, Balance, MaxChunks>) -> Balance
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: FixedPointOperand + Clone + PartialEq + Eq + core::fmt::Debug,
	MaxChunks: Get<u32>,
{
	pool.reward_per_point.saturating_sub(member.reward_per_point_paid).saturating_mul_int(member.points)
}

impl<T: Config> Pallet<T> {
	/// Records `units` of verified work of `node` this epoch and splits `fee` (already in the
	/// pot) between its operator and pool.
	pub(crate) fn record_work(operator: &T::AccountId, units: ComputeUnits, fee: BalanceOf<T>) -> DispatchResult {
		let Some(mut node) = Nodes::<T>::get(operator) else { return Ok(()) };
		Self::settle_work(operator, &mut node)?;
		let current = Self::current_epoch();
		let mut record = EpochRewards::<T>::get(current).unwrap_or_else(Self::new_epoch_reward);
		let worked = match NodeWork::<T>::get(operator) {
			Some((epoch, worked)) if epoch == current => worked,
			_ => {
				record.unsettled = record.unsettled.saturating_add(1);
				0
			},
		};
		record.work = record.work.saturating_add(u128::from(units));
		EpochRewards::<T>::insert(current, record);
		NodeWork::<T>::insert(operator, (current, worked.saturating_add(units)));
		Self::distribute(operator, &mut node, fee, RewardSource::Fees)?;
		Nodes::<T>::insert(operator, node);
		Ok(())
	}

	/// Pays `node` its share of the emission of the last finished epoch it worked in, if not
	/// paid yet (mints it into the pot and distributes it). The caller stores `node`.
	pub(crate) fn settle_work(operator: &T::AccountId, node: &mut NodeOf<T>) -> DispatchResult {
		let Some((epoch, units)) = NodeWork::<T>::get(operator) else { return Ok(()) };
		if epoch >= Self::current_epoch() {
			return Ok(());
		}
		NodeWork::<T>::remove(operator);
		let Some(mut record) = EpochRewards::<T>::get(epoch) else {
			return Err(DispatchError::Other("a node's work refers to an epoch without a reward record"));
		};
		let share: BalanceOf<T> = mul_div(record.emission, u128::from(units), record.work);
		record.unsettled = record.unsettled.saturating_sub(1);
		if record.unsettled == 0 {
			EpochRewards::<T>::remove(epoch);
		} else {
			EpochRewards::<T>::insert(epoch, record);
		}
		if !share.is_zero() {
			T::Currency::mint_into(&Self::account(), share)?;
			Self::distribute(operator, node, share, RewardSource::Emission { epoch })?;
		}
		Ok(())
	}

	/// Splits `amount` (in the pot) between `operator` and its pool; the caller stores `node`.
	pub(crate) fn distribute(
		operator: &T::AccountId,
		node: &mut NodeOf<T>,
		amount: BalanceOf<T>,
		source: RewardSource,
	) -> DispatchResult {
		let current = Self::current_epoch();
		let commission = node.config_at(current).commission.min(T::MaxCommission::get()) * amount;
		let shared = amount.saturating_sub(commission);
		let mut to_pool = Zero::zero();
		if let Some(mut pool) = Pools::<T>::get(operator) {
			if !pool.points.is_zero() {
				let stake = node.bond.saturating_add(pool.active);
				to_pool = mul_div(shared, pool.active.saturated_into::<u128>(), stake.saturated_into::<u128>());
				let per_point = FixedU128::checked_from_rational(
					to_pool.saturated_into::<u128>(),
					pool.points.saturated_into::<u128>(),
				)
				.ok_or(Error::<T>::Overflow)?;
				// What the members can claim is what the rounded-down rate pays them.
				to_pool = per_point.saturating_mul_int(pool.points);
				pool.reward_per_point = pool.reward_per_point.saturating_add(per_point);
				pool.rewards = pool.rewards.checked_add(&to_pool).ok_or(Error::<T>::Overflow)?;
				Pools::<T>::insert(operator, pool);
			}
		}
		let to_operator = amount.saturating_sub(to_pool);
		node.rewards = node.rewards.checked_add(&to_operator).ok_or(Error::<T>::Overflow)?;
		Self::deposit_event(Event::Rewarded { node: operator.clone(), source, operator: to_operator, pool: to_pool });
		Ok(())
	}

	/// Brings `member`'s rewards up to its pool's reward per point.
	pub(crate) fn update_member_rewards(member: &mut MemberOf<T>) {
		let pool = Pools::<T>::get(&member.pool).unwrap_or_default();
		Self::update_member_rewards_in(&pool, member);
	}

	/// Brings `member`'s rewards up to `pool`'s rate (for a pool record the caller holds).
	pub(crate) fn update_member_rewards_in(pool: &Pool<BalanceOf<T>>, member: &mut MemberOf<T>) {
		member.rewards = member.rewards.saturating_add(earned(pool, member));
		member.reward_per_point_paid = pool.reward_per_point;
	}

	/// Pays `operator`'s unclaimed rewards out of the pot; the caller stores `node`.
	pub(crate) fn pay_operator_rewards(operator: &T::AccountId, node: &mut NodeOf<T>) -> DispatchResult {
		let amount = core::mem::take(&mut node.rewards);
		if !amount.is_zero() {
			pay_from_pot::<T>(operator, amount)?;
			Self::deposit_event(Event::RewardsClaimed { who: operator.clone(), amount });
		}
		Ok(())
	}

	/// Pays a member's unclaimed rewards (brought up to date) out of the pot; the caller
	/// stores `member`.
	pub(crate) fn pay_member_rewards(who: &T::AccountId, member: &mut MemberOf<T>) -> DispatchResult {
		Self::update_member_rewards(member);
		let amount = core::mem::take(&mut member.rewards);
		if !amount.is_zero() {
			Pools::<T>::try_mutate(&member.pool, |pool| -> DispatchResult {
				let pool = pool.as_mut().ok_or(DispatchError::Other("a member's pool is missing"))?;
				pool.rewards = pool.rewards.checked_sub(&amount).ok_or(Error::<T>::Overflow)?;
				Ok(())
			})?;
			pay_from_pot::<T>(who, amount)?;
			Self::deposit_event(Event::RewardsClaimed { who: who.clone(), amount });
		}
		Ok(())
	}

	/// Pays `who` its rewards as an operator or as a pool member (the call).
	pub fn do_claim_rewards(who: T::AccountId) -> DispatchResult {
		if let Some(mut node) = Nodes::<T>::get(&who) {
			Self::settle_work(&who, &mut node)?;
			ensure!(!node.rewards.is_zero(), Error::<T>::NoRewards);
			Self::pay_operator_rewards(&who, &mut node)?;
			Nodes::<T>::insert(&who, node);
			return Ok(());
		}
		let mut member = Members::<T>::get(&who).ok_or(Error::<T>::NoRewards)?;
		if let Some(mut node) = Nodes::<T>::get(&member.pool) {
			Self::settle_work(&member.pool, &mut node)?;
			Nodes::<T>::insert(&member.pool, node);
		}
		Self::update_member_rewards(&mut member);
		ensure!(!member.rewards.is_zero(), Error::<T>::NoRewards);
		Self::pay_member_rewards(&who, &mut member)?;
		Members::<T>::insert(&who, member);
		Ok(())
	}

	/// What `who` could claim now, as operator and as member, counting the emission its node
	/// (or its pool's node) has not settled yet; for the runtime API. Reads only.
	pub fn claimable_rewards(who: T::AccountId) -> BalanceOf<T> {
		frame_support::storage::with_transaction(|| {
			let claimable = if let Some(mut node) = Nodes::<T>::get(&who) {
				let _ = Self::settle_work(&who, &mut node);
				node.rewards
			} else if let Some(mut member) = Members::<T>::get(&who) {
				if let Some(mut node) = Nodes::<T>::get(&member.pool) {
					if Self::settle_work(&member.pool, &mut node).is_ok() {
						Nodes::<T>::insert(&member.pool, node);
					}
				}
				Self::update_member_rewards(&mut member);
				member.rewards
			} else {
				Zero::zero()
			};
			sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>(claimable))
		})
		.unwrap_or_else(|_| Zero::zero())
	}
}
