//! # zkinfer runtime
//!
//! The state transition function of the zkinfer chain: a solochain for verified AI inference.
//!
//! ## Overview
//!
//! Blocks are authored by [`pallet_aura`] in fixed slots of [`SLOT_DURATION`] milliseconds and
//! finalized by [`pallet_grandpa`]. Both take their authorities from [`pallet_session`], whose
//! validator set is kept by [`pallet_collator_selection`] (named `ValidatorSet` in this
//! runtime): a referendum on the validator-admin track (or root,
//! [`configs::ValidatorSetUpdateOrigin`]) adds and removes validators with
//! `ValidatorSet::add_invulnerable` / `remove_invulnerable`; a validator must have registered its
//! session keys with `Session::set_keys` first. Changes take effect two sessions later.
//!
//! Token holders govern by OpenGov referenda ([`configs::governance`]): the market's and node
//! staking's parameters live in `pallet-parameters` within enforced bounds
//! ([`configs::governance::parameters`]), and the treasury ([`configs::treasury`]) receives the
//! protocol's fees and slashes.
//!
//! Fees are paid in the native token through [`pallet_transaction_payment`]. [`pallet_sudo`] is
//! part of the runtime, but only the development genesis preset sets a sudo key; the local
//! testnet's and a public network's chain specs leave it empty.
//!
//! Everything a client needs is in the metadata: polkadot.js decodes every call, event and
//! storage item from the `Metadata` runtime API alone.
//!
//! ## Layout
//!
//! - [`configs`]: the `Config` implementations, one file per concern.
//! - [`apis`]: the runtime APIs.
//! - [`genesis_config_presets`]: the `development` and `local_testnet` presets.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`-style macros expand to many undocumented items.
#![allow(missing_docs)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

// Declared first: `define_benchmarks!` there defines the `list_benchmarks!`/`add_benchmarks!`
// macros that `apis` uses.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types. The node uses them to handle blocks and extrinsics without knowing the
/// runtime's concrete call and extension types, so it keeps syncing across runtime upgrades.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: one for block authoring, one for finality votes.
	pub struct SessionKeys {
		/// Aura (block authoring), sr25519.
		pub aura: Aura,
		/// GRANDPA (finality), ed25519.
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. Bump `spec_version` on every change of the state transition function.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("zkinfer"),
	impl_name: Cow::Borrowed("zkinfer"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Target block time. Blocks are produced at most this often.
pub const MILLISECS_PER_BLOCK: u64 = 6000;

/// Aura's slot length. It cannot change once the chain has started.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

/// One minute in blocks.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
/// One hour in blocks.
pub const HOURS: BlockNumber = MINUTES * 60;
/// One day in blocks.
pub const DAYS: BlockNumber = HOURS * 24;

/// Length of a session in blocks: validator-set changes take effect two sessions after they
/// are made.
pub const SESSION_PERIOD: BlockNumber = 5 * MINUTES;

/// Decimals of the native token.
pub const TOKEN_DECIMALS: u8 = 12;
/// One whole native token.
pub const UNIT: Balance = 10u128.pow(TOKEN_DECIMALS as u32);
/// A thousandth of a token.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// A millionth of a token.
pub const MICRO_UNIT: Balance = UNIT / 1_000_000;
/// The smallest balance an account may hold.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Transaction signature: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// Account identifier: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Balance of an account.
pub type Balance = u128;

/// Transaction index of an account.
pub type Nonce = u32;

/// Block hash.
pub type Hash = sp_core::H256;

/// Block number.
pub type BlockNumber = u32;

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// Signed block type.
pub type SignedBlock = generic::SignedBlock<Block>;

/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions checked on every signed extrinsic, in order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations to run on runtime upgrade, besides those of the pallets themselves.
#[allow(unused_parens)]
type Migrations = ();

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The runtime: every pallet, at a fixed index that extrinsics and storage keys depend on.
#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(4)]
	pub type Utility = pallet_utility;

	// Consensus. Order matters: the authorship and validator-set pallets come before session,
	// and session before Aura and GRANDPA, so that session's genesis sets their authorities.
	#[runtime::pallet_index(10)]
	pub type Authorship = pallet_authorship;

	#[runtime::pallet_index(11)]
	pub type ValidatorSet = pallet_collator_selection;

	#[runtime::pallet_index(12)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(13)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(14)]
	pub type Grandpa = pallet_grandpa;

	// Development only: genesis presets of public networks set no key.
	#[runtime::pallet_index(20)]
	pub type Sudo = pallet_sudo;

	// Proof verification, one instance per proof system.
	#[runtime::pallet_index(30)]
	pub type Groth16Verifier = pallet_proof_verifier<Instance1>;

	#[runtime::pallet_index(31)]
	pub type Halo2Verifier = pallet_proof_verifier<Instance2>;

	// The market.
	#[runtime::pallet_index(40)]
	pub type ModelRegistry = pallet_model_registry;

	// Before the market, so that its hook starts a new epoch before the market assigns jobs.
	#[runtime::pallet_index(42)]
	pub type NodeStaking = pallet_node_staking;

	#[runtime::pallet_index(41)]
	pub type InferenceMarket = pallet_inference_market;

	// Governance: OpenGov referenda and what they decide.
	#[runtime::pallet_index(50)]
	pub type Preimage = pallet_preimage;

	#[runtime::pallet_index(51)]
	pub type Scheduler = pallet_scheduler;

	#[runtime::pallet_index(52)]
	pub type Referenda = pallet_referenda;

	#[runtime::pallet_index(53)]
	pub type ConvictionVoting = pallet_conviction_voting;

	#[runtime::pallet_index(54)]
	pub type GovernanceOrigins = pallet_governance_origins;

	#[runtime::pallet_index(55)]
	pub type Parameters = pallet_parameters;

	#[runtime::pallet_index(56)]
	pub type Treasury = pallet_treasury;
}
