//! `prover-worker register`: the model owner's flow. Compiles an ONNX model into the model
//! store (content-addressed, so the chain's `artifact` hash finds it there), registers its
//! verifying key with the halo2 verifier unless the chain has it, and registers the model,
//! returning its id.

use codec::Decode;
use subxt::dynamic::{self, Value};
use subxt_signer::sr25519::Keypair;
use zkinfer_circuit::srs::blake2b_256;

use crate::{artifact::Artifact, chain};

/// What the chain said about a registration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registered {
	/// The new model's id.
	pub model: u32,
	/// The verifying key's hash.
	pub vk_hash: [u8; 32],
	/// Whether this registration also registered the key (false: the chain had it).
	pub key_registered: bool,
}

/// Registers `artifact` as a model owned by `key`, with the input domain its circuit is total
/// over; the chain computes its compute units (its price) from the key.
pub async fn register(url: &str, key: &Keypair, artifact: &Artifact, metadata: Vec<u8>) -> Result<Registered, chain::ChainError> {
	let client = chain::connect(url).await?;
	let vk_hash = blake2b_256(&artifact.vk_bytes);
	let at = client.at_current_block().await.map_err(|e| format!("current block: {e}"))?;
	let key_registered = !chain::halo2_key_registered(&at, &vk_hash).await?;
	if key_registered {
		let call = dynamic::transaction("Halo2Verifier", "register_vk", vec![Value::from_bytes(&artifact.vk_bytes)]);
		chain::submit_and_find(&client, key, &call, "Halo2Verifier", "KeyRegistered")
			.await?
			.ok_or("register_vk: no KeyRegistered event")?;
	}
	let shape = |dims: &[usize]| Value::unnamed_composite(dims.iter().map(|&d| Value::u128(d as u128)));
	let settings = &artifact.settings;
	let artifact_hash = hex::decode(&artifact.id).map_err(|e| format!("artifact id: {e}"))?;
	let spec = Value::named_composite([
		("metadata", Value::from_bytes(&metadata)),
		("input_shape", shape(&settings.input_shape)),
		("input_scale", Value::u128(settings.quant.act_bits.into())),
		("output_shape", shape(&settings.output_shape)),
		("output_scale", Value::u128(settings.quant.act_bits.into())),
		(
			"input_domain",
			Value::named_composite([
				("min", Value::i128(settings.input_domain.0.into())),
				("max", Value::i128(settings.input_domain.1.into())),
			]),
		),
		("proof_system", Value::unnamed_variant("Halo2Kzg", [])),
		("vk", Value::from_bytes(vk_hash)),
		("artifact", Value::from_bytes(&artifact_hash)),
	]);
	let call = dynamic::transaction("ModelRegistry", "register_model", vec![spec]);
	let fields = chain::submit_and_find(&client, key, &call, "ModelRegistry", "ModelRegistered")
		.await?
		.ok_or("register_model: no ModelRegistered event")?;
	let model = u32::decode(&mut &fields[..]).map_err(|e| format!("ModelRegistered: {e}"))?;
	Ok(Registered { model, vk_hash, key_registered })
}
