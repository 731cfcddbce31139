//! Rewards: a node's share of job fees and of each epoch's emission, split between its operator
//! and its pool, and claimed by each (pull).
//!
//! **Emission is earned by stake.** Epoch `e`'s emission is shared by the nodes serving in `e`
//! pro rata to their stake in force in `e`: bond plus pool active stake at `e`'s start, less
//! what left the pool or was slashed during `e` (stake that joins during `e` earns from
//! `e + 1`). Each deadline a node misses in `e` takes `1 / DeactivationThreshold` of its share
//! of `e`; a node deactivated in `e` forfeits all of it. Forfeited shares are not minted.
//! Nothing a node does with jobs can raise its share, so sending work to oneself earns no
//! emission.
//!
//! Bookkeeping is lazy and constant per epoch boundary: [`EmissionPerStake`] adds up each
//! finished epoch's emission per unit of stake; a node's [`EmissionState`] says which epoch it
//! was last brought up to date in (`last`), its stake earning then (`weight`, with `misses`) and
//! its stake from `last + 1` on (`next_weight`, constant until the node is touched again, since
//! every change of its stake touches it). [`Pallet::settle_emission`] pays
//! `weight × score × (emission / stake of last)` for `last` and
//! `next_weight × (EmissionPerStake now − EmissionPerStake after last)` for the epochs since,
//! and mints it.
//!
//! A reward `r` of a node splits as: the commission `c × r` (the commission in force when it
//! was earned, at most `MaxCommission`) and the operator's bond share
//! `(r − c × r) × bond / (bond + pool active)` to the operator, the rest to the pool, where each
//! member's part is `points × reward per point` (rounded down; the dust stays in the pot).

use frame_support::{pallet_prelude::*, traits::fungible::Mutate};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AtLeast32BitUnsigned, Saturating, Zero},
	FixedPointNumber, FixedPointOperand, FixedU128, Perbill, Rounding, SaturatedConversion,
};
use zkinfer_primitives::EpochIndex;

use crate::{
	epoch::pay_from_pot,
	pallet::{
		BalanceOf, Config, EmissionPerStake, EpochRewards, Error, Event, MemberOf, Members, NodeOf,
		Nodes, Pallet, Pools, TotalEmissionStake,
	},
	Member, Pool, RewardSource,
};

/// `a × b / c` rounded down, saturating (zero if `c` is zero).
pub fn mul_div<B: AtLeast32BitUnsigned + Copy>(a: B, b: u128, c: u128) -> B {
	multiply_by_rational_with_rounding(a.saturated_into::<u128>(), b, c, Rounding::Down)
		.unwrap_or(0)
		.saturated_into()
}

/// What `member` earned in `pool` since its rewards were last brought up to date: its active
/// points times the rise of the pool's reward per point, rounded down.
pub fn earned<AccountId, Balance, MaxChunks>(
	pool: &Pool<Balance>,
	member: &Member<AccountId, Balance, MaxChunks>,
) -> Balance
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: FixedPointOperand + Clone + PartialEq + Eq + core::fmt::Debug,
	MaxChunks: Get<u32>,
{
	pool.reward_per_point
		.saturating_sub(member.reward_per_point_paid)
		.saturating_mul_int(member.points)
}

impl<T: Config> Pallet<T> {
	/// The share of its emission a node keeps after `misses` missed deadlines in an epoch, as
	/// `(kept, of)`: `DeactivationThreshold − misses` of `DeactivationThreshold`.
	pub fn emission_kept(misses: u32) -> (u32, u32) {
		let threshold = T::DeactivationThreshold::get().max(1);
		(threshold.saturating_sub(misses.min(threshold)), threshold)
	}

	/// Stake starts earning: `now` in the current epoch, `next` from the next one.
	pub(crate) fn emission_stake_added(now: BalanceOf<T>, next: BalanceOf<T>) {
		TotalEmissionStake::<T>::mutate(|total| {
			total.current = total.current.saturating_add(now);
			total.next = total.next.saturating_add(next);
		});
		if !now.is_zero() {
			// Only genesis adds stake earning at once: the epoch's record takes it too.
			EpochRewards::<T>::mutate(Self::current_epoch(), |record| {
				if let Some(record) = record {
					record.stake = record.stake.saturating_add(now);
				}
			});
		}
	}

	/// `amount` of `node`'s stake stops earning: at once (its share of this epoch is
	/// forfeited) and from the next epoch on. The node's emission must be up to date.
	pub(crate) fn emission_stake_removed(node: &mut NodeOf<T>, amount: BalanceOf<T>) {
		let state = &mut node.emission;
		state.weight = state.weight.saturating_sub(amount);
		let next = amount.min(state.next_weight);
		state.next_weight = state.next_weight.saturating_sub(next);
		TotalEmissionStake::<T>::mutate(|total| total.next = total.next.saturating_sub(next));
	}

	/// `amount` of stake joined `node`'s pool: it earns from the next epoch on.
	pub(crate) fn emission_stake_joined(node: &mut NodeOf<T>, amount: BalanceOf<T>) {
		node.emission.next_weight = node.emission.next_weight.saturating_add(amount);
		TotalEmissionStake::<T>::mutate(|total| total.next = total.next.saturating_add(amount));
	}

	/// `node` earns no more emission after this epoch, and none in it either if `at_once`. Its
	/// emission must be up to date.
	pub(crate) fn stop_earning(node: &mut NodeOf<T>, at_once: bool) {
		let next = core::mem::take(&mut node.emission.next_weight);
		TotalEmissionStake::<T>::mutate(|total| total.next = total.next.saturating_sub(next));
		if at_once {
			node.emission.weight = Zero::zero();
		}
	}

	/// A node's emission state now refers to `epoch`'s record.
	pub(crate) fn epoch_record_referenced(epoch: EpochIndex) {
		EpochRewards::<T>::mutate(epoch, |record| match record {
			Some(record) => record.unsettled = record.unsettled.saturating_add(1),
			None => {
				frame_support::defensive!("the current epoch has no reward record");
			},
		});
	}

	/// A node's emission state no longer refers to `epoch`'s record, which goes once nothing
	/// refers to it and its epoch is over.
	pub(crate) fn epoch_record_released(epoch: EpochIndex) {
		let current = Self::current_epoch();
		EpochRewards::<T>::mutate_exists(epoch, |record| {
			if let Some(r) = record {
				r.unsettled = r.unsettled.saturating_sub(1);
				if r.unsettled == 0 && epoch < current {
					*record = None;
				}
			}
		});
	}

	/// Brings `node`'s emission up to the current epoch: mints and distributes its share of
	/// every finished epoch since it was last brought up to date, with the commission and the
	/// pool in force then, and activates its pool's pending stake in between. All or nothing:
	/// on an error neither storage nor `node` changes. The caller stores `node`.
	pub fn settle_emission(operator: &T::AccountId, node: &mut NodeOf<T>) -> DispatchResult {
		let mut settled = node.clone();
		frame_support::storage::with_storage_layer(|| {
			Self::settle_emission_in(operator, &mut settled)
		})?;
		*node = settled;
		Ok(())
	}

	fn settle_emission_in(operator: &T::AccountId, node: &mut NodeOf<T>) -> DispatchResult {
		let current = Self::current_epoch();
		let last = node.emission.last;
		if last >= current {
			return Ok(());
		}
		let record = EpochRewards::<T>::get(last).ok_or(DispatchError::Other(
			"a node's emission state refers to an epoch without a reward record",
		))?;
		// The epoch it was last touched in: its stake then, less its missed deadlines.
		let (kept, of) = Self::emission_kept(node.emission.misses);
		let of_last: BalanceOf<T> = mul_div(
			record.emission,
			node.emission.weight.saturated_into::<u128>().saturating_mul(kept.into()),
			record.stake.saturated_into::<u128>().saturating_mul(of.into()),
		);
		// The epochs since: its stake from then on, constant since nothing touched it.
		let after_last = record.per_stake_before.saturating_add(record.per_stake());
		let since: BalanceOf<T> = EmissionPerStake::<T>::get()
			.saturating_sub(after_last)
			.saturating_mul_int(node.emission.next_weight);
		Self::epoch_record_released(last);
		Self::epoch_record_referenced(current);
		let next_weight = node.emission.next_weight;
		node.emission =
			crate::EmissionState { last: current, weight: next_weight, misses: 0, next_weight };

		let source = RewardSource::Emission { from: last, until: last.saturating_add(1) };
		Self::mint_and_distribute(operator, node, of_last, last, source)?;
		Self::activate_pending(operator, last);
		// Bond added in `last` shares the pool's rewards from `last + 1` on.
		node.bond_joining = Zero::zero();
		let source = RewardSource::Emission { from: last.saturating_add(1), until: current };
		Self::mint_and_distribute(operator, node, since, last.saturating_add(1), source)
	}

	/// Mints `amount` of emission into the pot and distributes it with the commission in force
	/// in epoch `earned_in`.
	fn mint_and_distribute(
		operator: &T::AccountId,
		node: &mut NodeOf<T>,
		amount: BalanceOf<T>,
		earned_in: EpochIndex,
		source: RewardSource,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::mint_into(&Self::account(), amount)?;
		let commission = node.config_at(earned_in).commission;
		Self::distribute(operator, node, amount, commission, source)
	}

	/// Splits `fee` (already in the pot) of a verified job of `operator`'s node between its
	/// operator and pool, with the commission in force now.
	pub(crate) fn distribute_fee(operator: &T::AccountId, fee: BalanceOf<T>) -> DispatchResult {
		let Some(mut node) = Nodes::<T>::get(operator) else { return Ok(()) };
		Self::settle_emission(operator, &mut node)?;
		let commission = node.config_at(Self::current_epoch()).commission;
		Self::distribute(operator, &mut node, fee, commission, RewardSource::Fees)?;
		Nodes::<T>::insert(operator, node);
		Ok(())
	}

	/// Splits `amount` (in the pot) between `operator` and its pool's active stake, the
	/// operator taking `commission` (at most `MaxCommission`) first; the caller stores `node`.
	pub(crate) fn distribute(
		operator: &T::AccountId,
		node: &mut NodeOf<T>,
		amount: BalanceOf<T>,
		commission: Perbill,
		source: RewardSource,
	) -> DispatchResult {
		let commission = commission.min(T::MaxCommission::get()) * amount;
		let shared = amount.saturating_sub(commission);
		let mut to_pool = Zero::zero();
		if let Some(mut pool) = Pools::<T>::get(operator) {
			if !pool.points.is_zero() {
				// Bond added this epoch does not dilute the pool's share of it.
				let stake = node.bond_in_force().saturating_add(pool.active);
				to_pool = mul_div(
					shared,
					pool.active.saturated_into::<u128>(),
					stake.saturated_into::<u128>(),
				);
				// Rounded down: the members' claims, each rounded down again, never add up to
				// more than the pool is credited; the dust stays in the pot.
				let per_point = FixedU128::checked_from_rational(
					to_pool.saturated_into::<u128>(),
					pool.points.saturated_into::<u128>(),
				)
				.ok_or(Error::<T>::Overflow)?;
				pool.reward_per_point = pool.reward_per_point.saturating_add(per_point);
				pool.rewards = pool.rewards.checked_add(&to_pool).ok_or(Error::<T>::Overflow)?;
				Pools::<T>::insert(operator, pool);
			}
		}
		let to_operator = amount.saturating_sub(to_pool);
		node.rewards = node.rewards.checked_add(&to_operator).ok_or(Error::<T>::Overflow)?;
		Self::deposit_event(Event::Rewarded {
			node: operator.clone(),
			source,
			operator: to_operator,
			pool: to_pool,
		});
		Ok(())
	}

	/// Brings `member`'s rewards up to its pool's reward per point, activating its pending
	/// points if they have started earning.
	pub(crate) fn update_member_rewards(member: &mut MemberOf<T>) {
		let pool = Pools::<T>::get(&member.pool).unwrap_or_default();
		Self::update_member_rewards_in(&pool, member);
	}

	/// Brings `member`'s rewards up to `pool`'s rate (for a pool record the caller holds),
	/// activating its pending points if they have started earning.
	pub(crate) fn update_member_rewards_in(pool: &Pool<BalanceOf<T>>, member: &mut MemberOf<T>) {
		member.rewards = member.rewards.saturating_add(earned(pool, member));
		member.reward_per_point_paid = pool.reward_per_point;
		Self::activate_member_pending(pool, member);
	}

	/// Pays `operator`'s unclaimed rewards out of the pot; the caller stores `node`.
	pub(crate) fn pay_operator_rewards(
		operator: &T::AccountId,
		node: &mut NodeOf<T>,
	) -> DispatchResult {
		let amount = core::mem::take(&mut node.rewards);
		if !amount.is_zero() {
			pay_from_pot::<T>(operator, amount)?;
			Self::deposit_event(Event::RewardsClaimed { who: operator.clone(), amount });
		}
		Ok(())
	}

	/// Pays a member's unclaimed rewards (brought up to date) out of the pot; the caller
	/// stores `member`.
	pub(crate) fn pay_member_rewards(
		who: &T::AccountId,
		member: &mut MemberOf<T>,
	) -> DispatchResult {
		Self::update_member_rewards(member);
		let amount = core::mem::take(&mut member.rewards);
		if !amount.is_zero() {
			Pools::<T>::try_mutate(&member.pool, |pool| -> DispatchResult {
				let pool =
					pool.as_mut().ok_or(DispatchError::Other("a member's pool is missing"))?;
				pool.rewards = pool.rewards.checked_sub(&amount).ok_or(Error::<T>::Overflow)?;
				Ok(())
			})?;
			pay_from_pot::<T>(who, amount)?;
			Self::deposit_event(Event::RewardsClaimed { who: who.clone(), amount });
		}
		Ok(())
	}

	/// Brings the node of `member`'s pool up to date (so the member's share of finished
	/// epochs is credited), if it is still registered.
	pub(crate) fn settle_pool_node(pool: &T::AccountId) -> DispatchResult {
		if let Some(mut node) = Nodes::<T>::get(pool) {
			Self::settle_emission(pool, &mut node)?;
			Nodes::<T>::insert(pool, node);
		}
		Ok(())
	}

	/// Pays `who` its rewards as an operator or as a pool member (the call).
	pub fn do_claim_rewards(who: T::AccountId) -> DispatchResult {
		if let Some(mut node) = Nodes::<T>::get(&who) {
			Self::settle_emission(&who, &mut node)?;
			ensure!(!node.rewards.is_zero(), Error::<T>::NoRewards);
			Self::pay_operator_rewards(&who, &mut node)?;
			Nodes::<T>::insert(&who, node);
			return Ok(());
		}
		let mut member = Members::<T>::get(&who).ok_or(Error::<T>::NoRewards)?;
		Self::settle_pool_node(&member.pool)?;
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
				let _ = Self::settle_emission(&who, &mut node);
				node.rewards
			} else if let Some(mut member) = Members::<T>::get(&who) {
				let _ = Self::settle_pool_node(&member.pool);
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
