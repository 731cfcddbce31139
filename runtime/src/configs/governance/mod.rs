//! Governance: token holders decide by OpenGov referenda what the market's parameters are, who
//! validates, which slashes are cancelled and what the treasury spends.
//!
//! ## The path of a decision
//!
//! 1. Anyone notes the proposal's call with `Preimage::note_preimage` (a deposit is held for
//!    the bytes) and submits it with `Referenda::submit(origin, proposal, enactment)`, naming
//!    the origin the call must be dispatched with; that origin picks the track ([`tracks`]).
//!    The submission deposit is held.
//! 2. Someone places the track's decision deposit (`Referenda::place_decision_deposit`).
//! 3. After the track's prepare period the referendum is decided: token holders vote with
//!    `ConvictionVoting::vote`, locking their tokens for longer to weigh more. It passes once
//!    approval and support stay above the track's curves for the confirm period; it fails if
//!    the decision period ends first.
//! 4. A passed proposal is scheduled (`Scheduler`) and dispatched with its origin after the
//!    enactment delay. Both deposits can then be refunded.
//!
//! ## Origins
//!
//! Root is the root track's; the narrower origins of `pallet-governance-origins` are the other
//! tracks': `ParameterAdmin` sets parameters ([`parameters`]), `ValidatorAdmin` changes the
//! validator set, `SlashCanceller` cancels deferred slashes of compute nodes, `Treasurer`
//! spends from the treasury ([`super::treasury`]).

pub mod parameters;
pub mod tracks;

use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, tokens::currency::ActiveIssuanceOf, AsEnsureOriginWithArg,
		EqualPrivilegeOnly, LinearStoragePrice,
	},
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::Perbill;

use super::RuntimeBlockWeights;

use crate::{
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Referenda, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System, Treasury, DAYS,
	MILLI_UNIT, UNIT,
};

parameter_types! {
	/// Held from whoever notes a preimage: a base...
	pub const PreimageBaseDeposit: Balance = UNIT;
	/// ...and an amount per byte of the noted call.
	pub const PreimageByteDeposit: Balance = MILLI_UNIT;
	/// The hold reason of preimage deposits.
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

parameter_types! {
	/// Scheduled calls (enacted proposals) may use up to 80 % of a block.
	pub MaximumSchedulerWeight: frame_support::weights::Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	// Only referenda schedule (through `ScheduleAnon`); no one schedules by extrinsic but root.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = frame_support::traits::ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

parameter_types! {
	/// Held from the submitter of a referendum until it ends.
	pub const SubmissionDeposit: Balance = 10 * UNIT;
	/// A referendum without a decision deposit for this long times out.
	pub const UndecidingTimeout: BlockNumber = 14 * DAYS;
	/// Blocks between re-checks of a referendum waiting for something to happen.
	pub const AlarmInterval: BlockNumber = 1;
	/// A vote with conviction 1x locks the voter's tokens this long after the referendum.
	pub const VoteLockingPeriod: BlockNumber = 7 * DAYS;
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	type SubmitOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type CancelOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	// Deposits of killed referenda go to the treasury.
	type Slash = Treasury;
	type Votes = pallet_conviction_voting::VotesOf<Runtime>;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = frame_support::traits::ConstU32<100>;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = AlarmInterval;
	type Tracks = tracks::Tracks;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_conviction_voting::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type Polls = Referenda;
	// Support is measured against the active issuance.
	type MaxTurnout = ActiveIssuanceOf<Balances, AccountId>;
	type MaxVotes = frame_support::traits::ConstU32<512>;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}

impl pallet_governance_origins::Config for Runtime {}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}
