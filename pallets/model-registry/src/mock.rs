//! A test runtime: the registry over balances, the test verifier of `zkinfer-primitives` and a
//! treasury account that receives registration fees.

use crate as pallet_model_registry;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::Credit, ConstU32, OnUnbalanced},
};
use sp_runtime::BuildStorage;
use zkinfer_primitives::{testing::TestVerifier, ProofSystem};
use zkinfer_verifier_primitives::KeyHash;

type Block = frame_system::mocking::MockBlock<Test>;

/// Balance of the test runtime.
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		ModelRegistry: pallet_model_registry,
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

/// A model owner with funds.
pub const ALICE: u64 = 1;
/// Another account with funds.
pub const BOB: u64 = 2;
/// An account with almost nothing.
pub const PAUPER: u64 = 3;
/// Receives registration fees.
pub const TREASURY: u64 = 99;
/// What ALICE and BOB start with.
pub const ENDOWMENT: Balance = 1_000_000;
/// The registration fee.
pub const FEE: Balance = 500;
/// The deposit of a requester's usage record.
pub const USAGE_DEPOSIT: Balance = 20;

parameter_types! {
	pub const RegistrationFee: Balance = FEE;
	pub const ModelDepositBase: Balance = 1_000;
	pub const ModelDepositPerByte: Balance = 10;
	pub const TreasuryAccount: u64 = TREASURY;
	pub const UsageRecordDeposit: Balance = USAGE_DEPOSIT;
}

/// Pays registration fees into the treasury account.
pub struct ToTreasury;
impl OnUnbalanced<Credit<u64, Balances>> for ToTreasury {
	fn on_nonzero_unbalanced(credit: Credit<u64, Balances>) {
		use frame_support::traits::fungible::Balanced;
		let _ = Balances::resolve(&TREASURY, credit);
	}
}

impl pallet_model_registry::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Verifiers = TestVerifier;
	type RegistrationFee = RegistrationFee;
	type RegistrationFeeDestination = ToTreasury;
	type ModelDepositBase = ModelDepositBase;
	type ModelDepositPerByte = ModelDepositPerByte;
	type MaxMetadataBytes = ConstU32<256>;
	type MaxDimensions = ConstU32<4>;
	type MaxTensorValues = ConstU32<1024>;
	type UsageRecordDeposit = UsageRecordDeposit;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestKeys;
}

/// Registers test-verifier keys for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestKeys;
#[cfg(feature = "runtime-benchmarks")]
impl crate::benchmarking::BenchmarkHelper<u64> for TestKeys {
	fn registered_key(_owner: &u64, public_inputs: u32) -> (ProofSystem, KeyHash) {
		(ProofSystem::Halo2Kzg, TestVerifier::register_key(ProofSystem::Halo2Kzg, public_inputs))
	}
}

/// Storage with ALICE and BOB endowed, PAUPER nearly broke and the treasury existing.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, ENDOWMENT), (BOB, ENDOWMENT), (PAUPER, 1_000), (TREASURY, 1)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` in fresh storage, then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		ModelRegistry::do_try_state().expect("invariants hold after the test");
	});
}

/// A key of the test verifier for a model with `inputs` input and `outputs` output values.
pub fn key_for(inputs: u32, outputs: u32) -> KeyHash {
	TestVerifier::register_key(ProofSystem::Halo2Kzg, 1 + inputs + outputs)
}
