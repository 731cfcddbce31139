//! KZG structured reference strings: the deterministic development SRS and params files.
//!
//! **The development SRS is insecure.** Its secret `s` is derived from a published seed
//! ([`DEV_SRS_SEED`]), so anyone can forge proofs against it. It exists so that dev chains,
//! tests and CI need no download. Real networks load a params file converted from a public
//! powers-of-tau ceremony ([`read_params`]).
//!
//! For every `k`, the development SRS has the same `s`: its verifier parameters, and so its
//! identity hash, do not depend on `k` ([`dev_verifier_params`]).

use std::{
	fs,
	io::{BufReader, BufWriter, Write},
	path::{Path, PathBuf},
};

use halo2_proofs::{
	halo2curves::bn256::Bn256,
	poly::{commitment::Params, kzg::commitment::ParamsKZG},
	SerdeFormat,
};
use zkinfer_circuit::srs::VerifierParams;
pub use zkinfer_circuit::srs::{dev_srs, dev_verifier_params, DEV_SRS_SEED};

/// The default cache of development SRS files: `$ZKINFER_SRS_DIR`, else
/// `$HOME/.cache/zkinfer/srs`.
pub fn default_cache_dir() -> PathBuf {
	if let Some(dir) = std::env::var_os("ZKINFER_SRS_DIR") {
		return dir.into();
	}
	let home = std::env::var_os("HOME")
		.map(PathBuf::from)
		.unwrap_or_else(|| PathBuf::from("."));
	home.join(".cache/zkinfer/srs")
}

/// The development SRS for `2^k` rows, read from `cache_dir` or computed and stored there.
pub fn dev_srs_cached(cache_dir: &Path, k: u32) -> std::io::Result<ParamsKZG<Bn256>> {
	let path = cache_dir.join(format!("dev-k{k}.srs"));
	if let Ok(params) = read_params(&path) {
		if params.k() == k && VerifierParams::of(&params) == dev_verifier_params() {
			return Ok(params);
		}
	}
	let params = dev_srs(k);
	fs::create_dir_all(cache_dir)?;
	let partial = path.with_extension("partial");
	write_params(&params, &partial)?;
	fs::rename(&partial, &path)?;
	Ok(params)
}

/// Reads a params file (halo2 KZG format, points checked).
pub fn read_params(path: &Path) -> std::io::Result<ParamsKZG<Bn256>> {
	ParamsKZG::read_custom(&mut BufReader::new(fs::File::open(path)?), SerdeFormat::RawBytes)
}

/// Writes a params file.
pub fn write_params(params: &ParamsKZG<Bn256>, path: &Path) -> std::io::Result<()> {
	let mut out = BufWriter::new(fs::File::create(path)?);
	params.write_custom(&mut out, SerdeFormat::RawBytes)?;
	out.flush()
}
