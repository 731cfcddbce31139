//! `zkinfer-node groth16-import`: converts snarkjs Groth16 files into the chain's encoding.

use std::path::{Path, PathBuf};

use zkinfer_groth16::snarkjs;

/// Convert snarkjs `verification_key.json`, `proof.json` and `public.json` (Groth16, BN254)
/// into the bytes `groth16Verifier.registerVk` and `groth16Verifier.submitProof` take.
///
/// Prints one JSON object: `{"vk": "0x…", "vkHash": "0x…", "proof": "0x…",
/// "publicInputs": ["0x…", …]}` with the fields whose files were given. Every file is checked
/// as strictly as the chain checks it (points on the curve and in the subgroup, canonical
/// field elements), so what converts here is what the chain accepts as well formed.
#[derive(Debug, clap::Parser)]
pub struct Groth16ImportCmd {
	/// snarkjs `verification_key.json`.
	#[arg(long, value_name = "FILE")]
	pub vk: Option<PathBuf>,
	/// snarkjs `proof.json`.
	#[arg(long, value_name = "FILE")]
	pub proof: Option<PathBuf>,
	/// snarkjs `public.json`.
	#[arg(long, value_name = "FILE")]
	pub public: Option<PathBuf>,
}

impl Groth16ImportCmd {
	/// Reads, converts and prints.
	pub fn run(&self) -> sc_cli::Result<()> {
		if self.vk.is_none() && self.proof.is_none() && self.public.is_none() {
			return Err("give at least one of --vk, --proof, --public".into());
		}
		let mut out = serde_json::Map::new();
		if let Some(path) = &self.vk {
			let vk = snarkjs::vk_from_json(&read(path)?).map_err(|e| fail(path, &e.0))?;
			out.insert("vkHash".into(), hex(&sp_io::hashing::blake2_256(&vk)).into());
			out.insert("vk".into(), hex(&vk).into());
		}
		if let Some(path) = &self.proof {
			let proof = snarkjs::proof_from_json(&read(path)?).map_err(|e| fail(path, &e.0))?;
			out.insert("proof".into(), hex(&proof).into());
		}
		if let Some(path) = &self.public {
			let inputs =
				snarkjs::public_inputs_from_json(&read(path)?).map_err(|e| fail(path, &e.0))?;
			let inputs: Vec<serde_json::Value> = inputs.iter().map(|i| hex(i).into()).collect();
			out.insert("publicInputs".into(), inputs.into());
		}
		println!("{}", serde_json::Value::Object(out));
		Ok(())
	}
}

fn read(path: &Path) -> sc_cli::Result<String> {
	std::fs::read_to_string(path).map_err(|e| fail(path, &e.to_string()))
}

fn fail(path: &Path, reason: &str) -> sc_cli::Error {
	format!("{}: {reason}", path.display()).into()
}

fn hex(bytes: &[u8]) -> String {
	format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&bytes))
}
