//! Offences and slashes: recorded when the market reports them, applied two epochs later by
//! the hook unless governance cancels them (see the module docs for the policy).

use frame_support::{
	pallet_prelude::*,
	traits::{fungible::BalancedHold, Imbalance, OnUnbalanced},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion,
};
use zkinfer_primitives::{EpochIndex, NodeOffence};

use crate::{
	pallet::{
		Config, Error, Event, HoldReason, Nodes, Pallet, PendingSlashes, PoolUnbonding, Pools,
		UnappliedSlashes,
	},
	rewards::mul_div,
	weights::WeightInfo,
	LeaveReason, UnappliedSlash,
};

impl<T: Config> Pallet<T> {
	/// Adds `offence`'s fraction to `operator`'s slash for this epoch and, for a missed
	/// deadline, takes its part of the node's emission of the epoch; deactivates the node at
	/// `DeactivationThreshold` offences, after which further offences of the epoch are ignored
	/// (a node is slashed for at most that many per epoch). Offences of unknown accounts are
	/// ignored.
	pub(crate) fn record_offence(operator: &T::AccountId, offence: NodeOffence) {
		let Some(mut node) = Nodes::<T>::get(operator) else { return };
		let epoch = Self::current_epoch();
		let threshold = T::DeactivationThreshold::get().max(1);
		if UnappliedSlashes::<T>::get(epoch, operator)
			.is_some_and(|slash| slash.offences >= threshold)
		{
			return;
		}
		if let Err(error) = Self::settle_emission(operator, &mut node) {
			frame_support::defensive!(
				"bringing an offending node's emission up to date failed",
				error
			);
		}
		let fraction = match offence {
			NodeOffence::MissedDeadline { .. } => {
				node.emission.misses = node.emission.misses.saturating_add(1);
				T::MissedDeadlineSlash::get()
			},
			NodeOffence::Unavailable => T::UnavailabilitySlash::get(),
		};
		let slash = UnappliedSlashes::<T>::mutate(epoch, operator, |slash| {
			let slash = slash.get_or_insert_with(|| {
				PendingSlashes::<T>::mutate(operator, |count| count.saturating_inc());
				UnappliedSlash::default()
			});
			slash.fraction = slash.fraction.saturating_add(fraction);
			slash.offences = slash.offences.saturating_add(1);
			*slash
		});
		Self::deposit_event(Event::OffenceReported {
			node: operator.clone(),
			offence,
			epoch,
			slash: slash.fraction,
		});
		if slash.offences >= threshold {
			Self::deactivate(operator.clone(), &mut node, LeaveReason::RepeatedOffences);
		}
		Nodes::<T>::insert(operator, node);
	}

	/// Applies `operator`'s slash of offence epoch `epoch` (already taken off the unapplied
	/// list): bond first, then the pool's active stake and the buckets of members who left in
	/// `epoch` or later, pro rata. Returns the weight used.
	pub(crate) fn apply_slash(
		epoch: EpochIndex,
		operator: T::AccountId,
		slash: UnappliedSlash,
	) -> Weight {
		Self::release_pending_slash(&operator);
		let Some(mut node) = Nodes::<T>::get(&operator) else {
			// Withdrawal waits for pending slashes, so the node is still there.
			defensive!("a node with a pending slash was removed");
			return T::WeightInfo::on_initialize_apply_slash(0);
		};
		// Emission earned before the slash goes to the stake as it was.
		if let Err(error) = Self::settle_emission(&operator, &mut node) {
			defensive!("bringing a slashed node's emission up to date failed", error);
		}
		let current = Self::current_epoch();
		let mut pool = Pools::<T>::get(&operator).unwrap_or_default();
		let buckets: alloc::vec::Vec<_> = (epoch..=current)
			.filter_map(|left| {
				PoolUnbonding::<T>::get(&operator, left).map(|bucket| (left, bucket))
			})
			.collect();
		let scanned = current.saturating_sub(epoch).saturating_add(1);
		let pool_stake = buckets
			.iter()
			.fold(pool.active, |sum, (_, bucket)| sum.saturating_add(bucket.balance));
		let amount = slash.fraction * node.bond.saturating_add(pool_stake);
		let from_bond = amount.min(node.bond);
		let from_pool = amount.saturating_sub(from_bond);
		let stake_u128 = pool_stake.saturated_into::<u128>();
		let from_active = mul_div(from_pool, pool.active.saturated_into::<u128>(), stake_u128);
		pool.active = pool.active.saturating_sub(from_active);
		let mut taken_from_pool = from_active;
		for (left, mut bucket) in buckets {
			let take = mul_div(from_pool, bucket.balance.saturated_into::<u128>(), stake_u128);
			bucket.balance = bucket.balance.saturating_sub(take);
			taken_from_pool = taken_from_pool.saturating_add(take);
			PoolUnbonding::<T>::insert(&operator, left, bucket);
		}
		let (mut credit, missing) =
			T::Currency::slash(&HoldReason::NodeBond.into(), &operator, from_bond);
		let (pool_credit, pool_missing) =
			T::Currency::slash(&HoldReason::PoolStake.into(), &Self::account(), taken_from_pool);
		if !missing.is_zero() || !pool_missing.is_zero() {
			defensive!("held stake was less than its records");
		}
		credit.subsume(pool_credit);
		T::Slashed::on_unbalanced(credit);
		node.bond = node.bond.saturating_sub(from_bond);
		// Bond joins only while no slash is pending, and the settlement above cleared it; kept
		// within the bond all the same.
		node.bond_joining = node.bond_joining.min(node.bond);
		// The slashed stake earns nothing from now on (this epoch's share of it is forfeited).
		Self::emission_stake_removed(&mut node, from_bond.saturating_add(from_active));
		if Pools::<T>::contains_key(&operator) {
			Pools::<T>::insert(&operator, pool);
		}
		Self::deposit_event(Event::Slashed {
			node: operator.clone(),
			epoch,
			bond: from_bond,
			pool: taken_from_pool,
		});
		if node.bond < Self::min_bond_for(node.slots_held(current)) {
			Self::deactivate(operator.clone(), &mut node, LeaveReason::BondBelowMinimum);
		}
		Nodes::<T>::insert(&operator, node);
		T::WeightInfo::on_initialize_apply_slash(scanned)
	}

	/// One of `operator`'s pending slashes was applied or cancelled.
	fn release_pending_slash(operator: &T::AccountId) {
		PendingSlashes::<T>::mutate_exists(operator, |count| {
			*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0);
		});
	}

	/// Cancels `operator`'s slash of offence epoch `epoch` (the call).
	pub fn do_cancel_slash(epoch: EpochIndex, operator: T::AccountId) -> DispatchResult {
		UnappliedSlashes::<T>::take(epoch, &operator).ok_or(Error::<T>::NoSuchSlash)?;
		Self::release_pending_slash(&operator);
		Self::deposit_event(Event::SlashCancelled { node: operator, epoch });
		Ok(())
	}
}
