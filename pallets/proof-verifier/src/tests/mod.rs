//! Tests of the proof verifier, by topic.

mod corpus;
mod halo2;
mod keys;
mod params;
mod proofs;
mod weights;

use crate::{mock::*, Event, KeyBytes, Keys};
use frame_support::{assert_ok, BoundedVec};
use zkinfer_groth16::corpus::fixture;
use zkinfer_verifier_primitives::KeyHash;

/// Registers `vk` for `owner` and returns its hash.
fn register(owner: u64, vk: &[u8]) -> KeyHash {
	assert_ok!(Groth16Verifier::register_vk(
		RuntimeOrigin::signed(owner),
		BoundedVec::try_from(vk.to_vec()).unwrap()
	));
	let key = KeyHash::from(sp_io::hashing::blake2_256(vk));
	assert!(Keys::<Test>::contains_key(key));
	assert!(KeyBytes::<Test>::contains_key(key));
	key
}

/// Registers the snarkjs fixture's key for ALICE.
fn register_fixture_key() -> KeyHash {
	register(ALICE, &fixture().vk)
}

/// The last event of the verifier instance.
fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Groth16Verifier(event) => Some(event),
			_ => None,
		})
		.expect("the verifier emitted an event")
}
