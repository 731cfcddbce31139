//! Tests of the model registry.

use crate::{mock::*, pallet::*, Error};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use sp_core::H256;
use zkinfer_primitives::{testing::TestVerifier, InputDomain, ModelRegistry as _, ProofSystem};
use zkinfer_verifier_primitives::KeyHash;

/// The test model's input domain.
const DOMAIN: InputDomain = InputDomain { min: -64, max: 63 };

/// The test verifier's keys cost 40 compute units (`2^6` rows × 40 columns / 64).
const UNITS: u64 = 40;

/// A 2×2 input, 3 outputs, under `vk`.
fn spec(vk: KeyHash) -> ModelSpecOf<Test> {
	ModelSpec {
		metadata: BoundedVec::truncate_from(br#"{"name":"tiny"}"#.to_vec()),
		input_shape: BoundedVec::truncate_from(vec![2, 2]),
		input_scale: 5,
		output_shape: BoundedVec::truncate_from(vec![3]),
		output_scale: 5,
		input_domain: DOMAIN,
		proof_system: ProofSystem::Halo2Kzg,
		vk,
		artifact: H256::repeat_byte(0xaa),
	}
}

fn held(who: u64) -> Balance {
	Balances::balance_on_hold(&HoldReason::ModelDeposit.into(), &who)
}

/// Registers the test model for ALICE; returns its id.
fn register_alice() -> u32 {
	let vk = key_for(4, 3);
	assert_ok!(ModelRegistry::register_model(RuntimeOrigin::signed(ALICE), spec(vk)));
	NextModelId::<Test>::get() - 1
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

#[docify::export]
#[test]
fn registering_holds_the_deposit_and_moves_the_fee() {
	run_test(|| {
		let vk = key_for(4, 3);
		let issuance = Balances::total_issuance();
		assert_ok!(ModelRegistry::register_model(RuntimeOrigin::signed(ALICE), spec(vk)));

		let record = Models::<Test>::get(0).expect("model 0 is stored");
		let deposit = ModelDepositBase::get()
			+ ModelDepositPerByte::get() * codec::Encode::encoded_size(&record) as u64;
		assert_eq!(record.deposit, deposit);
		assert_eq!(record.owner, ALICE);
		assert_eq!(held(ALICE), deposit);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - FEE - deposit);
		assert_eq!(Balances::balance(&TREASURY), 1 + FEE);
		assert_eq!(
			Balances::total_issuance(),
			issuance,
			"the fee moved, nothing was minted or burned"
		);
		assert_eq!(TestVerifier::references(ProofSystem::Halo2Kzg, &vk), Some(1));
		assert_eq!(
			last_event(),
			Event::ModelRegistered {
				model: 0,
				owner: ALICE,
				proof_system: ProofSystem::Halo2Kzg,
				vk,
				compute_units: UNITS,
				input_domain: DOMAIN,
				fee: FEE,
				deposit,
			}
			.into()
		);
		let terms = ModelRegistry::terms(0).expect("terms of a stored model");
		assert_eq!((terms.input_len, terms.output_len, terms.compute_units), (4, 3, UNITS));
		assert_eq!(terms.input_domain, DOMAIN);
		assert!(terms.accepts_jobs);

		// Retiring without open jobs removes it and gives everything back but the fee.
		assert_ok!(ModelRegistry::retire_model(RuntimeOrigin::signed(ALICE), 0));
		assert!(Models::<Test>::get(0).is_none());
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - FEE);
		assert_eq!(TestVerifier::references(ProofSystem::Halo2Kzg, &vk), Some(0));
		assert_eq!(last_event(), Event::ModelRemoved { model: 0, owner: ALICE, deposit }.into());
	});
}

#[test]
fn model_ids_count_up() {
	run_test(|| {
		assert_eq!(register_alice(), 0);
		assert_eq!(register_alice(), 1);
		assert_eq!(NextModelId::<Test>::get(), 2);
	});
}

#[test]
fn a_specification_must_match_a_registered_key() {
	run_test(|| {
		let vk = key_for(4, 3);
		let origin = || RuntimeOrigin::signed(ALICE);
		let unknown = spec(H256::repeat_byte(5));
		assert_noop!(ModelRegistry::register_model(origin(), unknown), Error::<Test>::UnknownKey);
		let mut groth = spec(vk);
		groth.proof_system = ProofSystem::Groth16;
		assert_noop!(ModelRegistry::register_model(origin(), groth), Error::<Test>::UnknownKey);
		let mut wider = spec(vk);
		wider.output_shape = BoundedVec::truncate_from(vec![4]);
		assert_noop!(ModelRegistry::register_model(origin(), wider), Error::<Test>::ShapeMismatch);
		let mut empty = spec(vk);
		empty.input_shape = BoundedVec::truncate_from(vec![]);
		assert_noop!(ModelRegistry::register_model(origin(), empty), Error::<Test>::EmptyShape);
		let mut zero = spec(vk);
		zero.input_shape = BoundedVec::truncate_from(vec![4, 0]);
		assert_noop!(ModelRegistry::register_model(origin(), zero), Error::<Test>::EmptyShape);
		let mut huge = spec(vk);
		huge.input_shape = BoundedVec::truncate_from(vec![1024, 2]);
		assert_noop!(ModelRegistry::register_model(origin(), huge), Error::<Test>::TooManyValues);
		let mut overflow = spec(vk);
		overflow.input_shape = BoundedVec::truncate_from(vec![u32::MAX, 2]);
		assert_noop!(
			ModelRegistry::register_model(origin(), overflow),
			Error::<Test>::TooManyValues
		);
		let mut scaled = spec(vk);
		scaled.output_scale = 63;
		assert_noop!(ModelRegistry::register_model(origin(), scaled), Error::<Test>::ScaleTooLarge);
		let mut inverted = spec(vk);
		inverted.input_domain = InputDomain { min: 1, max: 0 };
		assert_noop!(
			ModelRegistry::register_model(origin(), inverted),
			Error::<Test>::InvalidInputDomain
		);
		assert_eq!(TestVerifier::references(ProofSystem::Halo2Kzg, &vk), Some(0));
	});
}

#[test]
fn an_owner_who_cannot_pay_registers_nothing() {
	run_test(|| {
		let vk = key_for(4, 3);
		// PAUPER has 1,000: not the deposit (> 1,000) and the fee.
		assert!(ModelRegistry::register_model(RuntimeOrigin::signed(PAUPER), spec(vk)).is_err());
		assert_eq!(NextModelId::<Test>::get(), 0);
		assert_eq!(Balances::balance(&PAUPER), 1_000);
		assert_eq!(Balances::balance(&TREASURY), 1);
		assert_eq!(TestVerifier::references(ProofSystem::Halo2Kzg, &vk), Some(0));
	});
}

#[test]
fn metadata_updates_move_the_deposit_both_ways() {
	run_test(|| {
		let model = register_alice();
		let before = held(ALICE);
		let expected = || {
			let record = Models::<Test>::get(model).unwrap();
			ModelDepositBase::get()
				+ ModelDepositPerByte::get() * codec::Encode::encoded_size(&record) as u64
		};
		let longer = BoundedVec::truncate_from(vec![1u8; 100]);
		assert_ok!(ModelRegistry::update_metadata(RuntimeOrigin::signed(ALICE), model, longer));
		// 85 more bytes of metadata and one more byte of length prefix.
		assert_eq!(held(ALICE), before + 10 * 86);
		assert_eq!(held(ALICE), expected());
		assert_eq!(last_event(), Event::MetadataUpdated { model, deposit: before + 860 }.into());
		assert_ok!(ModelRegistry::update_metadata(
			RuntimeOrigin::signed(ALICE),
			model,
			BoundedVec::truncate_from(vec![])
		));
		assert_eq!(held(ALICE), before - 10 * 15);
		assert_eq!(held(ALICE), expected());
		assert_noop!(
			ModelRegistry::update_metadata(
				RuntimeOrigin::signed(BOB),
				model,
				BoundedVec::truncate_from(vec![])
			),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			ModelRegistry::update_metadata(
				RuntimeOrigin::signed(ALICE),
				7,
				BoundedVec::truncate_from(vec![])
			),
			Error::<Test>::UnknownModel
		);
	});
}

#[test]
fn a_retired_model_finishes_its_open_jobs_then_goes() {
	run_test(|| {
		let model = register_alice();
		let deposit = held(ALICE);
		assert_ok!(ModelRegistry::job_opened(model, &BOB));
		assert_ok!(ModelRegistry::job_opened(model, &BOB));
		assert_noop!(
			ModelRegistry::retire_model(RuntimeOrigin::signed(BOB), model),
			Error::<Test>::NotOwner
		);
		assert_ok!(ModelRegistry::retire_model(RuntimeOrigin::signed(ALICE), model));
		assert_eq!(last_event(), Event::ModelRetired { model, open_jobs: 2 }.into());
		// No new jobs, no changes; open ones still settle against its terms.
		assert_noop!(ModelRegistry::job_opened(model, &BOB), Error::<Test>::ModelRetired);
		assert!(!ModelRegistry::terms(model).unwrap().accepts_jobs);
		assert_noop!(
			ModelRegistry::update_metadata(
				RuntimeOrigin::signed(ALICE),
				model,
				BoundedVec::truncate_from(vec![])
			),
			Error::<Test>::ModelRetired
		);
		assert_noop!(
			ModelRegistry::retire_model(RuntimeOrigin::signed(ALICE), model),
			Error::<Test>::ModelRetired
		);
		assert_eq!(held(ALICE), deposit);

		assert_ok!(ModelRegistry::job_closed(model));
		assert!(Models::<Test>::contains_key(model));
		assert_ok!(ModelRegistry::job_closed(model));
		assert!(!Models::<Test>::contains_key(model));
		assert_eq!(held(ALICE), 0);
		assert_eq!(last_event(), Event::ModelRemoved { model, owner: ALICE, deposit }.into());
		assert_noop!(ModelRegistry::job_closed(model), Error::<Test>::UnknownModel);
	});
}

#[test]
fn closing_more_jobs_than_were_opened_is_refused() {
	run_test(|| {
		let model = register_alice();
		assert_noop!(ModelRegistry::job_closed(model), Error::<Test>::OpenJobsOutOfRange);
	});
}

#[test]
fn ownership_moves_only_when_the_new_owner_accepts() {
	run_test(|| {
		let model = register_alice();
		let deposit = held(ALICE);
		assert_noop!(
			ModelRegistry::offer_ownership(RuntimeOrigin::signed(BOB), model, BOB),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			ModelRegistry::offer_ownership(RuntimeOrigin::signed(ALICE), model, ALICE),
			Error::<Test>::AlreadyOwner
		);
		assert_ok!(ModelRegistry::offer_ownership(RuntimeOrigin::signed(ALICE), model, BOB));
		assert_eq!(last_event(), Event::OwnershipOffered { model, owner: ALICE, to: BOB }.into());
		// Nothing moved yet.
		assert_eq!((held(ALICE), held(BOB)), (deposit, 0));
		assert_noop!(
			ModelRegistry::accept_ownership(RuntimeOrigin::signed(PAUPER), model),
			Error::<Test>::NotOffered
		);

		assert_ok!(ModelRegistry::accept_ownership(RuntimeOrigin::signed(BOB), model));
		assert_eq!((held(ALICE), held(BOB)), (0, deposit));
		assert_eq!(Models::<Test>::get(model).unwrap().owner, BOB);
		assert_eq!(ModelRegistry::terms(model).unwrap().owner, BOB);
		assert!(OwnershipOffers::<Test>::get(model).is_none());
		assert_eq!(
			last_event(),
			Event::OwnershipTransferred { model, from: ALICE, to: BOB, deposit }.into()
		);
		assert_noop!(
			ModelRegistry::accept_ownership(RuntimeOrigin::signed(BOB), model),
			Error::<Test>::NotOffered
		);
	});
}

#[test]
fn an_offer_to_an_account_that_cannot_hold_the_deposit_fails_on_acceptance() {
	run_test(|| {
		let model = register_alice();
		assert!(held(ALICE) > 1_000);
		assert_ok!(ModelRegistry::offer_ownership(RuntimeOrigin::signed(ALICE), model, PAUPER));
		assert!(ModelRegistry::accept_ownership(RuntimeOrigin::signed(PAUPER), model).is_err());
		assert_eq!(Models::<Test>::get(model).unwrap().owner, ALICE);
		// Retiring withdraws the offer.
		assert_ok!(ModelRegistry::retire_model(RuntimeOrigin::signed(ALICE), model));
		assert!(OwnershipOffers::<Test>::get(model).is_none());
	});
}

#[test]
fn usage_counts_inferences_distinct_and_repeat_requesters() {
	run_test(|| {
		let model = register_alice();
		for requester in [BOB, BOB, PAUPER] {
			assert_ok!(ModelRegistry::job_opened(model, &requester));
			assert_ok!(ModelRegistry::jobs_verified(model, &[requester]));
		}
		// Several jobs settled together count as many as settled one by one.
		assert_ok!(ModelRegistry::job_opened(model, &BOB));
		assert_ok!(ModelRegistry::job_opened(model, &ALICE));
		assert_ok!(ModelRegistry::jobs_verified(model, &[BOB, ALICE]));
		assert_eq!(
			Usage::<Test>::get(model),
			UsageStats { inferences: 5, distinct_requesters: 3, repeat_requesters: 1 }
		);
		assert_eq!(RequesterInferences::<Test>::get(model, BOB).map(|r| r.verified), Some(3));
		// Statistics outlive the model.
		assert_ok!(ModelRegistry::retire_model(RuntimeOrigin::signed(ALICE), model));
		assert_eq!(Usage::<Test>::get(model).inferences, 5);
	});
}

#[test]
fn compute_units_come_from_the_key_whatever_the_owner_wants() {
	run_test(|| {
		// A key of 2^10 rows and 24 columns costs 2^10 × 24 / 64 = 384 units; nothing in the
		// specification can change that.
		let vk = TestVerifier::register_sized_key(ProofSystem::Halo2Kzg, 8, 10, 24);
		assert_ok!(ModelRegistry::register_model(RuntimeOrigin::signed(ALICE), spec(vk)));
		let model = NextModelId::<Test>::get() - 1;
		assert_eq!(ModelRegistry::terms(model).map(|t| t.compute_units), Ok(384));
		assert_eq!(Models::<Test>::get(model).map(|r| r.compute_units), Some(384));
		// A copy of the same model under the same key costs exactly as much.
		assert_ok!(ModelRegistry::register_model(RuntimeOrigin::signed(BOB), spec(vk)));
		assert_eq!(ModelRegistry::terms(model + 1).map(|t| t.compute_units), Ok(384));
	});
}

#[test]
fn a_requesters_first_job_holds_its_usage_record_deposit_until_the_model_is_gone() {
	run_test(|| {
		let model = register_alice();
		let usage_held = |who| Balances::balance_on_hold(&HoldReason::UsageRecord.into(), &who);
		assert_ok!(ModelRegistry::job_opened(model, &BOB));
		assert_eq!(usage_held(BOB), USAGE_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::UsageRecordCreated { model, requester: BOB, deposit: USAGE_DEPOSIT }.into()
		);
		// Later jobs of the same requester hold nothing more.
		assert_ok!(ModelRegistry::job_opened(model, &BOB));
		assert_eq!(usage_held(BOB), USAGE_DEPOSIT);
		// A requester who cannot pay for its record cannot open a job.
		assert!(ModelRegistry::job_opened(model, &42).is_err());
		assert_ok!(ModelRegistry::jobs_verified(model, &[BOB]));
		assert_ok!(ModelRegistry::job_closed(model));
		assert_noop!(
			ModelRegistry::jobs_verified(model, &[BOB]),
			Error::<Test>::OpenJobsOutOfRange
		);
		// The record stays while the model is stored.
		assert_noop!(
			ModelRegistry::remove_usage_record(RuntimeOrigin::signed(BOB), model),
			Error::<Test>::ModelStillStored
		);
		assert_ok!(ModelRegistry::retire_model(RuntimeOrigin::signed(ALICE), model));
		assert_noop!(
			ModelRegistry::remove_usage_record(RuntimeOrigin::signed(PAUPER), model),
			Error::<Test>::NoUsageRecord
		);
		assert_ok!(ModelRegistry::remove_usage_record(RuntimeOrigin::signed(BOB), model));
		assert_eq!(usage_held(BOB), 0);
		assert_eq!(Balances::balance(&BOB), ENDOWMENT);
		assert_eq!(
			last_event(),
			Event::UsageRecordRemoved { model, requester: BOB, deposit: USAGE_DEPOSIT }.into()
		);
		// The statistics keep counting BOB.
		assert_eq!(Usage::<Test>::get(model).distinct_requesters, 1);
	});
}

#[test]
fn try_state_notices_a_deposit_that_is_not_held() {
	new_test_ext().execute_with(|| {
		let model = register_alice();
		assert_ok!(ModelRegistry::do_try_state());
		Models::<Test>::mutate(model, |r| r.as_mut().unwrap().deposit += 1);
		assert!(ModelRegistry::do_try_state().is_err());
	});
}

#[test]
fn try_state_notices_a_retired_model_left_behind() {
	new_test_ext().execute_with(|| {
		let model = register_alice();
		Models::<Test>::mutate(model, |r| r.as_mut().unwrap().status = ModelStatus::Retired);
		assert!(ModelRegistry::do_try_state().is_err());
	});
}

#[test]
fn try_state_notices_statistics_that_differ_from_the_records() {
	new_test_ext().execute_with(|| {
		let model = register_alice();
		assert_ok!(ModelRegistry::job_opened(model, &BOB));
		assert_ok!(ModelRegistry::jobs_verified(model, &[BOB]));
		assert_ok!(ModelRegistry::do_try_state());
		Usage::<Test>::mutate(model, |u| u.distinct_requesters += 1);
		assert!(ModelRegistry::do_try_state().is_err());
	});
}
