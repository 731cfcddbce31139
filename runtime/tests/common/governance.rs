//! Governance helpers of the runtime tests: a referendum from its preimage to its enactment,
//! every step a signed extrinsic.

use codec::Encode;
use frame_support::traits::{schedule::DispatchTime, Bounded, QueryPreimage};
use pallet_conviction_voting::{AccountVote, Conviction, Vote};
use pallet_referenda::{ReferendumIndex, ReferendumInfo};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	DispatchResult,
};
use zkinfer_runtime::{
	Balance, OriginCaller, Preimage, Runtime, RuntimeCall, RuntimeEvent, System, UNIT,
};

use super::market::apply;

/// What each voter of the tests locks behind a vote: enough that three of them pass any
/// track's support curve on a development chain.
pub const VOTE: Balance = 900_000 * UNIT;

/// `proposer` notes `call` as a preimage (unless it is noted already), submits it for dispatch with `origin` a block after
/// approval, and places the decision deposit; returns the referendum's index.
pub fn propose(
	proposer: Sr25519Keyring,
	origin: OriginCaller,
	call: RuntimeCall,
) -> ReferendumIndex {
	let bytes = call.encode();
	let hash = BlakeTwo256::hash(&bytes);
	let proposal = Bounded::Lookup { hash, len: bytes.len() as u32 };
	if <Preimage as QueryPreimage>::len(&hash).is_none() {
		let note = RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { bytes });
		assert_eq!(apply(proposer, note).0, Ok(()));
	}

	let index = pallet_referenda::ReferendumCount::<Runtime>::get();
	let submit = RuntimeCall::Referenda(pallet_referenda::Call::submit {
		proposal_origin: Box::new(origin),
		proposal,
		enactment_moment: DispatchTime::After(1),
	});
	assert_eq!(apply(proposer, submit).0, Ok(()));
	let deposit = RuntimeCall::Referenda(pallet_referenda::Call::place_decision_deposit { index });
	assert_eq!(apply(proposer, deposit).0, Ok(()));
	index
}

/// `voter` votes `aye` (or nay) on referendum `index` with `balance`, conviction 1x.
pub fn vote(voter: Sr25519Keyring, index: ReferendumIndex, aye: bool, balance: Balance) {
	let vote =
		AccountVote::Standard { vote: Vote { aye, conviction: Conviction::Locked1x }, balance };
	let call = RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::vote {
		poll_index: index,
		vote,
	});
	assert_eq!(apply(voter, call).0, Ok(()));
}

/// Whether referendum `index` is still open.
pub fn is_ongoing(index: ReferendumIndex) -> bool {
	matches!(
		pallet_referenda::ReferendumInfoFor::<Runtime>::get(index),
		Some(ReferendumInfo::Ongoing(_))
	)
}

/// Runs blocks until referendum `index` is decided (at most `max_blocks`), then two more so
/// that an approved proposal is enacted; returns how the referendum ended and the results of
/// its enactment (the scheduler's dispatch of the proposal under the referendum's name; the
/// referenda pallet's own alarms are dispatched anonymously).
pub fn run_until_decided(
	index: ReferendumIndex,
	max_blocks: u32,
) -> (pallet_referenda::ReferendumInfoOf<Runtime, ()>, Vec<DispatchResult>) {
	System::reset_events();
	let limit = System::block_number() + max_blocks;
	while is_ongoing(index) {
		assert!(
			System::block_number() < limit,
			"referendum {index} undecided after {max_blocks} blocks"
		);
		super::run_to_block(System::block_number() + 1);
	}
	super::run_to_block(System::block_number() + 2);
	let info =
		pallet_referenda::ReferendumInfoFor::<Runtime>::get(index).expect("the referendum exists");
	let enactment = (*b"assembly", "enactment", index).using_encoded(sp_io::hashing::blake2_256);
	let dispatched =
		System::events()
			.into_iter()
			.filter_map(|record| match record.event {
				RuntimeEvent::Scheduler(pallet_scheduler::Event::Dispatched {
					id, result, ..
				}) if id == Some(enactment) => Some(result),
				_ => None,
			})
			.collect();
	(info, dispatched)
}
