//! # zkinfer-proving-interface
//!
//! How a prover of the chain drives a job: the host interface through which the inference
//! market's off-chain worker reaches the node's native prover, and the [`policy`] every prover
//! follows (the off-chain worker and the standalone `prover-worker run` alike).
//!
//! ## Overview
//!
//! Proving a model takes seconds; an off-chain worker must never wait that long. So proving
//! is a request now and a collection later:
//!
//! 1. The worker calls [`offchain_proving::request_proof`] with a [`ProofRequest`] (the job,
//!    the node it is assigned to, the model's artifact hash, the job binding and the
//!    quantized input). The node queues it in its bounded prover pool and answers at once
//!    with a [`RequestOutcome`].
//! 2. On later blocks the worker calls [`offchain_proving::proof_status`] for the job and
//!    gets a [`ProofStatus`]: still pending, ready (output and proof), failed (why), or
//!    unknown to this node (never requested, or forgotten since a restart: request again).
//!
//! The node provides the prover as the externalities extension [`ProvingExt`] wrapping a
//! [`ProvingBackend`]; it registers the extension for off-chain worker calls only. Without
//! it (block import, tests, a node without a prover) `request_proof` answers
//! [`RequestOutcome::NoProver`] and `proof_status` [`ProofStatus::Unknown`]: the host
//! functions never panic.
//!
//! What a prover does with each status, block by block, is [`policy::step`]; the keys it
//! signs results with are of type [`OPERATOR_KEY_TYPE`].
//!
//! `no_std` on the runtime's side; nothing of FRAME.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

pub mod policy;

pub use policy::{JobNotes, Step, RESUBMIT_AFTER, RETRY_AFTER};

/// The key type of compute-node operator keys (`zkin`): an sr25519 key whose account is a node's
/// operator, or the prover key an operator named for its node. The node's keystore holds them;
/// the off-chain worker signs results with them.
pub const OPERATOR_KEY_TYPE: [u8; 4] = *b"zkin";

/// What the off-chain worker asks the node to prove.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ProofRequest {
	/// The job's id.
	pub job: u64,
	/// The 32-byte account of the node the job is assigned to (whose binding the proof states).
	pub node: [u8; 32],
	/// The content address of the model's compiled artifact (the registry's `artifact`).
	pub artifact: [u8; 32],
	/// The job binding: 32 bytes, a little-endian field element (see
	/// `zkinfer_statement::job_binding`).
	pub binding: [u8; 32],
	/// The job's quantized input.
	pub input: Vec<i64>,
}

/// The answer to a [`ProofRequest`].
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum RequestOutcome {
	/// Queued for proving.
	Accepted,
	/// This job is already pending, proved or failed here: ask for its status.
	AlreadyKnown,
	/// The prover's queue is full: ask again on a later block.
	Busy,
	/// This node has no prover (or this is not an off-chain worker call).
	NoProver,
}

/// Where a job's proof stands on this node.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum ProofStatus {
	/// Never requested here, or forgotten (the node restarted, or it was evicted).
	Unknown,
	/// Queued or being proved.
	Pending,
	/// Proved.
	Ready {
		/// The model's quantized output.
		output: Vec<i64>,
		/// The proof.
		proof: Vec<u8>,
	},
	/// Proving failed; the reason, as UTF-8 text.
	Failed(Vec<u8>),
}

/// The host interface: the `offchain_proving` functions and the node's extension behind them
/// (feature `host`, which the market pallet and the node enable; the prover's pool uses only
/// the types and the policy above).
#[cfg(feature = "host")]
mod host {
	use super::*;
	use sp_runtime_interface::{
		pass_by::{AllocateAndReturnByCodec, PassFatPointerAndDecode, PassPointerAndReadCopy},
		runtime_interface,
	};

	/// Off-chain proving: hand a job to the node's native prover now, collect the proof later.
	#[runtime_interface]
	pub trait OffchainProving {
		/// Hands `request` to the node's prover; never blocks on proving.
		fn request_proof(
			&mut self,
			request: PassFatPointerAndDecode<ProofRequest>,
		) -> AllocateAndReturnByCodec<RequestOutcome> {
			use sp_externalities::ExternalitiesExt;
			match self.extension::<ProvingExt>() {
				Some(ext) => ext.0.request(request),
				None => RequestOutcome::NoProver,
			}
		}

		/// The status of the proof of `job` for `node` on this node.
		fn proof_status(
			&mut self,
			job: u64,
			node: PassPointerAndReadCopy<[u8; 32], 32>,
		) -> AllocateAndReturnByCodec<ProofStatus> {
			use sp_externalities::ExternalitiesExt;
			match self.extension::<ProvingExt>() {
				Some(ext) => ext.0.status(job, &node),
				None => ProofStatus::Unknown,
			}
		}
	}

	/// A prover the node offers its off-chain workers.
	#[cfg(not(substrate_runtime))]
	pub trait ProvingBackend: Send + Sync {
		/// Queues `request` unless it is known or the queue is full; returns at once.
		fn request(&self, request: ProofRequest) -> RequestOutcome;
		/// The status of `job`'s proof for `node`.
		fn status(&self, job: u64, node: &[u8; 32]) -> ProofStatus;
	}

	#[cfg(not(substrate_runtime))]
	sp_externalities::decl_extension! {
		/// The node's prover, as the off-chain workers' externalities carry it.
		pub struct ProvingExt(std::sync::Arc<dyn ProvingBackend>);
	}

	#[cfg(not(substrate_runtime))]
	impl ProvingExt {
		/// Wraps a prover.
		pub fn new(backend: std::sync::Arc<dyn ProvingBackend>) -> Self {
			Self(backend)
		}
	}
}

#[cfg(feature = "host")]
pub use host::offchain_proving;
#[cfg(all(feature = "host", not(substrate_runtime)))]
pub use host::{ProvingBackend, ProvingExt};

#[cfg(all(test, feature = "host"))]
mod host_tests {
	use super::*;
	use std::sync::{Arc, Mutex};

	/// A backend that records requests and answers a fixed status.
	#[derive(Default)]
	struct Recorder(Mutex<Vec<ProofRequest>>);

	impl ProvingBackend for Recorder {
		fn request(&self, request: ProofRequest) -> RequestOutcome {
			let mut seen = self.0.lock().unwrap();
			if seen.iter().any(|r| r.job == request.job && r.node == request.node) {
				return RequestOutcome::AlreadyKnown;
			}
			seen.push(request);
			RequestOutcome::Accepted
		}
		fn status(&self, job: u64, node: &[u8; 32]) -> ProofStatus {
			let seen = self.0.lock().unwrap();
			match seen.iter().find(|r| r.job == job && &r.node == node) {
				Some(r) => ProofStatus::Ready { output: r.input.clone(), proof: vec![7] },
				None => ProofStatus::Unknown,
			}
		}
	}

	fn request(job: u64) -> ProofRequest {
		ProofRequest { job, node: [1; 32], artifact: [2; 32], binding: [3; 32], input: vec![4, -5] }
	}

	#[test]
	fn without_the_extension_there_is_no_prover() {
		sp_io::TestExternalities::default().execute_with(|| {
			assert_eq!(offchain_proving::request_proof(request(0)), RequestOutcome::NoProver);
			assert_eq!(offchain_proving::proof_status(0, [1; 32]), ProofStatus::Unknown);
		});
	}

	#[test]
	fn requests_reach_the_backend_and_statuses_come_back() {
		let backend = Arc::new(Recorder::default());
		let mut ext = sp_io::TestExternalities::default();
		ext.register_extension(ProvingExt::new(backend.clone()));
		ext.execute_with(|| {
			assert_eq!(offchain_proving::proof_status(9, [1; 32]), ProofStatus::Unknown);
			assert_eq!(offchain_proving::request_proof(request(9)), RequestOutcome::Accepted);
			assert_eq!(offchain_proving::request_proof(request(9)), RequestOutcome::AlreadyKnown);
			assert_eq!(
				offchain_proving::proof_status(9, [1; 32]),
				ProofStatus::Ready { output: vec![4, -5], proof: vec![7] }
			);
			// Another node's proof of the same job is another request.
			assert_eq!(offchain_proving::proof_status(9, [8; 32]), ProofStatus::Unknown);
		});
		assert_eq!(backend.0.lock().unwrap().len(), 1);
	}
}
