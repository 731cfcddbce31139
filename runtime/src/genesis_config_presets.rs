//! Genesis presets: `development` (one validator, Alice) and `local_testnet` (four validators,
//! Alice, Bob, Charlie and Dave). Both are development chains with well-known keys and a sudo
//! key; never use them for a network that holds value.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	AccountId, Balance, BalancesConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys,
	SudoConfig, ValidatorSetConfig, UNIT,
};

/// Balance of each endowed development account: one million tokens.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// A genesis validator: its account and its session keys.
pub struct GenesisValidator {
	/// The validator's account (also its validator id).
	pub account: AccountId,
	/// Block-authoring key.
	pub aura: AuraId,
	/// Finality key.
	pub grandpa: GrandpaId,
}

impl GenesisValidator {
	/// A well-known development validator (`//Alice`, `//Bob`, ...): its sr25519 key is its
	/// account and Aura key, its ed25519 key of the same name its GRANDPA key.
	pub fn from_keyring((sr25519, ed25519): (Sr25519Keyring, Ed25519Keyring)) -> Self {
		Self {
			account: sr25519.to_account_id(),
			aura: sr25519.public().into(),
			grandpa: ed25519.public().into(),
		}
	}
}

/// The genesis patch of a development network.
fn testnet_genesis(
	validators: Vec<GenesisValidator>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig {
			invulnerables: validators.iter().map(|v| v.account.clone()).collect::<Vec<_>>(),
		},
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|v| {
					(
						v.account.clone(),
						v.account.clone(),
						SessionKeys { aura: v.aura.clone(), grandpa: v.grandpa.clone() },
					)
				})
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
	})
}

/// The development chain: Alice validates alone; the well-known accounts are endowed.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![GenesisValidator::from_keyring((Sr25519Keyring::Alice, Ed25519Keyring::Alice))],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The local testnet: Alice, Bob, Charlie and Dave validate; finality needs three of them.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		[
			(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		]
		.into_iter()
			.map(GenesisValidator::from_keyring)
			.collect(),
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON genesis patch of preset `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|s| s.into_bytes())
}

/// The presets this runtime provides.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
