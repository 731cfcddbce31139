#!/usr/bin/env bash
# The main job: installs what is missing, builds the release node and runs a development
# chain (`zkinfer-node --dev`: Alice validates, blocks every 6 s, RPC on ws://127.0.0.1:9944).
# Extra arguments go to the node, e.g. `scripts/dev.sh --rpc-port 9955`. Ctrl-C stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$zkinfer_root"
cargo build --release --locked -p zkinfer-node
exec "$CARGO_TARGET_DIR/release/zkinfer-node" --dev "$@"
