//! Tests: each ensure type accepts its own origin only; the genesis timing is stored.

use frame_support::{derive_impl, traits::EnsureOrigin};
use sp_runtime::BuildStorage;

use crate::{
	self as pallet_governance_origins, EnsureParameterAdmin, EnsureSlashCanceller, EnsureTreasurer,
	EnsureValidatorAdmin, Origin, TrackTiming,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		GovernanceOrigins: pallet_governance_origins,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl crate::Config for Test {}

const ALL: [Origin; 4] =
	[Origin::ParameterAdmin, Origin::ValidatorAdmin, Origin::SlashCanceller, Origin::Treasurer];

/// Which of the governance origins `E` accepts, and whether it accepts root or a signed origin.
fn accepted<E: EnsureOrigin<RuntimeOrigin>>() -> (Vec<Origin>, bool, bool) {
	let governance = ALL
		.into_iter()
		.filter(|o| E::try_origin(RuntimeOrigin::from(*o)).is_ok())
		.collect();
	let root = E::try_origin(RuntimeOrigin::root()).is_ok();
	let signed = E::try_origin(RuntimeOrigin::signed(1)).is_ok();
	(governance, root, signed)
}

#[test]
fn each_ensure_type_accepts_exactly_its_origin() {
	assert_eq!(accepted::<EnsureParameterAdmin>(), (vec![Origin::ParameterAdmin], false, false));
	assert_eq!(accepted::<EnsureValidatorAdmin>(), (vec![Origin::ValidatorAdmin], false, false));
	assert_eq!(accepted::<EnsureSlashCanceller>(), (vec![Origin::SlashCanceller], false, false));
	assert_eq!(accepted::<EnsureTreasurer>(), (vec![Origin::Treasurer], false, false));
}

#[test]
fn a_refused_origin_is_handed_back_unchanged() {
	let refused = EnsureParameterAdmin::try_origin(RuntimeOrigin::from(Origin::Treasurer))
		.expect_err("the treasurer is not the parameter admin");
	assert!(EnsureTreasurer::try_origin(refused).is_ok());
}

#[test]
fn genesis_sets_the_track_timing() {
	let storage = RuntimeGenesisConfig {
		governance_origins: crate::GenesisConfig {
			timing: TrackTiming::Development,
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.expect("the genesis config is valid");
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(GovernanceOrigins::timing(), TrackTiming::Development);
	});

	let storage = RuntimeGenesisConfig::default().build_storage().expect("valid");
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(GovernanceOrigins::timing(), TrackTiming::Production);
	});
}
