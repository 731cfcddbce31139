#!/usr/bin/env bash
# Rebuilds the committed test models (digits_mlp.onnx, digits_cnn.onnx), the real-model
# benchmarks (lenet5.onnx, cifar_cnn.onnx, about a minute of numpy training), their sample
# inputs, test splits and accuracies from scikit-learn's bundled digits data. Installs its Python packages into
# a virtual environment under ~/.cache/zkinfer-models-venv (pinned versions); safe to re-run.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
venv=${ZKINFER_MODELS_VENV:-$HOME/.cache/zkinfer-models-venv}
if [[ ! -x $venv/bin/python ]]; then
	python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet numpy==2.4.6 scipy==1.17.1 scikit-learn==1.9.1 onnx==1.23.2 onnxruntime==1.31.1
"$venv/bin/python" "$here/make_models.py"
"$venv/bin/python" "$here/make_op_models.py"
"$venv/bin/python" "$here/make_real_models.py"
