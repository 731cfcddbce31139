//! The built-in chain specifications, each built from a genesis preset of the runtime.

use sc_service::ChainType;
use zkinfer_runtime::WASM_BINARY;

/// A zkinfer chain specification.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token symbol and decimals, shown by wallets and polkadot.js.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), "ZKI".into());
	properties.insert("tokenDecimals".into(), zkinfer_runtime::TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime's wasm blob is missing: build without SKIP_WASM_BUILD".to_string()
	})
}

/// The one-validator development chain (`--dev`): Alice validates and holds the sudo key.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("zkinfer development")
		.with_id("zkinfer_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The four-validator local testnet (`--chain local`): Alice, Bob, Charlie and Dave.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("zkinfer local testnet")
		.with_id("zkinfer_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
