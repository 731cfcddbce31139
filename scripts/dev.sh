#!/usr/bin/env bash
# The main job: installs what is missing, builds the release node, runs a development chain
# (`zkinfer-node --dev`: Alice validates, blocks every 6 s, RPC on ws://127.0.0.1:9944) that
# serves the demo model, and shows one verified inference end to end: the demo client
# (tests/demo/infer.js, @polkadot/api) submits an inference on the digits MLP, Alice's node
# proves it off-chain and the runtime verifies it and pays. The chain keeps running; Ctrl-C
# stops it. Extra arguments go to the node, e.g. `scripts/dev.sh --prover-threads 2`.
# ZKINFER_DEMO=0 skips the demo inference.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$zkinfer_root"
# The same package set as scripts/test.sh, so the two share one build (and the prover-worker
# CLI, for `prover-worker register` and `run`, is built too).
cargo build --release --locked -p zkinfer-node -p prover-worker
"$CARGO_TARGET_DIR/release/zkinfer-node" --dev "$@" &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null' EXIT INT TERM
rpc_port=9944
for ((i = 1; i <= $#; i++)); do
	if [[ "${!i}" == "--rpc-port" ]]; then j=$((i + 1)); rpc_port="${!j}"; fi
done
if [[ "${ZKINFER_DEMO:-1}" != 0 ]]; then
	for _ in $(seq 1 120); do
		curl -sf -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"system_health"}' \
			"http://127.0.0.1:$rpc_port" >/dev/null && break
		kill -0 "$node_pid" 2>/dev/null || { echo "dev: the node exited" >&2; exit 1; }
		sleep 1
	done
	echo "dev: the chain is up; the demo inference follows (ws://127.0.0.1:$rpc_port)"
	(cd tests && node demo/infer.js --url "ws://127.0.0.1:$rpc_port")
	echo "dev: the chain keeps running with the demo model; Ctrl-C stops it"
fi
wait "$node_pid"
