//! `prover-worker register`: the model owner's flow. Compiles an ONNX model into the model
//! store (content-addressed, so the chain's `artifact` hash finds it there), registers its
//! verifying key with the halo2 verifier unless the chain has it, and registers the model,
//! returning its id.

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
pub async fn register(
	url: &str,
	key: &Keypair,
	artifact: &Artifact,
	metadata: Vec<u8>,
) -> Result<Registered, chain::ChainError> {
	use chain::runtime::{
		self,
		halo2_verifier::events::KeyRegistered,
		model_registry::events::ModelRegistered,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_model_registry::pallet::ModelSpec,
			zkinfer_primitives::model::{InputDomain, ProofSystem},
		},
	};
	let client = chain::connect(url).await?;
	let vk_hash = blake2b_256(&artifact.vk_bytes);
	let at = client.at_current_block().await.map_err(chain::query("current block"))?;
	let key_registered = !chain::halo2_key_registered(&at, &vk_hash).await?;
	if key_registered {
		let call = runtime::transactions()
			.halo2_verifier()
			.register_vk(BoundedVec(artifact.vk_bytes.clone()));
		chain::submit_and_find::<KeyRegistered>(
			&client,
			key,
			&call,
			"register_vk",
			"KeyRegistered",
		)
		.await?;
	}
	let settings = &artifact.settings;
	let shape = |dims: &[usize]| {
		dims.iter()
			.map(|&d| u32::try_from(d))
			.collect::<Result<Vec<u32>, _>>()
			.map(BoundedVec)
			.map_err(chain::query(format!("shape {dims:?}")))
	};
	let artifact_hash: [u8; 32] = hex::decode(&artifact.id)
		.ok()
		.and_then(|bytes| bytes.try_into().ok())
		.ok_or_else(|| chain::ChainError::Query {
			what: "artifact id".into(),
			reason: format!("{} is not 32 bytes of hex", artifact.id),
		})?;
	let spec = ModelSpec {
		metadata: BoundedVec(metadata),
		input_shape: shape(&settings.input_shape)?,
		input_scale: settings.quant.act_bits,
		output_shape: shape(&settings.output_shape)?,
		output_scale: settings.quant.act_bits,
		input_domain: InputDomain { min: settings.input_domain.0, max: settings.input_domain.1 },
		proof_system: ProofSystem::Halo2Kzg,
		vk: subxt::utils::H256(vk_hash),
		artifact: subxt::utils::H256(artifact_hash),
	};
	let call = runtime::transactions().model_registry().register_model(spec);
	let registered = chain::submit_and_find::<ModelRegistered>(
		&client,
		key,
		&call,
		"register_model",
		"ModelRegistered",
	)
	.await?;
	Ok(Registered { model: registered.model, vk_hash, key_registered })
}
