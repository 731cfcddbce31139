//! # zkinfer-primitives
//!
//! The types and interfaces zkinfer's market pallets share.
//!
//! ## Overview
//!
//! - [`model`]: identifiers and the terms a registered model offers the market
//!   ([`ModelTerms`]), and the proof system a model is proved in ([`ProofSystem`]).
//! - The public inputs of an inference proof, built by the runtime from the job alone: the
//!   [`job_binding`] of (job, assigned node), the quantized input, the claimed output, each a
//!   canonical BN254 scalar ([`field_element`]); re-exported from `zkinfer-statement`, which
//!   the host functions and the prover use too.
//! - [`traits`]: how the pallets reach each other without depending on each other:
//!   [`ModelRegistry`] (market → model registry), [`ComputeNodes`] (market → node staking),
//!   [`InferenceVerifier`] (registry and market → the proof verifier instances, by proof
//!   system; [`ProofSystems`] routes to one `ProofVerifier` per system).
//! - [`epoch`]: node staking's epochs ([`EpochIndex`], [`EpochInfo`]).
//! - [`runtime_api`]: the inference market's runtime API (quotes, job status and output, jobs
//!   assigned to a node) and node staking's (epoch timing, claimable rewards, a node's
//!   service terms: [`ServiceTerms`], for provers to check before they take jobs).
//!
//! `no_std`; no pallet in its dependencies.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod epoch;
pub mod model;
pub mod runtime_api;
pub mod service;
pub mod traits;

pub use epoch::{EpochIndex, EpochInfo};
pub use model::{
	compute_units, ArtifactHash, ComputeUnits, InputDomain, JobId, ModelId, ModelTerms,
	ProofSystem, QuantizedValue,
};
pub use service::{ServedModel, ServiceTerms};
pub use traits::{ComputeNodes, InferenceVerifier, ModelRegistry, NodeOffence, ProofSystems};
pub use zkinfer_statement::{
	field_element, inference_public_inputs, job_binding, quantized_value, JOB_BINDING_DOMAIN,
};
#[cfg(feature = "testing")]
pub mod testing;
