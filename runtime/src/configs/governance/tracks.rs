//! The referendum tracks: one per origin a referendum may dispatch with.
//!
//! | id | track | origin | deciding at once | decision deposit |
//! |----|-------|--------|------------------|------------------|
//! | 0 | `root` | root | 1 | 10,000 UNIT |
//! | 1 | `parameter_admin` | `ParameterAdmin` | 4 | 1,000 UNIT |
//! | 2 | `validator_admin` | `ValidatorAdmin` | 2 | 1,000 UNIT |
//! | 3 | `slash_canceller` | `SlashCanceller` | 8 | 100 UNIT |
//! | 4 | `treasurer` | `Treasurer` | 4 | 1,000 UNIT |
//!
//! Every track passes with a majority of conviction-weighted votes that falls linearly from
//! 100 % to 50 % over the decision period, and a support (turnout of aye capital in the active
//! issuance) that falls linearly from its track's ceiling to a floor. Periods depend on the
//! chain's [`TrackTiming`]: production periods are hours and days (the slash-cancellation track
//! decides within 40 minutes, since a slash applies one to two epochs after the offence);
//! development chains prepare for 1 block, decide within 5 minutes, confirm for 2 blocks and
//! enact a block later.

use alloc::borrow::Cow;
use pallet_governance_origins::{Origin as GovernanceOrigin, TrackTiming};
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::Perbill;

use crate::{Balance, BlockNumber, GovernanceOrigins, OriginCaller, DAYS, HOURS, MINUTES, UNIT};

/// A track's identifier.
pub type TrackId = u16;

/// The root track.
pub const ROOT: TrackId = 0;
/// The parameters track.
pub const PARAMETER_ADMIN: TrackId = 1;
/// The validator-set track.
pub const VALIDATOR_ADMIN: TrackId = 2;
/// The slash-cancellation track.
pub const SLASH_CANCELLER: TrackId = 3;
/// The treasury-spend track.
pub const TREASURER: TrackId = 4;

/// A track's name, as `pallet-referenda` stores it: UTF-8, zero-padded.
const fn name<const N: usize>(s: &str) -> [u8; N] {
	let bytes = s.as_bytes();
	let mut out = [0u8; N];
	let mut i = 0;
	while i < bytes.len() {
		out[i] = bytes[i];
		i += 1;
	}
	out
}

/// Approval from 100 % at the start of the decision period to 50 % at its end.
const APPROVAL: Curve = Curve::LinearDecreasing {
	length: Perbill::one(),
	floor: Perbill::from_percent(50),
	ceil: Perbill::one(),
};

/// Support from `ceil` at the start of the decision period to `floor` at its end.
const fn support(ceil: u32, floor_per_mill: u32) -> Curve {
	Curve::LinearDecreasing {
		length: Perbill::one(),
		floor: Perbill::from_parts(floor_per_mill * 1_000_000),
		ceil: Perbill::from_percent(ceil),
	}
}

/// The tracks with their production periods.
static TRACKS: [Track<TrackId, Balance, BlockNumber>; 5] = [
	Track {
		id: ROOT,
		info: TrackInfo {
			name: name("root"),
			max_deciding: 1,
			decision_deposit: 10_000 * UNIT,
			prepare_period: 2 * HOURS,
			decision_period: 14 * DAYS,
			confirm_period: DAYS,
			min_enactment_period: DAYS,
			min_approval: APPROVAL,
			min_support: support(50, 10),
		},
	},
	Track {
		id: PARAMETER_ADMIN,
		info: TrackInfo {
			name: name("parameter_admin"),
			max_deciding: 4,
			decision_deposit: 1_000 * UNIT,
			prepare_period: HOURS,
			decision_period: 7 * DAYS,
			confirm_period: 3 * HOURS,
			min_enactment_period: 10 * MINUTES,
			min_approval: APPROVAL,
			min_support: support(25, 10),
		},
	},
	Track {
		id: VALIDATOR_ADMIN,
		info: TrackInfo {
			name: name("validator_admin"),
			max_deciding: 2,
			decision_deposit: 1_000 * UNIT,
			prepare_period: HOURS,
			decision_period: 7 * DAYS,
			confirm_period: DAYS,
			min_enactment_period: HOURS,
			min_approval: APPROVAL,
			min_support: support(25, 10),
		},
	},
	Track {
		id: SLASH_CANCELLER,
		info: TrackInfo {
			name: name("slash_canceller"),
			max_deciding: 8,
			decision_deposit: 100 * UNIT,
			prepare_period: MINUTES,
			decision_period: 40 * MINUTES,
			confirm_period: 5 * MINUTES,
			min_enactment_period: 1,
			min_approval: APPROVAL,
			min_support: support(10, 5),
		},
	},
	Track {
		id: TREASURER,
		info: TrackInfo {
			name: name("treasurer"),
			max_deciding: 4,
			decision_deposit: 1_000 * UNIT,
			prepare_period: 2 * HOURS,
			decision_period: 14 * DAYS,
			confirm_period: DAYS,
			min_enactment_period: DAYS,
			min_approval: APPROVAL,
			min_support: support(25, 10),
		},
	},
];

/// A track with the periods of a development chain.
fn for_development(
	track: &Track<TrackId, Balance, BlockNumber>,
) -> Track<TrackId, Balance, BlockNumber> {
	let mut track = track.clone();
	track.info.prepare_period = 1;
	track.info.decision_period = 5 * MINUTES;
	track.info.confirm_period = 2;
	track.info.min_enactment_period = 1;
	track
}

/// The runtime's tracks, with the periods of the chain's [`TrackTiming`].
pub struct Tracks;

impl pallet_referenda::TracksInfo<Balance, BlockNumber> for Tracks {
	type Id = TrackId;
	type RuntimeOrigin = OriginCaller;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<TrackId, Balance, BlockNumber>>> {
		let timing = GovernanceOrigins::timing();
		TRACKS.iter().map(move |track| match timing {
			TrackTiming::Production => Cow::Borrowed(track),
			TrackTiming::Development => Cow::Owned(for_development(track)),
		})
	}

	fn track_for(origin: &OriginCaller) -> Result<TrackId, ()> {
		match origin {
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(ROOT),
			OriginCaller::GovernanceOrigins(origin) => Ok(match origin {
				GovernanceOrigin::ParameterAdmin => PARAMETER_ADMIN,
				GovernanceOrigin::ValidatorAdmin => VALIDATOR_ADMIN,
				GovernanceOrigin::SlashCanceller => SLASH_CANCELLER,
				GovernanceOrigin::Treasurer => TREASURER,
			}),
			_ => Err(()),
		}
	}
}
