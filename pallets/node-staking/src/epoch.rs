//! The epoch clock and the block hook: epoch transitions and the application of due slashes.
//!
//! A transition only advances the index, adds the ended epoch's emission per unit of stake to
//! [`EmissionPerStake`], makes the stake earning from the next epoch the current one, and opens
//! the new epoch's reward record; what depends on the epoch (who is active, which configuration
//! applies, capacity used, emission owed) is read against [`CurrentEpoch`], so no transition
//! visits nodes, pools or members.

use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
		Defensive,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{AccountIdConversion, One, Saturating, Zero};
use zkinfer_primitives::{EpochIndex, EpochInfo};

use crate::{
	pallet::{
		BalanceOf, Config, CurrentEpoch, EmissionPerStake, EpochRewards, EpochStart, Event,
		NextSlashEpoch, Pallet, TotalEmissionStake, UnappliedSlashes,
	},
	weights::WeightInfo,
	EpochReward,
};

/// Epochs between an offence and its slash: the slash of epoch `e` applies at the start of
/// epoch `e + SLASH_DEFERRAL_EPOCHS`, leaving governance all of epoch `e + 1` to cancel it.
pub const SLASH_DEFERRAL_EPOCHS: EpochIndex = 2;

impl<T: Config> Pallet<T> {
	/// The pallet account: pool stake (held) and the reward pot (free).
	pub fn account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The current epoch.
	pub fn current_epoch() -> EpochIndex {
		CurrentEpoch::<T>::get()
	}

	/// The governed epoch length, at least one block.
	pub fn epoch_length() -> BlockNumberFor<T> {
		T::EpochLength::get().max(One::one())
	}

	/// The governed unbonding period, at least one epoch.
	pub fn unbonding_epochs() -> EpochIndex {
		T::UnbondingEpochs::get().max(1)
	}

	/// The epoch clock, for the runtime API.
	pub fn epoch_info() -> EpochInfo<BlockNumberFor<T>> {
		let start = EpochStart::<T>::get();
		let length = Self::epoch_length();
		EpochInfo {
			index: Self::current_epoch(),
			start,
			length,
			next_start: start.saturating_add(length),
		}
	}

	/// Gives the pallet account the existential deposit if it has less, so that rewards can be
	/// paid from it down to that and pool stake can be held on it (genesis).
	pub(crate) fn open_reward_pot() {
		let pot = Self::account();
		let ed = T::Currency::minimum_balance();
		let balance = T::Currency::balance(&pot);
		if balance < ed {
			let _ = T::Currency::mint_into(&pot, ed.saturating_sub(balance)).defensive();
		}
	}

	/// The hook: a new epoch if the current one is over, then due slashes.
	pub(crate) fn process_block(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_idle();
		if now.saturating_sub(EpochStart::<T>::get()) >= Self::epoch_length() {
			Self::start_epoch(now);
			weight.saturating_accrue(T::WeightInfo::on_initialize_new_epoch());
		}
		weight.saturating_add(Self::apply_due_slashes())
	}

	/// Starts the next epoch at block `now`.
	pub(crate) fn start_epoch(now: BlockNumberFor<T>) {
		let ended = Self::current_epoch();
		let epoch = ended.saturating_add(1);
		CurrentEpoch::<T>::put(epoch);
		EpochStart::<T>::put(now);
		EpochRewards::<T>::mutate_exists(ended, |record| {
			if let Some(r) = record {
				EmissionPerStake::<T>::mutate(|total| *total = total.saturating_add(r.per_stake()));
				// No node refers to it: every share of it is in `EmissionPerStake`.
				if r.unsettled == 0 {
					*record = None;
				}
			}
		});
		TotalEmissionStake::<T>::mutate(|total| total.current = total.next);
		EpochRewards::<T>::insert(epoch, Self::new_epoch_reward());
		Self::deposit_event(Event::NewEpoch { epoch, start: now });
	}

	/// A reward record for an epoch starting now: the governed emission, the stake earning at
	/// its start, and the emission per unit of stake of all earlier epochs.
	pub(crate) fn new_epoch_reward() -> EpochReward<BalanceOf<T>> {
		EpochReward {
			emission: T::EpochEmission::get(),
			stake: TotalEmissionStake::<T>::get().current,
			per_stake_before: EmissionPerStake::<T>::get(),
			unsettled: 0,
		}
	}

	/// Applies at most `MaxSlashesPerBlock` due slashes, oldest epoch first; each step past an
	/// epoch with nothing left counts against the same budget.
	pub(crate) fn apply_due_slashes() -> Weight {
		let current = Self::current_epoch();
		let mut weight = Weight::zero();
		let mut budget = T::MaxSlashesPerBlock::get();
		let mut epoch = NextSlashEpoch::<T>::get();
		while budget > 0 && epoch.saturating_add(SLASH_DEFERRAL_EPOCHS) <= current {
			match UnappliedSlashes::<T>::iter_prefix(epoch).next() {
				Some((node, slash)) => {
					UnappliedSlashes::<T>::remove(epoch, &node);
					weight.saturating_accrue(Self::apply_slash(epoch, node, slash));
				},
				None => {
					epoch = epoch.saturating_add(1);
					NextSlashEpoch::<T>::put(epoch);
					weight.saturating_accrue(T::WeightInfo::on_initialize_next_slash_epoch());
				},
			}
			budget.saturating_dec();
		}
		weight
	}
}

/// Pays `amount` from the reward pot to `who`, keeping the pot alive.
pub(crate) fn pay_from_pot<T: Config>(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
	if amount.is_zero() {
		return Ok(());
	}
	T::Currency::transfer(&Pallet::<T>::account(), who, amount, Preservation::Preserve).map(|_| ())
}
