//! Block authorship (Aura), finality (GRANDPA), sessions and the validator set.
//!
//! The validator set is [`pallet_collator_selection`]'s list of invulnerables, changed only by
//! [`ValidatorSetUpdateOrigin`] (a referendum on the validator-admin track, or root). Open candidacy is disabled (`MaxCandidates = 0`): validators
//! are chosen by that origin, not by bonding. At every session boundary the set is handed to
//! [`pallet_session`], which rotates the Aura and GRANDPA authorities two sessions later.

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64, EitherOf},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::ConvertInto;

use crate::{
	AccountId, Aura, Balance, Balances, BlockNumber, Runtime, RuntimeEvent, Session, SessionKeys,
	ValidatorSet, MILLI_UNIT, SESSION_PERIOD,
};

/// Most validators the chain supports (Aura and GRANDPA authorities, invulnerables).
pub const MAX_VALIDATORS: u32 = 32;

/// The origin that adds and removes validators: a referendum on the validator-admin track, or
/// root (the root track; sudo on the development chain).
pub type ValidatorSetUpdateOrigin =
	EitherOf<EnsureRoot<AccountId>, pallet_governance_origins::EnsureValidatorAdmin>;

parameter_types! {
	/// Sessions are a fixed number of blocks long.
	pub const SessionPeriod: BlockNumber = SESSION_PERIOD;
	/// The first session ends at block 0 + `SessionPeriod`.
	pub const SessionOffset: BlockNumber = 0;
	/// Account of the (unused) block-reward pot of the validator-set pallet.
	pub const ValidatorPotId: PalletId = PalletId(*b"zk/vpot_");
	/// Held from an account that registers session keys, returned when it purges them.
	pub const SessionKeyDeposit: Balance = 10 * MILLI_UNIT;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = ValidatorSet;
}

impl pallet_collator_selection::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type UpdateOrigin = ValidatorSetUpdateOrigin;
	type PotId = ValidatorPotId;
	// Validators are chosen by the update origin only: no open candidacy.
	type MaxCandidates = ConstU32<0>;
	// A validator set never becomes empty.
	type MinEligibleCollators = ConstU32<1>;
	type MaxInvulnerables = ConstU32<MAX_VALIDATORS>;
	// Only candidates are kicked for not producing blocks; there are none.
	type KickThreshold = SessionPeriod;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ValidatorRegistration = Session;
	type WeightInfo = pallet_collator_selection::weights::SubstrateWeight<Runtime>;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// pallet-grandpa's only weights: its `()` implementation holds its benchmarked figures.
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	// No nominators on this chain.
	type MaxNominators = ConstU32<0>;
	// Equivocation reports are not supported yet, so no key-ownership history is kept.
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}
