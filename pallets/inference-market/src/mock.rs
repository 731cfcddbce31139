//! A test runtime: the market over balances, the real model registry, and the test verifier
//! and test nodes of `zkinfer-primitives` (node staking and halo2 proofs stand-ins).

use crate as pallet_inference_market;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::Credit, ConstU32, ConstU64, Hooks, OnUnbalanced},
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill};
use zkinfer_primitives::{
	testing::{TestNodes, TestVerifier},
	ModelId, ProofSystem,
};

type Block = frame_system::mocking::MockBlock<Test>;

/// Balance of the test runtime.
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		ModelRegistry: pallet_model_registry,
		InferenceMarket: pallet_inference_market,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type Balance = Balance;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// A model owner.
pub const ALICE: u64 = 1;
/// A requester.
pub const BOB: u64 = 2;
/// An account with almost nothing.
pub const PAUPER: u64 = 3;
/// Compute nodes.
pub const NODE_1: u64 = 11;
/// Compute nodes.
pub const NODE_2: u64 = 12;
/// Compute nodes.
pub const NODE_3: u64 = 13;
/// Receives protocol fees and registration fees.
pub const TREASURY: u64 = 99;
/// What the funded accounts start with.
pub const ENDOWMENT: Balance = 1_000_000;
/// Compute units per inference of the test models: the test verifier's keys' (`2^6` rows × 40
/// columns / 64).
pub const UNITS: u64 = 40;
/// Blocks a node has for a job.
pub const DEADLINE: u64 = 5;
/// Blocks a job may wait in the queue.
pub const QUEUE_TIMEOUT: u64 = 20;
/// Jobs looked at per block.
pub const JOBS_PER_BLOCK: u32 = 4;
/// Queue length (per model).
pub const QUEUE_LEN: u32 = 8;
/// The most results of one `submit_results` call.
pub const BATCH_RESULTS: u32 = 8;
/// The most public-input values of one `submit_results` call: six statements of the tests'
/// 3-input, 2-output models.
pub const BATCH_VALUES: u32 = 36;
/// The deposit of a requester's usage record of a model.
pub const USAGE_DEPOSIT: Balance = 20;
/// The input domain of the test models.
pub const DOMAIN: zkinfer_primitives::InputDomain =
	zkinfer_primitives::InputDomain { min: -100, max: 100 };

/// Pays credits into the treasury account.
pub struct ToTreasury;
impl OnUnbalanced<Credit<u64, Balances>> for ToTreasury {
	fn on_nonzero_unbalanced(credit: Credit<u64, Balances>) {
		use frame_support::traits::fungible::Balanced;
		let _ = Balances::resolve(&TREASURY, credit);
	}
}

parameter_types! {
	pub const RegistrationFee: Balance = 500;
	pub const ModelDepositBase: Balance = 1_000;
	pub const ModelDepositPerByte: Balance = 1;
	/// Governed: tests change it.
	pub storage UnitPrice: Balance = 10;
	pub const NodeShare: Perbill = Perbill::from_percent(80);
	pub const OwnerShare: Perbill = Perbill::from_percent(15);
	pub storage MaxReassignments: u32 = 1;
	/// Governed: tests change it.
	pub storage AssignmentDeadline: u64 = DEADLINE;
}

impl pallet_model_registry::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Verifiers = TestVerifier;
	type RegistrationFee = RegistrationFee;
	type RegistrationFeeDestination = ToTreasury;
	type ModelDepositBase = ModelDepositBase;
	type ModelDepositPerByte = ModelDepositPerByte;
	type MaxMetadataBytes = ConstU32<64>;
	type MaxDimensions = ConstU32<4>;
	type MaxTensorValues = ConstU32<16>;
	type UsageRecordDeposit = ConstU64<USAGE_DEPOSIT>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestHelper;
}

parameter_types! {
	pub const MarketPalletId: frame_support::PalletId = frame_support::PalletId(*b"zk/markt");
}

impl pallet_inference_market::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type PalletId = MarketPalletId;
	type Models = ModelRegistry;
	type Verifiers = TestVerifier;
	type Nodes = TestNodes<u64>;
	type UnitPrice = UnitPrice;
	type NodeShare = NodeShare;
	type OwnerShare = OwnerShare;
	type ProtocolFeeDestination = ToTreasury;
	type AssignmentDeadline = AssignmentDeadline;
	type MaxReassignments = MaxReassignments;
	type QueueTimeout = ConstU64<QUEUE_TIMEOUT>;
	type JobDepositBase = ConstU64<100>;
	type JobDepositPerValue = ConstU64<1>;
	type MaxQueueLen = ConstU32<QUEUE_LEN>;
	type MaxAssignments = ConstU32<3>;
	type MaxJobsPerBlock = ConstU32<JOBS_PER_BLOCK>;
	type MaxNodesPerModel = ConstU32<4>;
	type MaxInputValues = ConstU32<16>;
	type MaxOutputValues = ConstU32<16>;
	type MaxProofBytes = ConstU32<64>;
	type MaxBatchResults = ConstU32<BATCH_RESULTS>;
	type MaxBatchModels = ConstU32<4>;
	type MaxBatchValues = ConstU32<BATCH_VALUES>;
	type Operators = TestOperators;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestHelper;
}

/// Registers test models and nodes for benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_model_registry::BenchmarkHelper<u64> for TestHelper {
	fn registered_key(
		_owner: &u64,
		public_inputs: u32,
	) -> (ProofSystem, zkinfer_verifier_primitives::KeyHash) {
		(ProofSystem::Halo2Kzg, TestVerifier::register_key(ProofSystem::Halo2Kzg, public_inputs))
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for TestHelper {
	fn register_model(owner: &u64, inputs: u32, outputs: u32) -> ModelId {
		register_model(*owner, inputs, outputs)
	}

	fn add_node(node: &u64, models: &[ModelId], capacity: zkinfer_primitives::ComputeUnits) {
		TestNodes::<u64>::add(*node, models.to_vec(), capacity);
	}

	fn max_models_per_node() -> u32 {
		2
	}
}

thread_local! {
	/// The operator keys the test "keystore" holds.
	pub static LOCAL_OPERATORS: core::cell::RefCell<Vec<u64>> = const { core::cell::RefCell::new(Vec::new()) };
	/// The calls the off-chain worker submitted, with their signers.
	pub static SUBMITTED: core::cell::RefCell<Vec<(u64, crate::Call<Test>)>> = const { core::cell::RefCell::new(Vec::new()) };
	/// Whether the test "transaction pool" refuses submissions.
	pub static REFUSE_SUBMISSIONS: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// Local operators from [`LOCAL_OPERATORS`]; submissions recorded in [`SUBMITTED`].
pub struct TestOperators;
impl crate::OffchainOperators<u64, crate::Call<Test>> for TestOperators {
	fn local_operators() -> Vec<u64> {
		LOCAL_OPERATORS.with(|operators| operators.borrow().clone())
	}
	fn submit_signed(
		key: &u64,
		call: crate::Call<Test>,
	) -> Result<(), crate::offchain::SubmitError> {
		if REFUSE_SUBMISSIONS.with(|refuse| refuse.get()) {
			return Err(crate::offchain::SubmitError::Refused);
		}
		SUBMITTED.with(|submitted| submitted.borrow_mut().push((*key, call)));
		Ok(())
	}
}

/// Registers a model of `owner` with `inputs` inputs and `outputs` outputs, costing
/// [`UNITS`] (the test verifier's key size), with input domain [`DOMAIN`]; returns its id.
pub fn register_model(owner: u64, inputs: u32, outputs: u32) -> ModelId {
	let vk = TestVerifier::register_key(ProofSystem::Halo2Kzg, 1 + inputs + outputs);
	let spec = pallet_model_registry::ModelSpec {
		metadata: BoundedVec::truncate_from(b"test".to_vec()),
		input_shape: BoundedVec::truncate_from(vec![inputs]),
		input_scale: 5,
		output_shape: BoundedVec::truncate_from(vec![outputs]),
		output_scale: 5,
		input_domain: DOMAIN,
		proof_system: ProofSystem::Halo2Kzg,
		vk,
		artifact: H256::repeat_byte(1),
	};
	ModelRegistry::do_register_model(owner, spec).expect("test models register")
}

/// Storage with funded accounts and an existing treasury, at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, ENDOWMENT),
			(BOB, ENDOWMENT),
			(PAUPER, 300),
			(NODE_1, ENDOWMENT),
			(NODE_2, ENDOWMENT),
			(NODE_3, ENDOWMENT),
			(TREASURY, 1),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_inference_market::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs the market's hook for each block up to `n`.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		InferenceMarket::on_initialize(next);
	}
}

/// Checks both pallets' invariants and that no node's assigned units exceed its capacity.
pub fn check_invariants() {
	InferenceMarket::do_try_state().expect("market invariants hold");
	ModelRegistry::do_try_state().expect("registry invariants hold");
	for node in TestNodes::<u64>::nodes() {
		assert!(node.used <= node.capacity, "node {} used more than its capacity", node.account);
	}
}

/// Runs `test` in fresh storage, then checks the invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check_invariants();
	});
}
