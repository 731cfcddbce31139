//! The key registry: validation, deposits, references, unregistration.

use super::*;
use crate::{Error, HoldReason, KeyRecord};
use frame_support::{assert_noop, traits::fungible::InspectHold};
use zkinfer_verifier_primitives::{KeyInfo, ProofVerifier, VerifyError};

fn held(who: u64) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Groth16Verifier(HoldReason::KeyDeposit), &who)
}

#[test]
fn registering_a_key_holds_its_deposit_and_records_it() {
	run_test(|| {
		let vk = fixture().vk;
		let key = register(ALICE, &vk);
		let deposit = 100 + vk.len() as Balance;
		assert_eq!(
			Keys::<Test>::get(key),
			Some(KeyRecord {
				owner: ALICE,
				deposit,
				public_inputs: 4,
				width: 1,
				k: 0,
				columns: 0,
				references: 0
			})
		);
		assert_eq!(held(ALICE), deposit);
		assert_eq!(Balances::free_balance(ALICE), ENDOWMENT - deposit);
		assert_eq!(
			last_event(),
			Event::KeyRegistered { key, owner: ALICE, public_inputs: 4, width: 1, deposit }
		);
	});
}

#[test]
fn a_key_is_registered_once() {
	run_test(|| {
		register_fixture_key();
		assert_noop!(
			Groth16Verifier::register_vk(
				RuntimeOrigin::signed(BOB),
				BoundedVec::try_from(fixture().vk).unwrap()
			),
			Error::<Test>::KeyAlreadyRegistered
		);
	});
}

#[test]
fn an_invalid_key_is_refused_with_the_verifier_reason_and_nothing_is_held() {
	run_test(|| {
		let mut vk = fixture().vk;
		vk[0] = 9;
		assert_noop!(
			Groth16Verifier::register_vk(
				RuntimeOrigin::signed(ALICE),
				BoundedVec::try_from(vk).unwrap()
			),
			Error::<Test>::InvalidKey(VerifyError::UnsupportedKeyVersion(9))
		);
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn a_registrant_who_cannot_pay_the_deposit_is_refused() {
	run_test(|| {
		assert!(Groth16Verifier::register_vk(
			RuntimeOrigin::signed(PAUPER),
			BoundedVec::try_from(fixture().vk).unwrap()
		)
		.is_err());
		assert_eq!(Keys::<Test>::iter().count(), 0);
	});
}

#[test]
fn unsigned_and_root_origins_cannot_register() {
	run_test(|| {
		let vk = || BoundedVec::try_from(fixture().vk).unwrap();
		assert_noop!(
			Groth16Verifier::register_vk(RuntimeOrigin::none(), vk()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Groth16Verifier::register_vk(RuntimeOrigin::root(), vk()),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_owner_unregisters_an_unused_key_and_gets_the_deposit_back() {
	run_test(|| {
		let key = register_fixture_key();
		let deposit = Keys::<Test>::get(key).unwrap().deposit;
		assert_noop!(
			Groth16Verifier::unregister_vk(RuntimeOrigin::signed(BOB), key),
			Error::<Test>::NotKeyOwner
		);
		assert_ok!(Groth16Verifier::unregister_vk(RuntimeOrigin::signed(ALICE), key));
		assert!(!Keys::<Test>::contains_key(key));
		assert!(!KeyBytes::<Test>::contains_key(key));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), ENDOWMENT);
		assert_eq!(last_event(), Event::KeyUnregistered { key, owner: ALICE, deposit });
		assert_noop!(
			Groth16Verifier::unregister_vk(RuntimeOrigin::signed(ALICE), key),
			Error::<Test>::UnknownKey
		);
	});
}

#[test]
fn a_referenced_key_cannot_be_unregistered_until_released() {
	run_test(|| {
		let key = register_fixture_key();
		assert_ok!(<Groth16Verifier as ProofVerifier>::acquire_key(&key));
		assert_ok!(<Groth16Verifier as ProofVerifier>::acquire_key(&key));
		assert_eq!(last_event(), Event::KeyReferencesChanged { key, references: 2 });
		assert_noop!(
			Groth16Verifier::unregister_vk(RuntimeOrigin::signed(ALICE), key),
			Error::<Test>::KeyInUse
		);
		assert_ok!(<Groth16Verifier as ProofVerifier>::release_key(&key));
		assert_ok!(<Groth16Verifier as ProofVerifier>::release_key(&key));
		assert_eq!(
			<Groth16Verifier as ProofVerifier>::release_key(&key),
			Err(Error::<Test>::NoReferenceToRelease.into())
		);
		assert_ok!(Groth16Verifier::unregister_vk(RuntimeOrigin::signed(ALICE), key));
	});
}

#[test]
fn references_to_unknown_keys_and_overflow_are_refused() {
	run_test(|| {
		let unknown = KeyHash::repeat_byte(1);
		assert_eq!(
			<Groth16Verifier as ProofVerifier>::acquire_key(&unknown),
			Err(Error::<Test>::UnknownKey.into())
		);
		assert_eq!(<Groth16Verifier as ProofVerifier>::key_info(&unknown), None);
		let key = register_fixture_key();
		assert_eq!(
			<Groth16Verifier as ProofVerifier>::key_info(&key),
			Some(KeyInfo::without_size(4))
		);
		Keys::<Test>::mutate(key, |r| r.as_mut().unwrap().references = u32::MAX);
		assert_eq!(
			<Groth16Verifier as ProofVerifier>::acquire_key(&key),
			Err(Error::<Test>::TooManyReferences.into())
		);
	});
}

#[test]
fn the_deposit_is_a_base_plus_a_price_per_byte() {
	run_test(|| {
		assert_eq!(Groth16Verifier::key_deposit(0).ok(), Some(100));
		assert_eq!(Groth16Verifier::key_deposit(1000).ok(), Some(1100));
	});
}

#[test]
fn try_state_catches_a_deposit_that_is_not_held() {
	new_test_ext().execute_with(|| {
		let key = register_fixture_key();
		assert_ok!(Groth16Verifier::do_try_state());
		Keys::<Test>::mutate(key, |r| r.as_mut().unwrap().deposit += 1);
		assert!(Groth16Verifier::do_try_state().is_err());
	});
}
