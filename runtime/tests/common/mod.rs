//! Shared helpers of the runtime tests: genesis from a preset, block progression.

#![allow(dead_code)]

pub mod governance;
pub mod market;

use codec::Encode;
use frame_support::traits::{OnFinalize, OnInitialize};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::Era,
	traits::{Header as _, IdentifyAccount},
	BuildStorage, MultiSignature,
};
use zkinfer_runtime::{
	genesis_config_presets, Address, BlockNumber, Executive, Grandpa, Header, InferenceMarket,
	NodeStaking, Runtime, RuntimeCall, RuntimeGenesisConfig, Scheduler, Session, SignedPayload,
	System, TxExtension, UncheckedExtrinsic,
};

/// Merges JSON `patch` into `base` the way chain-spec genesis patches are applied.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The genesis config of preset `name`: the default config with the preset's patch applied.
pub fn genesis_config(name: &str) -> RuntimeGenesisConfig {
	let patch = genesis_config_presets::get_preset(&name.into())
		.unwrap_or_else(|| panic!("preset {name} exists"));
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("presets are JSON");
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).expect("the default serializes");
	merge(&mut config, patch);
	serde_json::from_value(config).expect("a preset patch yields a valid genesis config")
}

/// Externalities holding the genesis state of preset `name`, at block 1.
pub fn new_test_ext(name: &str) -> sp_io::TestExternalities {
	let storage = genesis_config(name).build_storage().expect("genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	// A keystore, so that tests can generate session keys with ownership proofs.
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Advances to block `n`, running the hooks that rotate sessions and authorities (session's
/// `on_initialize` and GRANDPA's `on_finalize`), node staking's (epochs, due slashes), the
/// market's (`on_initialize`: deadlines and assignment) and the scheduler's (referenda's alarms
/// and enactments). (Aura and Timestamp need real block digests and
/// inherents; the end-to-end tests run them on a real node.)
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
		NodeStaking::on_initialize(next);
		InferenceMarket::on_initialize(next);
		Scheduler::on_initialize(next);
		Grandpa::on_finalize(next);
	}
}

/// Runs blocks until session `index` has started.
pub fn run_to_session(index: u32) {
	while pallet_session::CurrentIndex::<Runtime>::get() < index {
		run_to_block(System::block_number() + 1);
	}
}

/// Signs `call` by `who` with its current nonce, as a wallet would.
pub fn signed(who: Sr25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
	let account = who.to_account_id();
	let nonce = System::account_nonce(&account);
	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_system::WeightReclaim::new(),
	);
	let payload = SignedPayload::new(call.clone(), extension.clone()).expect("payload builds");
	let signature = MultiSignature::Sr25519(payload.using_encoded(|bytes| who.sign(bytes)));
	let signer: sp_runtime::AccountId32 =
		sp_runtime::MultiSigner::from(who.public()).into_account();
	UncheckedExtrinsic::new_signed(call, Address::Id(signer), signature, extension)
}

/// Runs `test` inside block 2 of the development chain, initialized as a node would.
pub fn in_a_block(test: impl FnOnce()) {
	new_test_ext("development").execute_with(|| {
		let header = Header::new(
			System::block_number() + 1,
			Default::default(),
			Default::default(),
			System::parent_hash(),
			Default::default(),
		);
		Executive::initialize_block(&header);
		test();
	});
}
