#!/usr/bin/env bash
# Generates the committed chain specs from the runtime's genesis presets:
#   dev.json    preset `development`   (zkinfer-node --chain dev)
#   local.json  preset `local_testnet` (zkinfer-node --chain local)
#
#   chain-spec/generate.sh            rewrite chain-spec/dev.json and chain-spec/local.json
#   chain-spec/generate.sh OUT_DIR    write them to OUT_DIR instead (the check test does this)
#
# The specs embed the runtime's wasm, so regenerate them whenever the runtime changes; the
# end-to-end test `chain-spec.test.js` fails while the committed files are stale. Without
# OUT_DIR it also rewrites the runtime metadata the prover's typed chain client is generated
# from (prover-worker/metadata/zkinfer.scale; the runtime test `metadata` fails while it is stale).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/zkinfer-target}
node_bin=${ZKINFER_NODE:-$CARGO_TARGET_DIR/release/zkinfer-node}
out_dir=${1:-$here}

if [[ ! -x $node_bin ]]; then
	echo "zkinfer-node not found at $node_bin: build it with 'cargo build --release -p zkinfer-node'" >&2
	exit 1
fi
mkdir -p "$out_dir"
for chain in dev local; do
	"$node_bin" build-spec --chain "$chain" --disable-default-bootnode 2>/dev/null > "$out_dir/$chain.json.tmp"
	mv "$out_dir/$chain.json.tmp" "$out_dir/$chain.json"
	echo "wrote $out_dir/$chain.json"
done
if [[ $# -eq 0 ]]; then
	(cd "$here/.." && ZKINFER_UPDATE_METADATA=1 cargo test --release --locked -q -p zkinfer-runtime --test metadata the_prover_client >/dev/null)
	echo "wrote prover-worker/metadata/zkinfer.scale"
fi
