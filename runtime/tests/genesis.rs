//! The genesis presets build valid states with the intended validators, keys and balances.

mod common;

use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use zkinfer_runtime::{
	configs::verification::{Groth16Instance, Halo2Instance},
	genesis_config_presets::{
		preset_names, DEMO_MODEL_ARTIFACT, DEMO_MODEL_INPUT_DOMAIN, DEMO_MODEL_VK,
		DEV_HALO2_PARAMS, ENDOWMENT,
	},
	Aura, Balances, Grandpa, Runtime, Session,
};

fn account_ids(keys: &[Sr25519Keyring]) -> Vec<zkinfer_runtime::AccountId> {
	keys.iter().map(|k| k.to_account_id()).collect()
}

#[test]
fn presets_are_development_and_local_testnet() {
	let names: Vec<String> = preset_names()
		.into_iter()
		.map(|p| String::from_utf8_lossy(p.as_ref()).into())
		.collect();
	assert_eq!(names, vec!["development".to_string(), "local_testnet".to_string()]);
	assert!(zkinfer_runtime::genesis_config_presets::get_preset(&"mainnet".into()).is_none());
}

#[test]
fn development_has_alice_as_only_validator_and_sudo() {
	common::new_test_ext("development").execute_with(|| {
		let alice = Sr25519Keyring::Alice;
		assert_eq!(Session::validators(), account_ids(&[alice]));
		assert_eq!(
			pallet_collator_selection::Invulnerables::<Runtime>::get().into_inner(),
			account_ids(&[alice])
		);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice.to_account_id()));

		let aura: Vec<_> = pallet_aura::Authorities::<Runtime>::get().into_inner();
		assert_eq!(aura, vec![alice.public().into()]);
		let grandpa = Grandpa::grandpa_authorities();
		assert_eq!(grandpa, vec![(Ed25519Keyring::Alice.public().into(), 1)]);
		assert_eq!(Aura::slot_duration(), zkinfer_runtime::SLOT_DURATION);
	});
}

fn sorted<T: Ord>(mut items: Vec<T>) -> Vec<T> {
	items.sort();
	items
}

#[test]
fn local_testnet_has_four_validators() {
	common::new_test_ext("local_testnet").execute_with(|| {
		let validators = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		];
		// No sudo key: root is the root track's referenda.
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		// Session orders validators by account; compare as sets.
		assert_eq!(sorted(Session::validators()), sorted(account_ids(&validators)));
		let aura: Vec<_> = pallet_aura::Authorities::<Runtime>::get().into_inner();
		assert_eq!(sorted(aura), sorted(validators.iter().map(|k| k.public().into()).collect()));
		let grandpa: Vec<_> =
			Grandpa::grandpa_authorities().into_iter().map(|(id, _)| id).collect();
		let expected: Vec<sp_consensus_grandpa::AuthorityId> = [
			Ed25519Keyring::Alice,
			Ed25519Keyring::Bob,
			Ed25519Keyring::Charlie,
			Ed25519Keyring::Dave,
		]
		.iter()
		.map(|k| k.public().into())
		.collect();
		assert_eq!(sorted(grandpa), sorted(expected));
	});
}

#[test]
fn well_known_accounts_are_endowed() {
	for preset in ["development", "local_testnet"] {
		common::new_test_ext(preset).execute_with(|| {
			let fee: u128 = <<Runtime as pallet_model_registry::Config>::RegistrationFee as frame_support::traits::Get<u128>>::get();
			let model_deposit = pallet_model_registry::Models::<Runtime>::get(0).expect("the demo model").deposit;
			let key = sp_core::H256(sp_io::hashing::blake2_256(DEMO_MODEL_VK));
			let key_deposit = pallet_proof_verifier::Keys::<Runtime, Halo2Instance>::get(key).expect("the demo key").deposit;
			// Each account has its endowment; a validator's genesis node bond is held from it;
			// Alice, the demo model's owner, paid its registration fee and holds its deposits.
			for key in Sr25519Keyring::well_known() {
				let account = key.to_account_id();
				let (paid, held) = if key == Sr25519Keyring::Alice { (fee, model_deposit + key_deposit) } else { (0, 0) };
				assert_eq!(<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&account), ENDOWMENT - paid, "{preset}: {key:?}");
				let bond = pallet_node_staking::Nodes::<zkinfer_runtime::Runtime>::get(&account).map_or(0, |n| n.bond);
				assert_eq!(Balances::free_balance(&account), ENDOWMENT - bond - paid - held, "{preset}: {key:?}");
			}
			// The staking pallet account exists, with the existential deposit.
			let pot = zkinfer_runtime::NodeStaking::account();
			assert_eq!(Balances::free_balance(&pot), zkinfer_runtime::EXISTENTIAL_DEPOSIT);
			// So does the market's escrow account, which holds no fee yet.
			let escrow = zkinfer_runtime::InferenceMarket::escrow_account();
			assert_eq!(Balances::free_balance(&escrow), zkinfer_runtime::EXISTENTIAL_DEPOSIT);
			// The treasury exists: it received the demo model's registration fee (more than the
			// existential deposit, which its genesis then does not add).
			let treasury = zkinfer_runtime::configs::treasury::TreasuryAccount::get();
			assert_eq!(Balances::free_balance(&treasury), fee);
			let endowed = Sr25519Keyring::well_known().count() as u128;
			assert_eq!(Balances::total_issuance(), endowed * ENDOWMENT + 2 * zkinfer_runtime::EXISTENTIAL_DEPOSIT);
		});
	}
}

#[test]
fn both_presets_serve_the_demo_model() {
	for preset in ["development", "local_testnet"] {
		common::new_test_ext(preset).execute_with(|| {
			let model = pallet_model_registry::Models::<Runtime>::get(0)
				.expect("the demo model is model 0");
			assert_eq!(model.owner, Sr25519Keyring::Alice.to_account_id());
			assert_eq!(model.spec.artifact.0, DEMO_MODEL_ARTIFACT);
			assert_eq!(
				DEMO_MODEL_ARTIFACT,
				prover_worker::demo::DIGITS_MLP_ARTIFACT,
				"the prover's demo artifact"
			);
			assert_eq!(
				model.spec.vk.0,
				sp_io::hashing::blake2_256(&zkinfer_verifier_host::fixture::halo2_fixture().vk)
			);
			assert_eq!(model.spec.input_domain, DEMO_MODEL_INPUT_DOMAIN);
			let key = pallet_proof_verifier::Keys::<Runtime, Halo2Instance>::get(model.spec.vk)
				.expect("its key");
			assert_eq!(
				model.compute_units,
				zkinfer_primitives::compute_units(&key.info()),
				"computed from its key"
			);
			let key = pallet_proof_verifier::Keys::<Runtime, Halo2Instance>::get(model.spec.vk)
				.expect("its key");
			assert_eq!(key.references, 1);
			// Every genesis compute node serves it, and only it: models that do not exist yet
			// are served by no one.
			for validator in pallet_session::Validators::<Runtime>::get() {
				let node =
					pallet_node_staking::Nodes::<Runtime>::get(&validator).expect("a genesis node");
				assert_eq!(node.config.models.to_vec(), vec![0], "{preset}: {validator:?}");
			}
			// The demo artifact's domain is the registered one.
			assert_eq!(
				prover_worker::demo::DIGITS_MLP_INPUT_DOMAIN,
				(DEMO_MODEL_INPUT_DOMAIN.min, DEMO_MODEL_INPUT_DOMAIN.max),
				"the prover's demo artifact"
			);
			common::market::check_invariants();
		});
	}
}

#[test]
fn both_presets_verify_halo2_proofs_under_the_development_srs() {
	let dev = zkinfer_circuit::srs::dev_verifier_params().to_bytes();
	assert_eq!(DEV_HALO2_PARAMS, dev);
	for preset in ["development", "local_testnet"] {
		common::new_test_ext(preset).execute_with(|| {
			let params = pallet_proof_verifier::Params::<Runtime, Halo2Instance>::get();
			assert_eq!(params.into_inner(), dev.to_vec(), "{preset}");
			let hash = pallet_proof_verifier::ParamsHash::<Runtime, Halo2Instance>::get();
			assert_eq!(hash.0, sp_io::hashing::blake2_256(&dev), "{preset}");
			// Groth16 keys are self-contained: its instance has no parameters.
			assert!(pallet_proof_verifier::Params::<Runtime, Groth16Instance>::get().is_empty());
		});
	}
}

#[test]
fn both_presets_run_referenda_in_minutes() {
	use pallet_governance_origins::TrackTiming;
	use pallet_referenda::TracksInfo;
	for preset in ["development", "local_testnet"] {
		common::new_test_ext(preset).execute_with(|| {
			assert_eq!(zkinfer_runtime::GovernanceOrigins::timing(), TrackTiming::Development);
			for track in zkinfer_runtime::configs::governance::tracks::Tracks::tracks() {
				let info = &track.info;
				assert_eq!(
					(
						info.prepare_period,
						info.decision_period,
						info.confirm_period,
						info.min_enactment_period
					),
					(1, 5 * zkinfer_runtime::MINUTES, 2, 1),
					"{preset}: track {}",
					track.id
				);
			}
		});
	}
}

#[test]
fn a_chain_without_development_timing_runs_referenda_over_days() {
	use pallet_referenda::TracksInfo;
	// The default genesis: production timing.
	sp_io::TestExternalities::default().execute_with(|| {
		let root = zkinfer_runtime::configs::governance::tracks::Tracks::info(0)
			.expect("the root track exists");
		assert_eq!(
			(
				root.prepare_period,
				root.decision_period,
				root.confirm_period,
				root.min_enactment_period
			),
			(
				2 * zkinfer_runtime::HOURS,
				14 * zkinfer_runtime::DAYS,
				zkinfer_runtime::DAYS,
				zkinfer_runtime::DAYS
			)
		);
	});
}

#[test]
fn the_verifier_fixture_proves_the_genesis_demo_model() {
	// The runtime's tests settle the fixture's proofs against model 0, so the committed demo key
	// (runtime/demo) and the test fixture's key must be one key.
	assert_eq!(zkinfer_verifier_host::fixture::halo2_fixture().vk, DEMO_MODEL_VK);
}
