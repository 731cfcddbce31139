//! # zkinfer prover
//!
//! zkinfer's zkML prover: ONNX models in, quantized halo2 circuits and KZG proofs out. The
//! circuit, the integer inference and the verifier live in `zkinfer-circuit`; this crate adds
//! what needs ONNX, files or randomness:
//!
//! - [`onnx`]: tract-onnx import into the IR (typed, decluttered), with fusion;
//! - [`calibrate`]: the choice of power-of-two scales and lookup domain from sample inputs;
//! - [`fidelity`]: the integer inference's distance from the float model, per output;
//! - [`srs`]: the deterministic development SRS (insecure) and params files;
//! - [`artifact`]: `compile` into a content-addressed directory, `setup` of the cached proving
//!   key, `prove` and `verify` from it;
//! - [`store`]: the content-addressed model store provers look models up in;
//! - [`pool`]: the bounded pool of proving threads behind the node's off-chain proving and
//!   the standalone worker;
//! - [`demo`]: the bundled digits MLP that development chains serve;
//! - [`chain`], [`worker`], [`register`] (feature `chain`): the standalone worker's link to a
//!   node over RPC (subxt), its proving loop, and the model owner's registration;
//! - [`progress`]: step timing for the CLI.

pub mod artifact;
pub mod calibrate;
#[cfg(feature = "chain")]
pub mod chain;
pub mod demo;
pub mod fidelity;
pub mod onnx;
pub mod pool;
pub mod progress;
pub mod readiness;
#[cfg(feature = "chain")]
pub mod register;
pub mod srs;
pub mod store;
#[cfg(feature = "chain")]
pub mod worker;
