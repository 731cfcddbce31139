//! The market's and node staking's governed parameters, kept by `pallet-parameters` and set by
//! referenda on the parameters track.
//!
//! ## Reading
//!
//! The pallets read each parameter through a `Get` on every use ([`Governed`]), so a new value
//! applies from the next job, epoch boundary or call on. A parameter never set reads as its
//! default, the value in [`dynamic_params`].
//!
//! ## Bounds
//!
//! Each parameter has bounds ([`ParameterBounds`]) that keep the chain working whatever a
//! referendum decides: an epoch is at least a minute, a unit price is never zero, the node's
//! and model owner's shares never exceed the fee, and so on. They are enforced twice:
//!
//! 1. **When set**: only [`EnsureParameterAdmin`] (the parameters track) may call
//!    `Parameters::set_parameter`, and the runtime's call filter ([`ParametersWithinBounds`])
//!    refuses the call with `System.CallFiltered` if the value is out of bounds, so the stored
//!    value does not change. Root cannot set parameters: the filter does not apply to root.
//! 2. **When read**: [`Governed`] clamps a stored value into its bounds, so that even a value
//!    written by a future migration cannot take the chain outside them.

use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	traits::{AsEnsureOriginWithArg, Contains, Get},
};
use pallet_governance_origins::EnsureParameterAdmin;
use sp_runtime::{PerThing, Perbill};

use crate::{Balance, BlockNumber, Runtime, RuntimeCall, DAYS, HOURS, MICRO_UNIT, MINUTES, UNIT};
use zkinfer_primitives::EpochIndex;

/// How a job's fee is shared: the node, the model owner, and the treasury the rest.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
)]
pub struct FeeShares {
	/// The share of the node that proved the job (paid into its staking pool).
	pub node: Perbill,
	/// The share of the model's owner.
	pub model_owner: Perbill,
}

/// The default fee split: 80 % to the node, 15 % to the model owner, 5 % to the treasury.
pub const DEFAULT_FEE_SHARES: FeeShares =
	FeeShares { node: Perbill::from_percent(80), model_owner: Perbill::from_percent(15) };

/// The governed parameters and their defaults (the genesis values).
#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Runtime>)]
pub mod dynamic_params {
	use super::*;

	/// The market's parameters (model registry and inference market).
	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod market {
		/// The price of one compute unit.
		#[codec(index = 0)]
		pub static UnitPrice: Balance = 10 * MICRO_UNIT;

		/// How a job's fee is shared between node, model owner and treasury.
		#[codec(index = 1)]
		pub static FeeShares: super::FeeShares = super::DEFAULT_FEE_SHARES;

		/// The fee for registering a model, paid to the treasury.
		#[codec(index = 2)]
		pub static RegistrationFee: Balance = 10 * UNIT;

		/// Blocks an assigned node has to submit a verified result.
		#[codec(index = 3)]
		pub static AssignmentDeadline: BlockNumber = 2 * MINUTES;

		/// How often an expired job is assigned again before it is refunded.
		#[codec(index = 4)]
		pub static MaxReassignments: u32 = 2;
	}

	/// Node staking's parameters.
	#[dynamic_pallet_params]
	#[codec(index = 1)]
	pub mod node_staking {
		/// Blocks per epoch.
		#[codec(index = 0)]
		pub static EpochLength: BlockNumber = HOURS;

		/// Epochs a leaving node's bond and a leaving member's stake stay bonded.
		#[codec(index = 1)]
		pub static UnbondingEpochs: EpochIndex = 24;

		/// The least an operator bonds per model its node serves (each slot in a model's node
		/// list costs this much bond).
		#[codec(index = 2)]
		pub static MinBond: Balance = 1_000 * UNIT;

		/// The least stake put into a pool at once.
		#[codec(index = 3)]
		pub static MinJoin: Balance = 10 * UNIT;

		/// The highest operator commission.
		#[codec(index = 4)]
		pub static MaxCommission: Perbill = Perbill::from_percent(20);

		/// Minted per epoch for the nodes, shared by verified work.
		#[codec(index = 5)]
		pub static EpochEmission: Balance = 100 * UNIT;

		/// The share of a node's stake slashed per missed deadline.
		#[codec(index = 6)]
		pub static MissedDeadlineSlash: Perbill = Perbill::from_percent(1);

		/// The share of a node's stake slashed per proven unavailability.
		#[codec(index = 7)]
		pub static UnavailabilitySlash: Perbill = Perbill::from_percent(5);

		/// Offences in one epoch after which a node is deactivated.
		#[codec(index = 8)]
		pub static DeactivationThreshold: u32 = 10;
	}
}

/// The values a governed parameter may take.
pub trait ParameterBounds {
	/// The parameter's type.
	type Value: Copy;

	/// Whether `value` is allowed.
	fn allows(value: &Self::Value) -> bool;

	/// The allowed value nearest to `value`.
	fn clamp(value: Self::Value) -> Self::Value;
}

/// Declares a parameter's bounds as an inclusive range.
macro_rules! range_bounds {
	( $( $key:ty : $value:ty = [$min:expr, $max:expr] ; )+ ) => { $(
		impl ParameterBounds for $key {
			type Value = $value;

			fn allows(value: &$value) -> bool {
				($min..=$max).contains(value)
			}

			fn clamp(value: $value) -> $value {
				value.clamp($min, $max)
			}
		}
	)+ };
}

range_bounds! {
	// Never free (a zero price would let anyone fill the queue), at most one token per unit.
	dynamic_params::market::UnitPrice: Balance = [1, UNIT];
	dynamic_params::market::RegistrationFee: Balance = [0, 100_000 * UNIT];
	// Long enough to prove a job, short enough that a dead node does not hold jobs for long.
	dynamic_params::market::AssignmentDeadline: BlockNumber = [MINUTES, DAYS];
	dynamic_params::market::MaxReassignments: u32 = [0, 10];
	// Never zero (the epoch clock divides by it), at most four weeks.
	dynamic_params::node_staking::EpochLength: BlockNumber = [MINUTES, 28 * DAYS];
	dynamic_params::node_staking::UnbondingEpochs: EpochIndex = [1, 1_000];
	dynamic_params::node_staking::MinBond: Balance = [UNIT, 10_000_000 * UNIT];
	dynamic_params::node_staking::MinJoin: Balance = [UNIT, 1_000_000 * UNIT];
	dynamic_params::node_staking::MaxCommission: Perbill = [Perbill::zero(), Perbill::one()];
	// Caps what the chain mints per epoch.
	dynamic_params::node_staking::EpochEmission: Balance = [0, 10_000 * UNIT];
	// One offence never takes more than half a node's stake.
	dynamic_params::node_staking::MissedDeadlineSlash: Perbill =
		[Perbill::zero(), Perbill::from_percent(50)];
	dynamic_params::node_staking::UnavailabilitySlash: Perbill =
		[Perbill::zero(), Perbill::from_percent(50)];
	dynamic_params::node_staking::DeactivationThreshold: u32 = [1, 1_000];
}

impl ParameterBounds for dynamic_params::market::FeeShares {
	type Value = FeeShares;

	/// The node gets something, and the node and the model owner together at most the fee.
	fn allows(value: &FeeShares) -> bool {
		let (node, owner) = (value.node.deconstruct(), value.model_owner.deconstruct());
		node > 0 && node.checked_add(owner).is_some_and(|sum| sum <= Perbill::ACCURACY)
	}

	/// An invalid split reads as the default split.
	fn clamp(value: FeeShares) -> FeeShares {
		if Self::allows(&value) {
			value
		} else {
			DEFAULT_FEE_SHARES
		}
	}
}

/// A governed parameter as a pallet reads it: the stored value (or the default) clamped into
/// its bounds.
pub struct Governed<P>(core::marker::PhantomData<P>);

impl<P: ParameterBounds + Get<P::Value>> Get<P::Value> for Governed<P> {
	fn get() -> P::Value {
		P::clamp(P::get())
	}
}

/// The node's share of a job's fee.
pub struct NodeShare;

impl Get<Perbill> for NodeShare {
	fn get() -> Perbill {
		Governed::<dynamic_params::market::FeeShares>::get().node
	}
}

/// The model owner's share of a job's fee.
pub struct ModelOwnerShare;

impl Get<Perbill> for ModelOwnerShare {
	fn get() -> Perbill {
		Governed::<dynamic_params::market::FeeShares>::get().model_owner
	}
}

/// Whether `parameter` may be stored: its value is within its bounds, or it is removed (which
/// restores the default).
pub fn within_bounds(parameter: &RuntimeParameters) -> bool {
	use dynamic_params::{market, node_staking};

	fn allows<P: ParameterBounds>(value: &Option<P::Value>) -> bool {
		value.as_ref().is_none_or(P::allows)
	}

	match parameter {
		RuntimeParameters::Market(p) => match p {
			market::Parameters::UnitPrice(_, v) => allows::<market::UnitPrice>(v),
			market::Parameters::FeeShares(_, v) => allows::<market::FeeShares>(v),
			market::Parameters::RegistrationFee(_, v) => allows::<market::RegistrationFee>(v),
			market::Parameters::AssignmentDeadline(_, v) => allows::<market::AssignmentDeadline>(v),
			market::Parameters::MaxReassignments(_, v) => allows::<market::MaxReassignments>(v),
		},
		RuntimeParameters::NodeStaking(p) => match p {
			node_staking::Parameters::EpochLength(_, v) => allows::<node_staking::EpochLength>(v),
			node_staking::Parameters::UnbondingEpochs(_, v) => {
				allows::<node_staking::UnbondingEpochs>(v)
			},
			node_staking::Parameters::MinBond(_, v) => allows::<node_staking::MinBond>(v),
			node_staking::Parameters::MinJoin(_, v) => allows::<node_staking::MinJoin>(v),
			node_staking::Parameters::MaxCommission(_, v) => {
				allows::<node_staking::MaxCommission>(v)
			},
			node_staking::Parameters::EpochEmission(_, v) => {
				allows::<node_staking::EpochEmission>(v)
			},
			node_staking::Parameters::MissedDeadlineSlash(_, v) => {
				allows::<node_staking::MissedDeadlineSlash>(v)
			},
			node_staking::Parameters::UnavailabilitySlash(_, v) => {
				allows::<node_staking::UnavailabilitySlash>(v)
			},
			node_staking::Parameters::DeactivationThreshold(_, v) => {
				allows::<node_staking::DeactivationThreshold>(v)
			},
		},
	}
}

/// The runtime's call filter: refuses `Parameters::set_parameter` with an out-of-bounds value
/// (an `Err(System.CallFiltered)` dispatch); every other call passes.
pub struct ParametersWithinBounds;

impl Contains<RuntimeCall> for ParametersWithinBounds {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::Parameters(pallet_parameters::Call::set_parameter { key_value }) => {
				within_bounds(key_value)
			},
			_ => true,
		}
	}
}

impl pallet_parameters::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type RuntimeParameters = RuntimeParameters;
	// The parameters track's origin, for every parameter.
	type AdminOrigin = AsEnsureOriginWithArg<EnsureParameterAdmin>;
	// The pallet's own benchmarked weights (its `()` implementation; it exports no other).
	type WeightInfo = ();
}
