//! The pallets whose benchmarks the runtime exposes to `zkinfer-node benchmark pallet`.
//!
//! The validator set (pallet-collator-selection) and session use their upstream weights and
//! are not re-benchmarked here.

pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::Pallet as SystemBench;

pub use crate::{Balances, Groth16Verifier, Halo2Verifier, Runtime, Sudo, Timestamp};

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_proof_verifier, Groth16Verifier]
	[pallet_proof_verifier, Halo2Verifier]
);
