//! # zkinfer-halo2
//!
//! zkinfer's halo2-KZG proof system as the chain verifies it: everything a verifier of a model
//! proof needs, and nothing of a model. The node's host functions link this crate alone; the
//! prover's model circuit (`zkinfer-circuit`, which lays models out with these chips) builds on
//! it.
//!
//! ## Overview
//!
//! - [`chip`]: the model circuit's columns, gates and shared lookup table ([`chip::ModelConfig`])
//!   and the layout instructions ([`chip::LayoutCtx`]) that operators are built from.
//! - [`params`]: the circuit settings a constraint system depends on ([`CircuitParams`]: `k`
//!   and the dot-product width) and [`KeyCircuit`], the constraint system without a model, with
//!   which a verifying key is read.
//! - [`quant`]: power-of-two fixed point; the rescale every product needs; saturation.
//! - [`bound`]: static bounds of wire values, which size the saturating clamps.
//! - [`cpu`]: the processor extensions this build's field arithmetic needs, checked at start-up.
//! - [`domain`]: the evaluation domain a verifier needs, without halo2's FFT tables.
//! - [`field`]: the BN254 scalar field as witnesses use it.
//! - [`srs`]: the KZG verifier parameters and their identity hash; the development SRS.
//! - [`verify`](mod@verify): verifying-key encoding, [`validate_vk`] and [`verify`].
//! - [`batch`]: [`verify_batch`], many proofs under one key checked with one pairing, and the
//!   bad ones found by bisection.
//!
//! ## Proof system
//!
//! halo2 (`halo2-axiom`) PLONKish arithmetisation, KZG commitments over BN254, SHPLONK
//! multi-opening, Blake2b transcript. The statement's encoding and the chain's size limits come
//! from `zkinfer-statement`.

pub mod batch;
pub mod bound;
pub mod chip;
pub mod cpu;
pub mod domain;
pub mod field;
pub mod params;
pub mod quant;
pub mod srs;
pub mod verify;

pub use batch::{verify_batch, BatchStatement, BatchVerdict};
pub use params::{CircuitParams, KeyCircuit};
pub use quant::Quant;
pub use srs::VerifierParams;
pub use verify::{validate_vk, verify, Halo2Error, KeyShape};
