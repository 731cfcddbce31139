//! Governance in the real runtime, every step a signed extrinsic: a referendum on the
//! parameters track that passes by vote changes the unit price of new jobs and node staking's
//! parameters; one that fails changes nothing; a value out of bounds is refused at enactment
//! and never read; only the parameters track sets parameters; the treasury is the account the
//! market pays.

mod common;

use common::{governance::*, market::*};
use frame_support::traits::{EnsureOrigin, EnsureOriginWithArg, Get};
use pallet_governance_origins::Origin as GovernanceOrigin;
use pallet_referenda::ReferendumInfo;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave};
use sp_runtime::{traits::BadOrigin, DispatchError, Perbill};
use zkinfer_runtime::{
	configs::{
		governance::{
			parameters::{
				dynamic_params::{market, node_staking},
				within_bounds, FeeShares, RuntimeParameters,
			},
			tracks::PARAMETER_ADMIN,
		},
		treasury::{MaxTreasurerSpend, TreasuryAccount, TreasurySpendOrigin},
	},
	Balance, BlockNumber, InferenceMarket, NodeStaking, OriginCaller, Runtime, RuntimeCall,
	RuntimeOrigin, Treasury, MICRO_UNIT, MINUTES, UNIT,
};

fn parameter_admin() -> OriginCaller {
	OriginCaller::GovernanceOrigins(GovernanceOrigin::ParameterAdmin)
}

fn set(key_value: RuntimeParameters) -> RuntimeCall {
	RuntimeCall::Parameters(pallet_parameters::Call::set_parameter { key_value })
}

fn unit_price(value: Balance) -> RuntimeParameters {
	RuntimeParameters::Market(market::Parameters::UnitPrice(market::UnitPrice, Some(value)))
}

fn epoch_length(value: BlockNumber) -> RuntimeParameters {
	RuntimeParameters::NodeStaking(node_staking::Parameters::EpochLength(
		node_staking::EpochLength,
		Some(value),
	))
}

fn min_bond(value: Balance) -> RuntimeParameters {
	RuntimeParameters::NodeStaking(node_staking::Parameters::MinBond(
		node_staking::MinBond,
		Some(value),
	))
}

fn fee_shares(node: u32, model_owner: u32) -> RuntimeParameters {
	let shares = FeeShares {
		node: Perbill::from_percent(node),
		model_owner: Perbill::from_percent(model_owner),
	};
	RuntimeParameters::Market(market::Parameters::FeeShares(market::FeeShares, Some(shares)))
}

fn batch_all(calls: Vec<RuntimeCall>) -> RuntimeCall {
	RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
}

/// The referendum's track while it is open.
fn track_of(index: u32) -> u16 {
	match pallet_referenda::ReferendumInfoFor::<Runtime>::get(index) {
		Some(ReferendumInfo::Ongoing(status)) => status.track,
		other => panic!("referendum {index} is not open: {other:?}"),
	}
}

/// The default unit price, before any referendum.
const DEFAULT_UNIT_PRICE: Balance = 10 * MICRO_UNIT;

#[test]
fn a_passed_referendum_prices_new_jobs_at_the_new_unit_price() {
	common::new_test_ext("development").execute_with(|| {
		common::run_to_block(1);
		let (model, _) = register_digits_model();
		let (input, _) = fixture_values();
		let old_price = InferenceMarket::quote(model).expect("priced");
		assert_eq!(old_price, digits_units() as Balance * DEFAULT_UNIT_PRICE);
		assert_eq!(apply(Bob, submit_call(model, &input, old_price)).0, Ok(()));

		let index = propose(Alice, parameter_admin(), set(unit_price(20 * MICRO_UNIT)));
		assert_eq!(track_of(index), PARAMETER_ADMIN);
		for voter in [Alice, Bob, Charlie] {
			vote(voter, index, true, VOTE);
		}
		let (info, dispatched) = run_until_decided(index, 20);
		assert!(matches!(info, ReferendumInfo::Approved(..)), "{info:?}");
		assert_eq!(dispatched, vec![Ok(())]);
		assert_eq!(market::UnitPrice::get(), 20 * MICRO_UNIT);

		// New jobs cost twice as much: a requester allowing the old price is refused, the new
		// price is held; the job submitted before keeps its fee.
		let new_price = InferenceMarket::quote(model).expect("priced");
		assert_eq!(new_price, 2 * old_price);
		let refused = pallet_inference_market::Error::<Runtime>::PriceAboveMaxFee;
		assert_eq!(apply(Dave, submit_call(model, &input, old_price)).0, Err(refused.into()));
		assert_eq!(apply(Dave, submit_call(model, &input, new_price)).0, Ok(()));
		assert_eq!(InferenceMarket::job(0).map(|job| job.fee), Some(old_price));
		assert_eq!(InferenceMarket::job(1).map(|job| job.fee), Some(new_price));
		check_invariants();
	});
}

#[test]
fn a_failed_referendum_leaves_the_unit_price_unchanged() {
	common::new_test_ext("development").execute_with(|| {
		common::run_to_block(1);
		let index = propose(Alice, parameter_admin(), set(unit_price(20 * MICRO_UNIT)));
		vote(Alice, index, true, 100_000 * UNIT);
		vote(Bob, index, false, VOTE);
		vote(Charlie, index, false, VOTE);
		// It fails when the decision period (5 minutes on development chains) runs out.
		let (info, dispatched) = run_until_decided(index, 5 * MINUTES + 10);
		assert!(matches!(info, ReferendumInfo::Rejected(..)), "{info:?}");
		assert!(dispatched.is_empty());
		assert_eq!(market::UnitPrice::get(), DEFAULT_UNIT_PRICE);
		assert_eq!(pallet_parameters::Parameters::<Runtime>::iter().count(), 0);
	});
}

#[test]
fn a_passed_referendum_changes_node_stakings_minimum_bond_and_epoch_length() {
	common::new_test_ext("development").execute_with(|| {
		common::run_to_block(1);
		let (model, _) = register_digits_model();
		let calls = vec![set(min_bond(2_000 * UNIT)), set(epoch_length(100))];
		let index = propose(Alice, parameter_admin(), batch_all(calls));
		for voter in [Alice, Bob, Charlie] {
			vote(voter, index, true, VOTE);
		}
		let (info, dispatched) = run_until_decided(index, 20);
		assert!(matches!(info, ReferendumInfo::Approved(..)), "{info:?}");
		assert_eq!(dispatched, vec![Ok(())]);

		// The epoch clock runs on 100-block epochs; a bond of the old minimum is refused.
		assert_eq!(NodeStaking::epoch_info().length, 100);
		let register = |bond| {
			RuntimeCall::NodeStaking(pallet_node_staking::Call::register_node {
				models: frame_support::BoundedVec::truncate_from(vec![model]),
				capacity: 10_000,
				throughput: 10_000,
				commission: Perbill::zero(),
				bond,
			})
		};
		let below = pallet_node_staking::Error::<Runtime>::BondBelowMinimum;
		assert_eq!(apply(Dave, register(1_000 * UNIT)).0, Err(below.into()));
		assert_eq!(apply(Dave, register(2_000 * UNIT)).0, Ok(()));
		check_invariants();
	});
}

#[test]
fn a_value_out_of_bounds_is_refused_at_enactment_and_nothing_changes() {
	common::new_test_ext("development").execute_with(|| {
		common::run_to_block(1);
		// An in-bounds price batched with a zero epoch length: the whole batch is refused.
		let calls = vec![set(unit_price(20 * MICRO_UNIT)), set(epoch_length(0))];
		let index = propose(Alice, parameter_admin(), batch_all(calls));
		for voter in [Alice, Bob, Charlie] {
			vote(voter, index, true, VOTE);
		}
		let (info, dispatched) = run_until_decided(index, 20);
		assert!(matches!(info, ReferendumInfo::Approved(..)), "{info:?}");
		assert_eq!(dispatched, vec![Err(frame_system::Error::<Runtime>::CallFiltered.into())]);
		assert_eq!(market::UnitPrice::get(), DEFAULT_UNIT_PRICE);
		assert_eq!(NodeStaking::epoch_info().length, 600);
		assert_eq!(pallet_parameters::Parameters::<Runtime>::iter().count(), 0);
	});
}

#[test]
fn bounds_hold_when_set_and_when_read() {
	common::new_test_ext("development").execute_with(|| {
		// The bounds at their edges.
		assert!(within_bounds(&epoch_length(MINUTES)));
		assert!(!within_bounds(&epoch_length(MINUTES - 1)));
		assert!(within_bounds(&unit_price(1)));
		assert!(!within_bounds(&unit_price(0)));
		assert!(!within_bounds(&unit_price(UNIT + 1)));
		assert!(within_bounds(&fee_shares(85, 15)));
		assert!(!within_bounds(&fee_shares(85, 16)));
		assert!(!within_bounds(&fee_shares(0, 15)));
		assert!(within_bounds(&min_bond(UNIT)));
		assert!(!within_bounds(&min_bond(UNIT - 1)));
		// Removing a value (back to its default) is always allowed.
		let removal = RuntimeParameters::NodeStaking(node_staking::Parameters::EpochLength(
			node_staking::EpochLength,
			None,
		));
		assert!(within_bounds(&removal));

		// The parameters track's origin sets an in-bounds value; the call filter refuses an
		// out-of-bounds one for that origin.
		let admin = RuntimeOrigin::from(parameter_admin());
		let dispatch = |origin: RuntimeOrigin, value| {
			frame_support::traits::UnfilteredDispatchable::dispatch_bypass_filter(
				pallet_parameters::Call::<Runtime>::set_parameter { key_value: value },
				origin,
			)
			.map(|_| ())
			.map_err(|e| e.error)
		};
		let filtered = |origin: RuntimeOrigin, value| {
			sp_runtime::traits::Dispatchable::dispatch(set(value), origin)
				.map(|_| ())
				.map_err(|e| e.error)
		};
		assert_eq!(
			filtered(admin.clone(), epoch_length(0)),
			Err(frame_system::Error::<Runtime>::CallFiltered.into())
		);
		assert_eq!(filtered(admin.clone(), epoch_length(300)), Ok(()));
		assert_eq!(NodeStaking::epoch_length(), 300);

		// Root and signed origins may not set parameters at all.
		assert_eq!(
			dispatch(RuntimeOrigin::root(), epoch_length(200)),
			Err(DispatchError::from(BadOrigin))
		);
		assert_eq!(
			dispatch(RuntimeOrigin::signed(Alice.to_account_id()), epoch_length(200)),
			Err(BadOrigin.into())
		);
		assert!(<Runtime as pallet_parameters::Config>::AdminOrigin::try_origin(
			RuntimeOrigin::root(),
			&zkinfer_runtime::configs::governance::parameters::RuntimeParametersKey::NodeStaking(
				node_staking::ParametersKey::EpochLength(node_staking::EpochLength)
			),
		)
		.is_err());

		// A stored value out of bounds (which no call can write) reads clamped into them.
		assert_eq!(dispatch(admin, epoch_length(0)), Ok(()));
		assert_eq!(node_staking::EpochLength::get(), 0);
		assert_eq!(NodeStaking::epoch_length(), MINUTES);
	});
}

#[test]
fn the_treasury_receives_the_markets_fees_and_spends_by_referendum_origins() {
	common::new_test_ext("development").execute_with(|| {
		assert_eq!(Treasury::account_id(), TreasuryAccount::get());
		let treasurer =
			RuntimeOrigin::from(OriginCaller::GovernanceOrigins(GovernanceOrigin::Treasurer));
		assert_eq!(TreasurySpendOrigin::try_origin(treasurer).ok(), Some(MaxTreasurerSpend::get()));
		assert_eq!(TreasurySpendOrigin::try_origin(RuntimeOrigin::root()).ok(), Some(Balance::MAX));
		assert!(TreasurySpendOrigin::try_origin(RuntimeOrigin::from(parameter_admin())).is_err());
		assert!(
			TreasurySpendOrigin::try_origin(RuntimeOrigin::signed(Alice.to_account_id())).is_err()
		);

		// Deferred slashes are cancelled by the slash-canceller track (or root) only.
		type SlashCancel = <Runtime as pallet_node_staking::Config>::SlashCancelOrigin;
		let canceller =
			RuntimeOrigin::from(OriginCaller::GovernanceOrigins(GovernanceOrigin::SlashCanceller));
		assert!(SlashCancel::try_origin(canceller).is_ok());
		assert!(SlashCancel::try_origin(RuntimeOrigin::root()).is_ok());
		assert!(SlashCancel::try_origin(RuntimeOrigin::from(parameter_admin())).is_err());
	});
}
