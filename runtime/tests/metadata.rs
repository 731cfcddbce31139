//! The metadata that clients decode everything from.

use frame_support::traits::StorageInfoTrait;
use zkinfer_runtime::{AllPalletsWithSystem, Runtime};

/// The referendum tracks' periods depend on the chain's state (`GovernanceOrigins::timing`), so
/// metadata and storage info are built with a state, as on a node.
fn with_state(test: impl FnOnce()) {
	sp_io::TestExternalities::default().execute_with(test)
}

#[test]
fn metadata_v15_and_v16_are_offered_and_list_every_pallet() {
	with_state(|| {
	let versions = Runtime::metadata_versions();
	assert!(versions.contains(&15), "{versions:?}");
	assert!(versions.contains(&16), "{versions:?}");

	let metadata = Runtime::metadata_at_version(15).expect("v15 exists");
	let bytes: Vec<u8> = metadata.to_vec();
	// The encoded metadata names each pallet.
	for pallet in [
		"System",
		"Timestamp",
		"Balances",
		"TransactionPayment",
		"Authorship",
		"ValidatorSet",
		"Session",
		"Aura",
		"Grandpa",
		"Sudo",
		"Utility",
		"Preimage",
		"Scheduler",
		"Referenda",
		"ConvictionVoting",
		"GovernanceOrigins",
		"Parameters",
		"Treasury",
	] {
		assert!(
			bytes.windows(pallet.len()).any(|w| w == pallet.as_bytes()),
			"{pallet} is missing from the metadata"
		);
	}
	});
}

/// Upstream storage without a maximum size: frame-system's per-block items (cleared every
/// block), its runtime-upgrade marker, and pallet-session (declared `without_storage_info`; its
/// keys are written only by accounts that pay the key deposit).
const UNBOUNDED_UPSTREAM: &[(&str, &str)] = &[
	("System", "ExtrinsicData"),
	("System", "Digest"),
	("System", "Events"),
	("System", "EventTopics"),
	("System", "LastRuntimeUpgrade"),
	("Session", "*"),
];

#[test]
fn every_other_storage_item_is_bounded() {
	with_state(|| {
	let mut checked = 0;
	for info in AllPalletsWithSystem::storage_info() {
		let pallet = String::from_utf8_lossy(&info.pallet_name).to_string();
		let item = String::from_utf8_lossy(&info.storage_name).to_string();
		let exempt = UNBOUNDED_UPSTREAM
			.iter()
			.any(|(p, i)| *p == pallet && (*i == "*" || *i == item));
		if exempt {
			continue;
		}
		assert!(info.max_size.is_some(), "{pallet}::{item} has no maximum size");
		checked += 1;
	}
	assert!(checked > 20, "only {checked} storage items were checked");
	});
}
