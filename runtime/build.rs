//! Builds the runtime's WebAssembly blob (skipped with `SKIP_WASM_BUILD=1`).
//!
//! The blob must not depend on where the checkout or the cargo home lie: the committed chain
//! specs embed it, and `chain-spec/check.sh` rebuilds and compares them from any clone. Panic
//! locations embed source paths, so both prefixes are remapped to fixed names.

fn main() {
	#[cfg(feature = "std")]
	{
		let mut rustflags = std::env::var("WASM_BUILD_RUSTFLAGS").unwrap_or_default();
		let manifest_dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
		if let Some(workspace) = manifest_dir.parent() {
			rustflags.push_str(&format!(" --remap-path-prefix={}=/zkinfer", workspace.display()));
		}
		let cargo_home = std::env::var_os("CARGO_HOME")
			.map(std::path::PathBuf::from)
			.or_else(|| std::env::var_os("HOME").map(|home| std::path::Path::new(&home).join(".cargo")));
		if let Some(cargo_home) = cargo_home {
			rustflags.push_str(&format!(" --remap-path-prefix={}=/cargo", cargo_home.display()));
		}
		std::env::set_var("WASM_BUILD_RUSTFLAGS", rustflags.trim());
		// The target directory lies outside the checkout: tell the builder where the workspace
		// is, so that the wasm build uses its Cargo.lock.
		if let Some(workspace) = manifest_dir.parent() {
			std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		}
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
