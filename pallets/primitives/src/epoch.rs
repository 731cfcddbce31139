//! Node staking's epochs: the unit of time in which nodes serve, commit capacity and earn.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// An epoch's index; epoch 0 starts at genesis.
pub type EpochIndex = u32;

/// Where the chain stands in its epochs, for clients and provers.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct EpochInfo<BlockNumber> {
	/// The current epoch.
	pub index: EpochIndex,
	/// The block it started in.
	pub start: BlockNumber,
	/// Its length in blocks (governed; a change applies from the current epoch on).
	pub length: BlockNumber,
	/// The block in which the next epoch starts.
	pub next_start: BlockNumber,
}
