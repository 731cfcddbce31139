//! Genesis presets: `development` (one validator, Alice) and `local_testnet` (four validators,
//! Alice, Bob, Charlie and Dave). Both are development chains with well-known keys and
//! referenda that run in minutes ([`TrackTiming::Development`]); only `development` has a sudo
//! key (Alice). Both serve the demo model from block 0: the digits MLP, owned by Alice, its
//! verifying key registered ([`DEMO_MODEL_VK`]) and each validator's compute node serving it.
//! Never use them for a network that holds value.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::configs::node_staking::{
	GENESIS_NODE_BOND, GENESIS_NODE_CAPACITY, GENESIS_NODE_THROUGHPUT,
};

use pallet_governance_origins::TrackTiming;

use pallet_model_registry::GenesisModel;
use sp_core::H256;
use zkinfer_primitives::{InputDomain, ProofSystem};

use crate::{
	AccountId, Balance, BalancesConfig, GovernanceOriginsConfig, Halo2VerifierConfig,
	ModelRegistryConfig, NodeStakingConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys,
	SudoConfig, ValidatorSetConfig, UNIT,
};

/// Balance of each endowed development account: one million tokens.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// The halo2-KZG verifier parameters of the development chains: `g ‖ h ‖ s·h` of zkinfer's
/// development SRS (`zkinfer_halo2::srs::dev_verifier_params`, from a public seed, hence
/// insecure: anyone can forge proofs against it; a test checks the bytes agree). The prover
/// worker's default SRS, so its proofs verify on these chains without a ceremony file.
pub const DEV_HALO2_PARAMS: [u8; 160] = [
	0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0xed, 0xf6, 0x92, 0xd9, 0x5c, 0xbd, 0xde, 0x46, 0xdd, 0xda, 0x5e, 0xf7, 0xd4, 0x22, 0x43, 0x67,
	0x79, 0x44, 0x5c, 0x5e, 0x66, 0x00, 0x6a, 0x42, 0x76, 0x1e, 0x1f, 0x12, 0xef, 0xde, 0x00, 0x18,
	0xc2, 0x12, 0xf3, 0xae, 0xb7, 0x85, 0xe4, 0x97, 0x12, 0xe7, 0xa9, 0x35, 0x33, 0x49, 0xaa, 0xf1,
	0x25, 0x5d, 0xfb, 0x31, 0xb7, 0xbf, 0x60, 0x72, 0x3a, 0x48, 0x0d, 0x92, 0x93, 0x93, 0x8e, 0x19,
	0xe6, 0xdb, 0xaa, 0xdb, 0x7a, 0xf9, 0xc5, 0xdc, 0xaa, 0x07, 0x59, 0x6e, 0x49, 0xa7, 0x65, 0xa6,
	0x6a, 0xbd, 0xa1, 0x3a, 0x64, 0xf9, 0xb2, 0x5c, 0x23, 0x18, 0x0f, 0x25, 0xaa, 0x3e, 0x8a, 0x00,
	0x3e, 0x92, 0xa8, 0xc6, 0xa9, 0x0f, 0x38, 0xbe, 0x5e, 0xc5, 0x05, 0xc5, 0x13, 0x22, 0xae, 0xb4,
	0x2f, 0xa5, 0x70, 0x63, 0xfa, 0x21, 0x3c, 0xa7, 0x6d, 0xde, 0x3e, 0x07, 0x75, 0x41, 0x09, 0x2e,
];

/// The demo model's verifying key: the digits MLP compiled under the development SRS, a
/// committed artifact (`runtime/demo/README.md`) that `prover_worker::demo::compile_digits_mlp`
/// reproduces byte for byte (checked by the prover's tests).
pub const DEMO_MODEL_VK: &[u8] = include_bytes!("../demo/digits_mlp.vk");

/// The demo model's artifact: the content address provers find it under
/// (`prover_worker::demo::DIGITS_MLP_ARTIFACT`, checked by a test).
pub const DEMO_MODEL_ARTIFACT: [u8; 32] = [
	0x71, 0x71, 0xbb, 0x8b, 0xe6, 0x93, 0x12, 0x34, 0xe5, 0x56, 0xf4, 0x42, 0xba, 0x6d, 0x68, 0xf5,
	0x6d, 0x83, 0x96, 0x42, 0x7c, 0xb6, 0x5f, 0xea, 0x07, 0x6c, 0x75, 0x57, 0x10, 0x29, 0x26, 0x0f,
];

/// The demo model's input domain: the quantized values its circuit takes, each pixel of an
/// 8×8 digit (0–16 grey levels / 16 at scale `2^6`, so 0..=64) among them
/// (`prover_worker::demo`'s compiled artifact records the same, checked by a test).
pub const DEMO_MODEL_INPUT_DOMAIN: InputDomain = InputDomain { min: -2048, max: 2047 };

/// The demo model as genesis registers it, owned by `owner` (model id 0).
fn demo_model(owner: AccountId) -> GenesisModel<AccountId> {
	GenesisModel {
		owner,
		metadata: br#"{"name":"digits_mlp","description":"8x8 handwritten digit -> 10 logits"}"#
			.to_vec(),
		input_shape: vec![1, 64],
		input_scale: 6,
		output_shape: vec![1, 10],
		output_scale: 6,
		input_domain: DEMO_MODEL_INPUT_DOMAIN,
		proof_system: ProofSystem::Halo2Kzg,
		vk: <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(DEMO_MODEL_VK),
		artifact: H256(DEMO_MODEL_ARTIFACT),
	}
}

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
	sudo: Option<AccountId>,
) -> Value {
	let demo_owner = Sr25519Keyring::Alice.to_account_id();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			// The treasury's account gets the existential deposit from pallet-treasury's
			// genesis, so no share of a fee below it is lost on its way there.
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
		sudo: SudoConfig { key: sudo },
		governance_origins: GovernanceOriginsConfig { timing: TrackTiming::Development },
		halo_2_verifier: Halo2VerifierConfig {
			params: DEV_HALO2_PARAMS.to_vec(),
			keys: vec![(demo_owner.clone(), DEMO_MODEL_VK.to_vec())],
		},
		model_registry: ModelRegistryConfig { models: vec![demo_model(demo_owner)] },
		// Each validator also runs a compute node serving the demo model from epoch 0.
		node_staking: NodeStakingConfig {
			nodes: validators
				.iter()
				.map(|v| {
					(
						v.account.clone(),
						vec![0],
						GENESIS_NODE_CAPACITY,
						GENESIS_NODE_THROUGHPUT,
						GENESIS_NODE_BOND,
					)
				})
				.collect::<Vec<_>>(),
		},
	})
}

/// The development chain: Alice validates alone and holds the sudo key; the well-known accounts
/// are endowed.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![GenesisValidator::from_keyring((Sr25519Keyring::Alice, Ed25519Keyring::Alice))],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// The local testnet: Alice, Bob, Charlie and Dave validate; finality needs three of them. No
/// sudo key: root is the root track's referenda.
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
		None,
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
