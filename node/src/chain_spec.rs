//! The built-in chain specifications, each built from a genesis preset of the runtime.

use sc_service::ChainType;
use zkinfer_runtime::WASM_BINARY;

/// A zkinfer chain specification. Building its genesis runs the runtime's genesis code, which
/// validates the halo2-KZG verifier parameters through zkinfer's host functions: the spec
/// carries them ([`ZkinferHostFunctions`](crate::service::ZkinferHostFunctions)).
pub type ChainSpec =
	sc_service::GenericChainSpec<sc_chain_spec::NoExtension, crate::service::ZkinferHostFunctions>;

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

/// A chain spec built from the runtime's genesis preset `preset`.
fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// The one-validator development chain (`--dev`): Alice validates and holds the sudo key.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"zkinfer development",
		"zkinfer_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// The four-validator local testnet (`--chain local`): Alice, Bob, Charlie and Dave.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"zkinfer local testnet",
		"zkinfer_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}
