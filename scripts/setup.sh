#!/usr/bin/env bash
# Installs what zkinfer's build and tests need and is missing; safe to re-run. Sourced by
# scripts/dev.sh and scripts/test.sh; can also be run on its own.
#   - Debian packages: protobuf-compiler, clang, libclang-dev, curl (and nodejs/npm if absent)
#   - the pinned Rust toolchain with the wasm targets, rust-src, rustfmt and clippy
#     (rust-toolchain.toml)
#   - the end-to-end tests' npm packages (tests/package-lock.json)
# Build output goes to CARGO_TARGET_DIR, by default $HOME/.cache/zkinfer-target, outside the
# checkout so that every clone on the machine shares one warm build.
set -euo pipefail

zkinfer_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/zkinfer-target}

as_root() {
	if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v protoc >/dev/null || missing+=(protobuf-compiler)
command -v clang >/dev/null || missing+=(clang)
# bindgen (through clang-sys) loads the unversioned library: `libclang.so` or `libclang-*.so`,
# which only libclang-dev installs (clang itself brings only `libclang.so.1`/`libclang-14.so.1`).
libclang_found() {
	local dir
	for dir in ${LIBCLANG_PATH:-} /usr/lib/llvm-*/lib /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu; do
		compgen -G "$dir/libclang.so" >/dev/null || compgen -G "$dir/libclang-*.so" >/dev/null && return 0
	done
	return 1
}
libclang_found || missing+=(libclang-dev)
command -v curl >/dev/null || missing+=(curl)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
	echo "setup: installing ${missing[*]}"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
	echo "setup: Node.js >= 20 is needed for the end-to-end tests (found $(node --version))" >&2
	exit 1
fi

if ! command -v rustup >/dev/null; then
	echo "setup: rustup is needed (https://rustup.rs); it installs the toolchain pinned in rust-toolchain.toml" >&2
	exit 1
fi
(
	cd "$zkinfer_root"
	rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
	toolchain=$(rustup show active-toolchain | cut -d' ' -f1)
	installed_targets=$(rustup target list --installed --toolchain "$toolchain")
	for target in wasm32-unknown-unknown wasm32v1-none; do
		grep -qx "$target" <<<"$installed_targets" || rustup target add --toolchain "$toolchain" "$target"
	done
	installed_components=$(rustup component list --installed --toolchain "$toolchain")
	for component in rust-src rustfmt clippy; do
		grep -q "^$component" <<<"$installed_components" || rustup component add --toolchain "$toolchain" "$component"
	done
)

# npm packages of the end-to-end tests, reinstalled only when the lockfile changed.
lock_hash=$(sha256sum "$zkinfer_root/tests/package-lock.json" | cut -d' ' -f1)
stamp=$zkinfer_root/tests/node_modules/.zkinfer-lock-sha256
if [[ ! -f $stamp || $(cat "$stamp") != "$lock_hash" ]]; then
	echo "setup: installing the end-to-end tests' npm packages"
	(cd "$zkinfer_root/tests" && npm ci --no-audit --no-fund --loglevel=error)
	echo "$lock_hash" > "$stamp"
fi
