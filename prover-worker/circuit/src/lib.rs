//! # zkinfer circuit
//!
//! The quantized model IR, its integer inference, its halo2 circuit and the model-agnostic
//! verifier of zkinfer's inference proofs. No chain code and no ONNX here: the prover
//! (`prover-worker`) builds [`Model`]s from ONNX, and the node's host functions call
//! [`verify`] and [`validate_vk`].
//!
//! ## Overview
//!
//! - [`ops`]: the typed IR, one file per operator family; each operator implements
//!   [`ops::Operator`], [`ops::Quantize`] and [`ops::Provable`] (`eval`, the integer inference,
//!   and `layout`, the circuit, built on the same arithmetic) and is registered by one line of
//!   the list that generates [`ops::Op`]. It builds on [`chip`], never the reverse.
//! - [`quant`]: power-of-two fixed point; the rescale every product needs; saturation.
//! - [`bound`]: static bounds of every wire's values, which size the saturating clamps.
//! - [`model`]: a graph of operators with its quantization; [`Model::eval`] is the witness.
//! - [`chip`]: columns, gates and the shared lookup table; the layout instructions.
//! - [`circuit`]: [`ModelCircuit`] (halo2 `Circuit`, settings through `Circuit::Params`) and
//!   [`plan`], which chooses `k` and the dot-product width.
//! - [`srs`]: the KZG verifier parameters and their identity hash; the development SRS.
//! - [`synthetic`]: passing cases of any statement size and width, for verifier benchmarks.
//! - [`verify`](mod@verify): verifying-key encoding, [`validate_vk`] and [`verify`].
//!
//! ## The proof statement
//!
//! Public inputs, in order: the job binding, the quantized input, the quantized output, each
//! a canonical BN254 scalar (negative values as `p - |x|`), as `zkinfer-statement` defines
//! them for the chain too. The weights are fixed columns, so
//! the verifying key identifies the model.
//!
//! ## Proof system
//!
//! halo2 (`halo2-axiom`) PLONKish arithmetisation, KZG commitments over BN254, SHPLONK
//! multi-opening, Blake2b transcript.

pub mod bound;
pub mod chip;
pub mod circuit;
pub mod field;
pub mod model;
pub mod ops;
pub mod prove;
pub mod quant;
pub mod srs;
pub mod synthetic;
pub mod tensor;
pub mod verify;

pub use circuit::{plan, plan_width, rows_per_node, CircuitParams, ModelCircuit, Plan, PlanError};
pub use model::{Graph, Model, ModelError, Node};
pub use prove::{keygen, prove, Keys, Proof, ProveError};
pub use quant::Quant;
pub use srs::VerifierParams;
pub use tensor::Tensor;
pub use verify::{validate_vk, verify, Halo2Error, KeyShape};
