//! # Governance origins
//!
//! The origins that zkinfer's referenda dispatch with, one per OpenGov track below root, and
//! the timing the tracks run at.
//!
//! ## Overview
//!
//! A referendum is submitted with the origin its proposal must be dispatched with; the
//! runtime's tracks map each origin to a track with its own deposits, periods and passing
//! curves. Root is frame-system's; this pallet adds the narrower ones, each trusted by the
//! runtime for one kind of change only:
//!
//! - [`Origin::ParameterAdmin`]: sets the market's and node staking's parameters
//!   (`pallet-parameters`), within the bounds the runtime enforces.
//! - [`Origin::ValidatorAdmin`]: adds and removes validators.
//! - [`Origin::SlashCanceller`]: cancels a compute node's deferred slash.
//! - [`Origin::Treasurer`]: spends from the treasury.
//!
//! [`EnsureParameterAdmin`], [`EnsureValidatorAdmin`], [`EnsureSlashCanceller`] and
//! [`EnsureTreasurer`] let a pallet's configuration accept exactly one of them.
//!
//! ## Track timing
//!
//! [`TrackTiming`] is fixed at genesis: [`TrackTiming::Production`] runs referenda over days,
//! [`TrackTiming::Development`] over minutes, so that a development chain can pass a
//! referendum while someone watches. The runtime's tracks read it through [`Pallet::timing`].
//! The pallet has no calls: the timing changes only with a runtime upgrade.

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

#[cfg(test)]
mod tests;

#[frame_support::pallet]
pub mod pallet {
	use frame_support::pallet_prelude::*;

	/// The pallet's configuration: it needs nothing beyond frame-system.
	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The governance origins below root, one per track.
	#[derive(
		PartialEq,
		Eq,
		Clone,
		Copy,
		MaxEncodedLen,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// Sets the market's and node staking's parameters.
		ParameterAdmin,
		/// Adds and removes validators.
		ValidatorAdmin,
		/// Cancels a compute node's deferred slash.
		SlashCanceller,
		/// Spends from the treasury.
		Treasurer,
	}

	/// How long the runtime's referendum tracks run.
	#[derive(
		PartialEq,
		Eq,
		Clone,
		Copy,
		Default,
		MaxEncodedLen,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		Debug,
		frame_support::__private::serde::Serialize,
		frame_support::__private::serde::Deserialize,
	)]
	#[serde(crate = "frame_support::__private::serde")]
	pub enum TrackTiming {
		/// Periods of hours and days: a public network.
		#[default]
		Production,
		/// Periods of blocks and minutes: a development chain.
		Development,
	}

	/// The timing of the referendum tracks, set at genesis.
	#[pallet::storage]
	pub type Timing<T> = StorageValue<_, TrackTiming, ValueQuery>;

	/// The genesis configuration: the tracks' timing.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// How long referenda run on this chain.
		pub timing: TrackTiming,
		#[serde(skip)]
		#[doc(hidden)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Timing::<T>::put(self.timing);
		}
	}

	impl<T: Config> Pallet<T> {
		/// The timing of the referendum tracks.
		pub fn timing() -> TrackTiming {
			Timing::<T>::get()
		}
	}

	/// Declares, for each origin, a type that ensures exactly that origin.
	macro_rules! ensure_origin_types {
		( $( $(#[$attr:meta])* $name:ident => $variant:ident, )+ ) => { $(
			$(#[$attr])*
			pub struct $name;

			impl<O: Into<Result<Origin, O>> + From<Origin>> EnsureOrigin<O> for $name {
				type Success = ();

				fn try_origin(o: O) -> Result<Self::Success, O> {
					o.into().and_then(|origin| match origin {
						Origin::$variant => Ok(()),
						other => Err(O::from(other)),
					})
				}

				#[cfg(feature = "runtime-benchmarks")]
				fn try_successful_origin() -> Result<O, ()> {
					Ok(O::from(Origin::$variant))
				}
			}
		)+ };
	}

	ensure_origin_types! {
		/// Ensures [`Origin::ParameterAdmin`].
		EnsureParameterAdmin => ParameterAdmin,
		/// Ensures [`Origin::ValidatorAdmin`].
		EnsureValidatorAdmin => ValidatorAdmin,
		/// Ensures [`Origin::SlashCanceller`].
		EnsureSlashCanceller => SlashCanceller,
		/// Ensures [`Origin::Treasurer`].
		EnsureTreasurer => Treasurer,
	}
}
