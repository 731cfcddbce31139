//! `Config` implementations of the runtime's pallets, one file per concern.
//!
//! - [`system`]: frame-system, timestamp and the block limits.
//! - [`monetary`]: balances and transaction fees.
//! - [`consensus`]: authorship, the validator set, session, Aura and GRANDPA.
//! - [`sudo`]: the development-only superuser.
//! - [`verification`]: the proof verifier instances.
//! - [`market`]: the model registry and the inference market.
//! - [`node_staking`]: the compute nodes: epochs, bonds, pools, rewards, slashes.
//! - [`offchain`]: signed transactions from the market's off-chain worker.
//! - [`governance`]: OpenGov referenda, their tracks and origins, the governed parameters.
//! - [`treasury`]: the treasury that receives the protocol's fees.

pub mod consensus;
pub mod governance;
pub mod market;
pub mod monetary;
pub mod node_staking;
pub mod offchain;
pub mod sudo;
pub mod system;
pub mod treasury;
pub mod verification;

pub use consensus::ValidatorSetUpdateOrigin;
pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
