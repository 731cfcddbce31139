//! The superuser of development chains. Only the `development` and `local_testnet` genesis
//! presets set a key; a public network's chain spec sets none, and governance is its root.

use crate::{Runtime, RuntimeCall, RuntimeEvent};

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
