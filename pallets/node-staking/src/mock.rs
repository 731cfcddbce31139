//! A test runtime: node staking over balances, with a stand-in model registry (models 0–9
//! take jobs, model 10 is retired, others are unknown) and the treasury receiving slashes.

use crate as pallet_node_staking;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::Credit, ConstU32, Hooks, OnUnbalanced},
	BoundedVec, PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::{BuildStorage, DispatchError, Perbill};
use zkinfer_primitives::{ModelId, ModelRegistry, ModelTerms, ProofSystem};

type Block = frame_system::mocking::MockBlock<Test>;

/// Balance of the test runtime.
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		NodeStaking: pallet_node_staking,
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

/// Operators.
pub const OP_1: u64 = 1;
/// Operators.
pub const OP_2: u64 = 2;
/// Pool members.
pub const MEMBER_1: u64 = 11;
/// Pool members.
pub const MEMBER_2: u64 = 12;
/// Pool members.
pub const MEMBER_3: u64 = 13;
/// Pays fees into the pot in tests, as the market does.
pub const MARKET: u64 = 50;
/// Receives slashes.
pub const TREASURY: u64 = 99;
/// What the funded accounts start with.
pub const ENDOWMENT: Balance = 1_000_000;
/// Blocks per epoch.
pub const EPOCH: u64 = 10;
/// The minimum bond.
pub const MIN_BOND: Balance = 1_000;
/// The compute units of one job of every test model.
pub const UNITS: u64 = 10;
/// The blocks a node has for a job (the market's deadline).
pub const WINDOW: u64 = 5;

/// A stand-in model registry.
pub struct TestModels;
impl ModelRegistry<u64> for TestModels {
	fn terms(model: ModelId) -> Result<ModelTerms<u64>, DispatchError> {
		if model > 10 {
			return Err(DispatchError::Other("unknown model"));
		}
		Ok(ModelTerms {
			owner: 0,
			accepts_jobs: model < 10,
			compute_units: UNITS,
			input_domain: zkinfer_primitives::InputDomain::ALL,
			proof_system: ProofSystem::Halo2Kzg,
			vk: Default::default(),
			artifact: Default::default(),
			input_len: 1,
			output_len: 1,
		})
	}
	fn job_opened(_: ModelId, _: &u64) -> sp_runtime::DispatchResult {
		Ok(())
	}
	fn job_closed(_: ModelId) -> sp_runtime::DispatchResult {
		Ok(())
	}
	fn open_jobs(_: ModelId) -> u32 {
		0
	}
	fn jobs_verified(_: ModelId, _: &[u64]) -> sp_runtime::DispatchResult {
		Ok(())
	}
}

/// Pays slashes into the treasury account.
pub struct ToTreasury;
impl OnUnbalanced<Credit<u64, Balances>> for ToTreasury {
	fn on_nonzero_unbalanced(credit: Credit<u64, Balances>) {
		use frame_support::traits::fungible::Balanced;
		let _ = Balances::resolve(&TREASURY, credit);
	}
}

parameter_types! {
	pub const StakingPalletId: PalletId = PalletId(*b"zk/nodes");
	pub storage EpochLength: u64 = EPOCH;
	pub storage UnbondingEpochs: u32 = 2;
	pub storage MinBond: Balance = MIN_BOND;
	pub storage MinJoin: Balance = 100;
	pub storage MaxCommission: Perbill = Perbill::from_percent(20);
	pub storage EpochEmission: Balance = 10_000;
	pub storage MissedDeadlineSlash: Perbill = Perbill::from_percent(10);
	pub storage UnavailabilitySlash: Perbill = Perbill::from_percent(30);
	pub storage DeactivationThreshold: u32 = 3;
}

impl pallet_node_staking::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Models = TestModels;
	type PalletId = StakingPalletId;
	type EpochLength = EpochLength;
	type UnbondingEpochs = UnbondingEpochs;
	type MinBond = MinBond;
	type MinJoin = MinJoin;
	type MaxCommission = MaxCommission;
	type EpochEmission = EpochEmission;
	type MissedDeadlineSlash = MissedDeadlineSlash;
	type UnavailabilitySlash = UnavailabilitySlash;
	type DeactivationThreshold = DeactivationThreshold;
	type AssignmentWindow = frame_support::traits::ConstU64<WINDOW>;
	type Slashed = ToTreasury;
	type SlashCancelOrigin = EnsureRoot<u64>;
	type MaxNodes = ConstU32<8>;
	type MaxModelsPerNode = ConstU32<4>;
	type MaxNodesPerModel = ConstU32<4>;
	type MaxUnbondingChunks = ConstU32<3>;
	type MaxSlashesPerBlock = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestHelper;
}

/// Models for the benchmarks: the stand-in registry's.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for TestHelper {
	fn register_model(_owner: &u64, index: u32) -> ModelId {
		index % 10
	}
}

/// A node configuration for `models` with `capacity` per epoch, as many units per block of
/// throughput, and no commission.
pub fn config(models: &[ModelId], capacity: u64) -> crate::NodeConfigOf<Test> {
	crate::NodeConfig {
		models: BoundedVec::truncate_from(models.to_vec()),
		capacity,
		throughput: capacity,
		commission: Perbill::zero(),
	}
}

/// Storage with funded accounts, at block 1 of epoch 0.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let accounts = [OP_1, OP_2, MEMBER_1, MEMBER_2, MEMBER_3, MARKET, TREASURY];
	pallet_balances::GenesisConfig::<Test> {
		balances: accounts.iter().map(|a| (*a, ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_node_staking::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs the hook for each block up to `n`.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		NodeStaking::on_initialize(next);
		NodeStaking::do_try_state().expect("invariants hold after every block");
	}
}

/// Runs to the first block of `epoch`.
pub fn run_to_epoch(epoch: u32) {
	run_to_block(u64::from(epoch) * EPOCH);
	assert_eq!(NodeStaking::current_epoch(), epoch);
}

/// Runs `test` in fresh storage, then checks the invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		NodeStaking::do_try_state().expect("invariants hold");
	});
}
