//! Shared by this package's integration tests.

/// The package's directory, read when the test runs: a path compiled in would name the checkout
/// the binary was built in, which a shared target directory may have outlived.
pub fn manifest_dir() -> std::path::PathBuf {
	std::env::var_os("CARGO_MANIFEST_DIR")
		.expect("run by cargo, which names the package directory")
		.into()
}
