//! The validator set changes only through the privileged origin (a referendum on the
//! validator-admin track, or root), and a change reaches Aura and GRANDPA two sessions later.

mod common;

use codec::Encode;
use frame_support::{assert_noop, assert_ok};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::{traits::BadOrigin, DispatchError};
use zkinfer_runtime::{
	AccountId, Grandpa, Runtime, RuntimeOrigin, Session, SessionKeys, System, ValidatorSet,
};

/// Registers the development session keys of `seed` (e.g. `//Bob`) for `who` the way a
/// validator does: the keystore generates them with a proof that `who` owns them (what
/// `author_rotateKeysWithOwner` returns), then `who` calls `session.set_keys`.
fn register_keys(who: &AccountId, seed: &str) -> SessionKeys {
	let generated = SessionKeys::generate(&who.encode(), Some(seed.as_bytes().to_vec()));
	assert_ok!(Session::set_keys(
		RuntimeOrigin::signed(who.clone()),
		generated.keys.clone(),
		generated.proof.encode()
	));
	generated.keys
}

#[test]
fn session_keys_need_a_proof_of_ownership_by_the_sender() {
	common::new_test_ext("development").execute_with(|| {
		let bob = Sr25519Keyring::Bob.to_account_id();
		let charlie = Sr25519Keyring::Charlie.to_account_id();
		// Keys generated for Bob cannot be registered by Charlie.
		let generated = SessionKeys::generate(&bob.encode(), Some(b"//Bob".to_vec()));
		assert_noop!(
			Session::set_keys(
				RuntimeOrigin::signed(charlie),
				generated.keys.clone(),
				generated.proof.encode()
			),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		let keys = register_keys(&bob, "//Bob");
		assert_eq!(keys.aura, Sr25519Keyring::Bob.public().into());
		assert_eq!(keys.grandpa, Ed25519Keyring::Bob.public().into());
		assert_eq!(pallet_session::NextKeys::<Runtime>::get(&bob), Some(keys));
	});
}

#[test]
fn root_adds_a_validator_who_becomes_an_authority_two_sessions_later() {
	common::new_test_ext("development").execute_with(|| {
		let bob = Sr25519Keyring::Bob.to_account_id();
		register_keys(&bob, "//Bob");

		assert_ok!(ValidatorSet::add_invulnerable(RuntimeOrigin::root(), bob.clone()));
		System::assert_has_event(
			pallet_collator_selection::Event::<Runtime>::InvulnerableAdded {
				account_id: bob.clone(),
			}
			.into(),
		);
		assert!(!Session::validators().contains(&bob));

		// Session 1 queues Bob; session 2 makes him a validator.
		common::run_to_session(1);
		assert!(!Session::validators().contains(&bob));
		common::run_to_session(2);
		assert!(Session::validators().contains(&bob));
		let aura = pallet_aura::Authorities::<Runtime>::get();
		assert!(aura.contains(&Sr25519Keyring::Bob.public().into()));

		// GRANDPA enacted the scheduled change at the end of the session's first block.
		let grandpa: Vec<_> =
			Grandpa::grandpa_authorities().into_iter().map(|(id, _)| id).collect();
		assert!(grandpa.contains(&Ed25519Keyring::Bob.public().into()));
	});
}

#[test]
fn root_removes_a_validator_who_leaves_two_sessions_later() {
	common::new_test_ext("local_testnet").execute_with(|| {
		let dave = Sr25519Keyring::Dave.to_account_id();
		assert!(Session::validators().contains(&dave));
		assert_ok!(ValidatorSet::remove_invulnerable(RuntimeOrigin::root(), dave.clone()));
		System::assert_has_event(
			pallet_collator_selection::Event::<Runtime>::InvulnerableRemoved {
				account_id: dave.clone(),
			}
			.into(),
		);
		common::run_to_session(2);
		assert!(!Session::validators().contains(&dave));
		assert_eq!(Session::validators().len(), 3);
	});
}

#[test]
fn a_referendum_on_the_validator_admin_track_adds_a_validator() {
	use common::governance::{propose, run_until_decided, vote, VOTE};
	use pallet_governance_origins::Origin as GovernanceOrigin;
	use pallet_referenda::ReferendumInfo;
	use zkinfer_runtime::{OriginCaller, RuntimeCall};

	common::new_test_ext("development").execute_with(|| {
		common::run_to_block(1);
		let bob = Sr25519Keyring::Bob.to_account_id();
		register_keys(&bob, "//Bob");
		let add = RuntimeCall::ValidatorSet(pallet_collator_selection::Call::add_invulnerable {
			who: bob.clone(),
		});
		let voters = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie];

		// Passed on the parameters track, the call is refused at enactment: wrong origin.
		let parameters = OriginCaller::GovernanceOrigins(GovernanceOrigin::ParameterAdmin);
		let index = propose(Sr25519Keyring::Alice, parameters, add.clone());
		voters.iter().for_each(|voter| vote(*voter, index, true, VOTE));
		let (info, dispatched) = run_until_decided(index, 20);
		assert!(matches!(info, ReferendumInfo::Approved(..)), "{info:?}");
		assert_eq!(dispatched, vec![Err(BadOrigin.into())]);
		assert!(!pallet_collator_selection::Invulnerables::<Runtime>::get().contains(&bob));

		// On the validator-admin track it is enacted.
		let validators = OriginCaller::GovernanceOrigins(GovernanceOrigin::ValidatorAdmin);
		let index = propose(Sr25519Keyring::Alice, validators, add);
		voters.iter().for_each(|voter| vote(*voter, index, true, VOTE));
		let (info, dispatched) = run_until_decided(index, 20);
		assert!(matches!(info, ReferendumInfo::Approved(..)), "{info:?}");
		assert_eq!(dispatched, vec![Ok(())]);
		System::assert_has_event(
			pallet_collator_selection::Event::<Runtime>::InvulnerableAdded {
				account_id: bob.clone(),
			}
			.into(),
		);

		// Bob validates from two sessions later.
		let session = pallet_session::CurrentIndex::<Runtime>::get();
		common::run_to_session(session + 2);
		assert!(Session::validators().contains(&bob));
	});
}

#[test]
fn only_the_privileged_origin_changes_the_validator_set() {
	common::new_test_ext("development").execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		register_keys(&bob, "//Bob");
		assert_noop!(
			ValidatorSet::add_invulnerable(RuntimeOrigin::signed(bob.clone()), bob.clone()),
			BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_invulnerable(RuntimeOrigin::signed(alice.clone()), alice),
			BadOrigin
		);
		assert_noop!(
			ValidatorSet::set_invulnerables(RuntimeOrigin::signed(bob.clone()), vec![bob]),
			BadOrigin
		);
	});
}

#[test]
fn a_validator_without_session_keys_cannot_be_added() {
	common::new_test_ext("development").execute_with(|| {
		let charlie = Sr25519Keyring::Charlie.to_account_id();
		assert_noop!(
			ValidatorSet::add_invulnerable(RuntimeOrigin::root(), charlie),
			pallet_collator_selection::Error::<Runtime>::ValidatorNotRegistered
		);
	});
}

#[test]
fn the_last_validator_cannot_be_removed() {
	common::new_test_ext("development").execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let result = ValidatorSet::remove_invulnerable(RuntimeOrigin::root(), alice.clone());
		assert_eq!(
			result,
			Err(DispatchError::from(
				pallet_collator_selection::Error::<Runtime>::TooFewEligibleCollators
			))
		);
		common::run_to_session(2);
		assert_eq!(Session::validators(), vec![alice]);
	});
}

#[test]
fn open_candidacy_is_disabled() {
	common::new_test_ext("development").execute_with(|| {
		let bob = Sr25519Keyring::Bob.to_account_id();
		register_keys(&bob, "//Bob");
		assert!(ValidatorSet::register_as_candidate(RuntimeOrigin::signed(bob)).is_err());
	});
}
