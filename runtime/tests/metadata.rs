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

/// The metadata the prover's typed chain client is generated from (`prover-worker/src/chain.rs`,
/// `#[subxt::subxt]`), relative to this package.
const CLIENT_METADATA: &str = "../prover-worker/metadata/zkinfer.scale";

#[test]
fn the_prover_client_is_generated_from_this_runtimes_metadata() {
	with_state(|| {
		let metadata = Runtime::metadata_at_version(15).expect("v15 exists").to_vec();
		// Read when the test runs, not when it compiles: the test binary may come from another
		// checkout sharing the target directory.
		let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
		let path = std::path::Path::new(&dir).join(CLIENT_METADATA);
		if std::env::var_os("ZKINFER_UPDATE_METADATA").is_some() {
			std::fs::write(&path, &metadata).expect("the prover's metadata file is writable");
		}
		let committed =
			std::fs::read(&path).expect("prover-worker/metadata/zkinfer.scale is committed");
		assert!(
			committed == metadata,
			"prover-worker/metadata/zkinfer.scale is not this runtime's metadata: regenerate it with \
			 `ZKINFER_UPDATE_METADATA=1 cargo test --release -p zkinfer-runtime --test metadata` \
			 (chain-spec/generate.sh does), then rebuild the prover"
		);
	});
}
