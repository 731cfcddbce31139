//! Builds the runtime's WebAssembly blob (skipped with `SKIP_WASM_BUILD=1`).
//!
//! The blob must be the same from every clone of the repository: the committed chain specs
//! embed it, and a test regenerates them from whatever clone it runs in. Two things would tie
//! the blob to the clone's location:
//!
//! - cargo hashes a path dependency (the runtime, and the workspace crates it uses) by its
//!   absolute path when it lies outside the workspace being built (here the generated wasm
//!   workspace in the target directory). Symbol hashes, and with them the blob, would change
//!   with the checkout's location. So the wasm build reaches the checkout through a symlink at
//!   a fixed path, [`CHECKOUT_LINK`], the same in every clone. (A link inside the wasm
//!   workspace would make the runtime a member of that workspace and break `workspace = true`
//!   inheritance.) If the link cannot be made, the build goes on from the real path and only
//!   reproducibility is lost.
//! - panic locations embed source paths, so the link and the cargo home are remapped to fixed
//!   names.
//!
//! Clones that share one target directory re-point the link. When it changes, the wasm build's
//! fingerprints of the workspace's own crates are dropped, so that a clone never gets a blob
//! built from another clone's sources. The build script watches the checkout's own `runtime/`
//! and `pallets/` too (not only the paths under the link), so an edit after another clone has
//! re-pointed the link still rebuilds the blob.

#[cfg(feature = "std")]
fn main() {
	use std::{
		env, fs,
		path::{Path, PathBuf},
	};

	const WASM_PROJECT: &str = "zkinfer-runtime";
	/// Where the wasm build sees the checkout.
	const CHECKOUT_LINK: &str = "/tmp/zkinfer-wasm-build/checkout";

	/// Names of the packages of the workspace at `root` (every `Cargo.toml` with a `[package]`).
	fn workspace_packages(root: &Path, names: &mut Vec<String>) {
		let Ok(entries) = fs::read_dir(root) else { return };
		for entry in entries.flatten() {
			let path = entry.path();
			let file_name = entry.file_name();
			let skip = ["target", "node_modules", ".git"].iter().any(|s| file_name == *s);
			if path.is_dir() && !skip {
				workspace_packages(&path, names);
			} else if file_name == "Cargo.toml" {
				let Ok(manifest) = fs::read_to_string(&path) else { continue };
				let mut in_package = false;
				for line in manifest.lines().map(str::trim) {
					if line.starts_with('[') {
						in_package = line == "[package]";
					} else if in_package && line.starts_with("name") {
						if let Some(name) = line.split('"').nth(1) {
							names.push(name.replace('-', "_"));
							names.push(name.to_string());
						}
					}
				}
			}
		}
	}

	// Read at run time: a build script binary reused from the shared target directory may have
	// been compiled in another checkout, so the compile-time value can name a stale path.
	let manifest_dir =
		PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR; qed"));
	let workspace = manifest_dir.parent().expect("the runtime lies in the workspace; qed");
	let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR; qed"));
	// The profile directory, as the wasm builder finds it: the parent of `build/`.
	let profile_dir = out_dir
		.ancestors()
		.find(|dir| dir.ends_with("build"))
		.and_then(Path::parent)
		.expect("OUT_DIR lies under <target>/<profile>/build; qed");
	let wasm_project = profile_dir.join("wbuild").join(WASM_PROJECT);
	fs::create_dir_all(&wasm_project).expect("the target directory is writable");

	let mut link = PathBuf::from(CHECKOUT_LINK);
	if fs::read_link(&link).ok().as_deref() != Some(workspace) {
		let _ = fs::remove_file(&link);
		let linked = link
			.parent()
			.map_or(Ok(()), fs::create_dir_all)
			.and_then(|()| std::os::unix::fs::symlink(workspace, &link));
		if let Err(error) = linked {
			println!(
				"cargo:warning=cannot link {} to the checkout ({error}): the runtime wasm is \
				 built from {} and will not be byte-identical to other clones' builds",
				link.display(),
				workspace.display()
			);
			link = workspace.to_path_buf();
		}
		let mut packages = Vec::new();
		workspace_packages(workspace, &mut packages);
		if let Ok(targets) = fs::read_dir(wasm_project.join("target")) {
			for target in targets.flatten() {
				for profile in ["release", "debug", "production"] {
					let fingerprints = target.path().join(profile).join(".fingerprint");
					let Ok(entries) = fs::read_dir(&fingerprints) else { continue };
					for entry in entries.flatten() {
						let name = entry.file_name().to_string_lossy().to_string();
						let package = name.rsplit_once('-').map(|(p, _)| p).unwrap_or(&name);
						if packages.iter().any(|p| p == package) {
							let _ = fs::remove_dir_all(entry.path());
						}
					}
				}
			}
		}
	}

	let mut rustflags = env::var("WASM_BUILD_RUSTFLAGS").unwrap_or_default();
	rustflags.push_str(&format!(" --remap-path-prefix={}=/zkinfer", link.display()));
	let cargo_home = env::var_os("CARGO_HOME")
		.map(PathBuf::from)
		.or_else(|| env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
	if let Some(cargo_home) = cargo_home {
		rustflags.push_str(&format!(" --remap-path-prefix={}=/cargo", cargo_home.display()));
	}
	env::set_var("WASM_BUILD_RUSTFLAGS", rustflags.trim());
	// The target directory lies outside the checkout: the builder finds the workspace (and its
	// Cargo.lock) through the link.
	env::set_var("WASM_BUILD_WORKSPACE_HINT", &link);
	// Sources are read through the link, and the wasm builder asks to rerun when files under
	// the link change. Another clone may have re-pointed the link since, and then those paths
	// are that clone's files: also watch this checkout's own runtime-side sources, so that an
	// edit here always rebuilds the blob (and re-points the link to this checkout).
	println!("cargo:rerun-if-changed={}", workspace.join("Cargo.lock").display());
	for dir in ["runtime", "pallets"] {
		println!("cargo:rerun-if-changed={}", workspace.join(dir).display());
	}

	substrate_wasm_builder::WasmBuilder::new()
		.with_project(link.join("runtime").join("Cargo.toml"))
		.expect("the runtime's Cargo.toml exists; qed")
		.import_memory()
		.export_heap_base()
		.build();
}

#[cfg(not(feature = "std"))]
fn main() {}
