//! Market helpers of the runtime tests: signed calls with their fees, the digits MLP's model
//! from the committed halo2 fixture, invariants of the market pallets.

use frame_support::BoundedVec;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, Charlie};
use sp_runtime::DispatchError;
use zkinfer_primitives::{quantized_value, JobId, ModelId, ProofSystem};
use zkinfer_runtime::{
	Executive, InferenceMarket, ModelRegistry, NodeStaking, Runtime, RuntimeCall, RuntimeEvent,
	System,
};
use zkinfer_verifier_host::fixture::halo2_fixture;
use zkinfer_verifier_primitives::KeyHash;

type MarketCall = pallet_inference_market::Call<Runtime>;
type MarketEvent = pallet_inference_market::Event<Runtime>;

/// The digits MLP's cost per inference in compute units: computed by the chain from its key.
pub fn digits_units() -> u64 {
	let key = pallet_proof_verifier::Keys::<
		Runtime,
		zkinfer_runtime::configs::verification::Halo2Instance,
	>::get(register_digits_key())
	.expect("the genesis presets register the digits MLP's key");
	zkinfer_primitives::compute_units(&key.info())
}

/// Applies `call` signed by `who`; returns the dispatch result and the transaction fee paid.
pub fn apply(who: Sr25519Keyring, call: RuntimeCall) -> (Result<(), DispatchError>, u128) {
	System::reset_events();
	let outcome =
		Executive::apply_extrinsic(super::signed(who, call)).expect("the transaction is valid");
	let fee = System::events()
		.into_iter()
		.find_map(|record| match record.event {
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. },
			) => Some(actual_fee),
			_ => None,
		})
		.expect("a fee is paid");
	(outcome, fee)
}

pub fn market_events() -> Vec<MarketEvent> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::InferenceMarket(e) = r.event { Some(e) } else { None })
		.collect()
}

pub fn check_invariants() {
	InferenceMarket::do_try_state().expect("market invariants hold");
	ModelRegistry::do_try_state().expect("registry invariants hold");
	NodeStaking::do_try_state().expect("node staking invariants hold");
}

/// The fixture's quantized input (64 pixels) and output (10 logits).
pub fn fixture_values() -> (Vec<i64>, Vec<i64>) {
	let values: Vec<i64> = halo2_fixture().public_inputs[1..]
		.iter()
		.map(|x| quantized_value(x).expect("fixture values are small"))
		.collect();
	(values[..64].to_vec(), values[64..].to_vec())
}

/// The digits MLP's verifying key, registered at genesis as the demo model's; returns its hash.
pub fn register_digits_key() -> KeyHash {
	let vk = KeyHash::from(sp_io::hashing::blake2_256(&halo2_fixture().vk));
	assert!(
		pallet_proof_verifier::Keys::<Runtime, zkinfer_runtime::configs::verification::Halo2Instance>::contains_key(vk),
		"the genesis presets register the digits MLP's key"
	);
	vk
}

/// Charlie registers the digits MLP's key and the model; returns the model id and key hash.
pub fn register_digits_model() -> (ModelId, KeyHash) {
	let vk = register_digits_key();
	let spec = pallet_model_registry::ModelSpec {
		metadata: BoundedVec::truncate_from(br#"{"name":"digits_mlp"}"#.to_vec()),
		input_shape: BoundedVec::truncate_from(vec![1, 64]),
		input_scale: 5,
		output_shape: BoundedVec::truncate_from(vec![1, 10]),
		output_scale: 5,
		input_domain: zkinfer_runtime::genesis_config_presets::DEMO_MODEL_INPUT_DOMAIN,
		proof_system: ProofSystem::Halo2Kzg,
		vk,
		artifact: H256::repeat_byte(0xd1),
	};
	let register = RuntimeCall::ModelRegistry(pallet_model_registry::Call::register_model { spec });
	assert_eq!(apply(Charlie, register).0, Ok(()));
	(pallet_model_registry::NextModelId::<Runtime>::get() - 1, vk)
}

pub fn submit_call(model: ModelId, input: &[i64], max_fee: u128) -> RuntimeCall {
	RuntimeCall::InferenceMarket(MarketCall::submit_inference {
		model,
		input: BoundedVec::try_from(input.to_vec()).expect("the input fits"),
		max_fee,
	})
}

pub fn result_call(job: JobId, output: &[i64], proof: &[u8]) -> RuntimeCall {
	RuntimeCall::InferenceMarket(MarketCall::submit_result {
		job,
		output: BoundedVec::try_from(output.to_vec()).expect("the output fits"),
		proof: BoundedVec::try_from(proof.to_vec()).expect("the proof fits"),
	})
}

/// Alice's genesis node (which serves the demo model only) serves `model` too, from the next
/// epoch (she first bonds `MinBond` more, for the second model); runs to that epoch's first
/// block.
pub fn serve_with_alice(model: ModelId) {
	use frame_support::traits::Get;
	let alice = Sr25519Keyring::Alice.to_account_id();
	let node = pallet_node_staking::Nodes::<Runtime>::get(&alice).expect("Alice's genesis node");
	let amount = NodeStaking::min_bond_for(2).saturating_sub(node.bond);
	if amount > 0 {
		let bond_extra = RuntimeCall::NodeStaking(pallet_node_staking::Call::bond_extra { amount });
		assert_eq!(apply(Sr25519Keyring::Alice, bond_extra).0, Ok(()));
	}
	let update = RuntimeCall::NodeStaking(pallet_node_staking::Call::update_node {
		models: BoundedVec::truncate_from(vec![0, model]),
		capacity: node.config.capacity,
		throughput: node.config.throughput,
		commission: node.config.commission,
	});
	assert_eq!(apply(Sr25519Keyring::Alice, update).0, Ok(()));
	let length = <Runtime as pallet_node_staking::Config>::EpochLength::get();
	let next = NodeStaking::epoch_info().next_start;
	assert!(length > 0);
	super::run_to_block(next);
	assert!(pallet_node_staking::Nodes::<Runtime>::get(&alice)
		.expect("registered")
		.serves(model, NodeStaking::current_epoch()));
}
