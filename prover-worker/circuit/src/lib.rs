//! # zkinfer circuit
//!
//! The quantized model IR, its integer inference, and its halo2 circuit: models laid out with
//! the chips of `zkinfer-halo2` (the constraint system, key format and verifier the chain
//! links), key generation and proving. No chain code and no ONNX here: the prover
//! (`prover-worker`) builds [`Model`]s from ONNX. The halo2 modules are re-exported
//! ([`chip`], [`cpu`], [`quant`], [`bound`], [`field`], [`srs`], [`verify`](mod@verify)).
//!
//! ## Overview
//!
//! - [`ops`]: the typed IR, one file per operator family; each operator implements
//!   [`ops::Operator`], [`ops::Quantize`] and [`ops::Provable`] (`eval`, the integer inference,
//!   and `layout`, the circuit, built on the same arithmetic) and is registered by one line of
//!   the list that generates [`ops::Op`]. It builds on [`chip`], never the reverse.
//! - [`model`]: a graph of operators with its quantization; [`Model::eval`] is the witness.
//! - [`circuit`]: [`ModelCircuit`] (halo2 `Circuit`, settings through `Circuit::Params`) and
//!   [`plan`], which chooses `k` and the dot-product width.
//! - [`synthetic`]: passing cases of any statement size and width, for verifier benchmarks.
//!
//! ## The proof statement
//!
//! Public inputs, in order: the job binding, the quantized input, the quantized output (a
//! model with several inputs or outputs: every input flattened, in graph order, then every
//! output likewise; [`Graph`]), each
//! a canonical BN254 scalar (negative values as `p - |x|`), as `zkinfer-statement` defines
//! them for the chain too. The weights are fixed columns, so
//! the verifying key identifies the model.
//!
//! ## Proof system
//!
//! halo2 (`halo2-axiom`) PLONKish arithmetisation, KZG commitments over BN254, SHPLONK
//! multi-opening, Blake2b transcript.

pub mod circuit;
pub mod model;
pub mod ops;
pub mod prove;
pub mod synthetic;
pub mod tensor;

/// The halo2 proof system this circuit is built on, from `zkinfer-halo2` (which the chain's
/// verifier links alone): the chips, fixed point, wire bounds, the field, the SRS and the
/// verifier.
pub use zkinfer_halo2::{bound, chip, cpu, field, quant, srs, verify};

pub use circuit::{plan, plan_width, rows_per_node, CircuitParams, ModelCircuit, Plan, PlanError};
pub use model::{Graph, Model, ModelError, Node};
pub use prove::{keygen, prove, Keys, Proof, ProveError};
pub use quant::Quant;
pub use srs::VerifierParams;
pub use tensor::Tensor;
pub use verify::{validate_vk, Halo2Error, KeyShape};
