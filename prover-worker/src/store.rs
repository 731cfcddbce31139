//! The content-addressed model store: compiled artifacts by the hash the chain registers.
//!
//! A store is a directory of artifact directories, each named by the hex of its content
//! address ([`artifact::content_id`]), exactly as `prover-worker compile --out <store>`
//! writes them. A prover looks a job's model up by the `artifact` hash of its registry
//! record; [`ModelStore::load`] checks that the directory's content hashes to that address,
//! so a renamed or edited directory is refused rather than proved with.

use std::path::{Path, PathBuf};

use crate::artifact::{self, Artifact, ArtifactError, SrsSource};

/// A directory of compiled models, by content address.
#[derive(Clone, Debug)]
pub struct ModelStore {
	root: PathBuf,
}

impl ModelStore {
	/// The store at `root` (created on first write).
	pub fn new(root: impl Into<PathBuf>) -> Self {
		Self { root: root.into() }
	}

	/// The store's directory.
	pub fn root(&self) -> &Path {
		&self.root
	}

	/// Where the artifact with content address `id` lives.
	pub fn dir(&self, id: &[u8; 32]) -> PathBuf {
		self.root.join(hex::encode(id))
	}

	/// Whether the store holds a directory for `id` (not checked).
	pub fn contains(&self, id: &[u8; 32]) -> bool {
		self.dir(id).join("settings.json").is_file()
	}

	/// Loads the artifact `id`, checking that its content hashes to `id`.
	pub fn load(&self, id: &[u8; 32]) -> Result<Artifact, ArtifactError> {
		let dir = self.dir(id);
		if !dir.is_dir() {
			return Err(ArtifactError::Invalid(format!(
				"model store {}: no artifact {}",
				self.root.display(),
				hex::encode(id)
			)));
		}
		artifact::load_addressed(&dir, id)
	}

	/// The development SRS source this store keeps its cache in (`<store>/srs`).
	pub fn dev_srs(&self) -> SrsSource {
		SrsSource::Dev(self.root.join("srs"))
	}
}
