//! # zkinfer-node
//!
//! The node of the zkinfer chain. It authors blocks with Aura, finalizes them with GRANDPA,
//! serves JSON-RPC (with the system and transaction-payment extensions) and Prometheus
//! metrics, and runs the runtime's off-chain workers.
//!
//! - `zkinfer-node --dev`: a one-validator development chain (Alice).
//! - `zkinfer-node --chain local --validator --alice`: one validator of the four-validator
//!   local testnet (Alice, Bob, Charlie, Dave).
//! - `zkinfer-node key ...`, `build-spec`, `export-chain-spec`, `benchmark ...`: tooling.
//! - `zkinfer-node groth16-import --vk … --proof … --public …`: snarkjs files to the chain's
//!   Groth16 encoding.

// `sc_cli::Result`, whose error type polkadot-sdk defines (and makes large), is what every
// command of a Substrate node returns; boxing it here would only wrap polkadot-sdk's API.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod groth16_import;
mod prover;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	// Before anything runs: the native verifier's field arithmetic needs these extensions, and
	// without them the node would stop with an illegal instruction while importing a block.
	zkinfer_verifier_host::cpu::check().map_err(|e| sc_cli::Error::Input(e.to_string()))?;
	command::run()
}
