//! A test runtime with two instances of the pallet, as in the zkinfer runtime: Groth16 over
//! BN254 (the default instance) and halo2-KZG, verifying through the real host-function
//! implementations (native in tests).

use crate as pallet_proof_verifier;
use crate::{Groth16Bn254, Halo2Kzg};
use frame_support::{derive_impl, instances::Instance2, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;
pub use zkinfer_verifier_host::fixture::halo2_fixture;

type Block = frame_system::mocking::MockBlock<Test>;

/// Balance of the test runtime.
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Groth16Verifier: pallet_proof_verifier,
		Halo2Verifier: pallet_proof_verifier::<Instance2>,
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

/// An account with funds.
pub const ALICE: u64 = 1;
/// Another account with funds.
pub const BOB: u64 = 2;
/// An account with almost nothing.
pub const PAUPER: u64 = 3;
/// What ALICE and BOB start with.
pub const ENDOWMENT: Balance = 1_000_000;

parameter_types! {
	pub const KeyDepositBase: Balance = 100;
	pub const KeyDepositPerByte: Balance = 1;
}

impl pallet_proof_verifier::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Verifier = Groth16Bn254;
	type ParamsOrigin = frame_system::EnsureRoot<u64>;
	type KeyDepositBase = KeyDepositBase;
	type KeyDepositPerByte = KeyDepositPerByte;
	type MaxKeyBytes = ConstU32<{ 64 * 1024 }>;
	type MaxProofBytes = ConstU32<{ 64 * 1024 }>;
	type MaxPublicInputs = ConstU32<256>;
	type MaxParamsBytes = ConstU32<1024>;
	type MaxBatchProofs = frame_support::traits::ConstU32<32>;
	type WeightInfo = ();
}

/// The halo2-KZG instance.
pub type Halo2Instance = Instance2;

impl pallet_proof_verifier::Config<Halo2Instance> for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Verifier = Halo2Kzg;
	type ParamsOrigin = frame_system::EnsureRoot<u64>;
	type KeyDepositBase = KeyDepositBase;
	type KeyDepositPerByte = KeyDepositPerByte;
	type MaxKeyBytes = ConstU32<{ 16 * 1024 }>;
	type MaxProofBytes = ConstU32<{ 16 * 1024 }>;
	// Small, so the benchmark tests prove quickly; the runtime allows 4096.
	type MaxPublicInputs = ConstU32<128>;
	type MaxParamsBytes = ConstU32<160>;
	type MaxBatchProofs = frame_support::traits::ConstU32<32>;
	type WeightInfo = ();
}

/// Storage with ALICE and BOB endowed and PAUPER nearly broke, at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, ENDOWMENT), (BOB, ENDOWMENT), (PAUPER, 10)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_proof_verifier::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_proof_verifier::GenesisConfig::<Test, Halo2Instance> {
		params: halo2_fixture().params,
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
		Groth16Verifier::do_try_state().expect("invariants hold after the test");
		Halo2Verifier::do_try_state().expect("invariants hold after the test");
	});
}
