//! The treasury: receives model registration fees, the protocol's share of job fees, compute
//! nodes' slashes and the deposits of killed referenda; spends by referendum.
//!
//! Its account is [`TreasuryAccount`] (derived from [`TreasuryPalletId`]). A spend
//! (`Treasury::spend`) needs root (any amount) or the treasurer track's origin (at most
//! [`MaxTreasurerSpend`]); the approved amount is then paid with `Treasury::payout`. Nothing is
//! burnt between spend periods.

use frame_support::{
	parameter_types,
	traits::tokens::{PayFromAccount, UnityAssetBalanceConversion},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess, EnsureWithSuccess};
use pallet_governance_origins::EnsureTreasurer;
use sp_runtime::{
	traits::{AccountIdConversion, IdentityLookup},
	Permill,
};

use crate::{AccountId, Balance, Balances, BlockNumber, Runtime, System, DAYS, UNIT};

parameter_types! {
	/// The treasury's pallet id: its account is derived from it.
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	/// The treasury's account.
	pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
	/// Approved spends are paid out at this interval.
	pub const SpendPeriod: BlockNumber = 6 * DAYS;
	/// An approved spend can be claimed for this long.
	pub const PayoutPeriod: BlockNumber = 30 * DAYS;
	/// Nothing is burnt from the treasury at a spend period.
	pub const Burn: Permill = Permill::zero();
	/// The largest spend the treasurer track may approve.
	pub const MaxTreasurerSpend: Balance = 100_000 * UNIT;
	/// Root may approve any spend.
	pub const MaxRootSpend: Balance = Balance::MAX;
}

/// Who may approve a spend, and up to how much.
pub type TreasurySpendOrigin = frame_support::traits::EitherOf<
	EnsureRootWithSuccess<AccountId, MaxRootSpend>,
	EnsureWithSuccess<EnsureTreasurer, AccountId, MaxTreasurerSpend>,
>;

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = EnsureRoot<AccountId>;
	type RuntimeEvent = crate::RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	type Burn = Burn;
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = pallet_treasury::weights::SubstrateWeight<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = frame_support::traits::ConstU32<100>;
	type SpendOrigin = TreasurySpendOrigin;
	// Only the native token.
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type Paymaster = PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = PayoutPeriod;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
	type BlockNumberProvider = System;
}
