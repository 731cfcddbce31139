#!/usr/bin/env bash
# The model suite: builds 51 small ONNX models of the kinds people publish with examples
# (models/make_suite.py: PyTorch- and Keras-shaped graphs, scikit-learn through skl2onnx) and
# runs each through prover-worker (compile, prove, verify, a changed output refused),
# printing one JSON line per model, a table and the pass rate. Installs its Python packages
# into the models' virtual environment (pinned, as models/generate.sh); safe to re-run. Not
# part of the test suite (about 3 minutes on two cores after the build); the operator models
# it shares run in `cargo test -p prover-worker`.
#
# Usage: model_suite.sh [work dir]   (default: a temporary directory, removed at the end)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/zkinfer-target}
venv=${ZKINFER_MODELS_VENV:-$HOME/.cache/zkinfer-models-venv}
if [[ $# -ge 1 ]]; then
	work=$1
	mkdir -p "$work"
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi

if [[ ! -x $venv/bin/python ]]; then
	python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet numpy==2.4.6 scipy==1.17.1 scikit-learn==1.9.1 onnx==1.23.2 \
	onnxruntime==1.31.1 skl2onnx==1.20.0
(cd "$root" && SKIP_WASM_BUILD=1 cargo build --release --locked -p prover-worker --bin prover-worker)

(cd "$root/prover-worker/models" && "$venv/bin/python" make_suite.py "$work/suite")
python3 "$here/model_suite.py" "$CARGO_TARGET_DIR/release/prover-worker" "$work/suite" "$work/run"
