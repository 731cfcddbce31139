#!/usr/bin/env bash
# Re-creates halo2-axiom/ from crates.io and applies zkinfer.patch (see README.md).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
version=0.5.3
sha256=$(sed -n 's/^sha256 //p' "$here/crate.sha256")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -sSfL "https://static.crates.io/crates/halo2-axiom/halo2-axiom-$version.crate" -o "$work/crate.tar.gz"
echo "$sha256  $work/crate.tar.gz" | sha256sum -c --quiet
tar -xzf "$work/crate.tar.gz" -C "$work"
rm -f "$work/halo2-axiom-$version/.cargo-ok"
rm -rf "$here/halo2-axiom"
mv "$work/halo2-axiom-$version" "$here/halo2-axiom"
(cd "$here/halo2-axiom" && patch -p1 --quiet <"$here/zkinfer.patch")
echo "halo2-axiom $version vendored and patched in $here/halo2-axiom"
