"""Builds the model suite: small ONNX models of the kinds people publish with examples, each
with sample inputs, to measure how many `prover-worker compile` takes and proves.

Usage: make_suite.py <out dir>

Writes <out dir>/<name>.onnx and <out dir>/<name>.json ({"inputs": [[...], ...], "outputs":
[[...], ...]}: three sample inputs, every model input flattened in graph order, and
onnxruntime's outputs for them likewise). Two families:

- hand-built graphs in the shapes the PyTorch and Keras exporters write (a free batch
  dimension, Gemm/MatMul with bias Adds, Flatten as Shape/Gather/Concat/Reshape, Dropout and
  Identity left in): MLPs with every common activation, CNNs (batch norm, strides, groups,
  residuals, concatenations, upsampling, 1-D), recurrent cells, attention blocks, generators
  and tabular models whose features span several orders of magnitude;
- scikit-learn models converted by skl2onnx (linear and logistic regression, MLPs, PCA,
  scalers, SVMs, trees and forests), as a data scientist would export them.

Seeded and pinned (`generate.sh`'s venv plus skl2onnx), so the suite is the same every run.
"""

import json
import pathlib
import sys

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper

import make_op_models as ops

SEED = 23
SAMPLES = 3


def w(rng, *shape, scale=0.5):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def graph_model(name, nodes, inits, inputs, outputs, opset=13):
    graph = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, s) for n, s in inputs.items()],
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, s) for n, s in outputs.items()],
        [numpy_helper.from_array(v, k) for k, v in inits.items()])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)],
                              producer_name="zkinfer make_suite.py")
    model.ir_version = 8
    return model


def activation_nodes(kind, x, y):
    """An activation as PyTorch exports it (Swish as x·Sigmoid(x), as torch.nn.SiLU does)."""
    if kind == "Swish":
        return [helper.make_node("Sigmoid", [x], [f"{y}_s"], name=f"{y}_sigmoid"),
                helper.make_node("Mul", [x, f"{y}_s"], [y], name=f"{y}_swish")]
    attrs = {"LeakyRelu": {"alpha": 0.1}, "Elu": {"alpha": 1.0}}.get(kind, {})
    return [helper.make_node(kind, [x], [y], name=f"{y}_{kind.lower()}", **attrs)]


def mlp(sizes, activation, final=None, opset=13):
    """A PyTorch-style MLP: a free batch dimension, Gemm (transB) per layer."""
    def make(rng):
        nodes, inits, x = [], {}, "input"
        for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
            inits[f"w{i}"], inits[f"b{i}"] = w(rng, b, a, scale=1 / np.sqrt(a)), w(rng, b, scale=0.1)
            nodes.append(helper.make_node("Gemm", [x, f"w{i}", f"b{i}"], [f"z{i}"], name=f"fc{i}",
                                          transB=1))
            x = f"z{i}"
            if i < len(sizes) - 2:
                nodes += activation_nodes(activation, x, f"a{i}")
                x = f"a{i}"
        if final:
            nodes.append(helper.make_node(final, [x], ["output"], name=final.lower(), axis=-1))
        else:
            nodes.append(helper.make_node("Identity", [x], ["output"], name="identity"))
        return graph_model("mlp", nodes, inits, {"input": ["batch_size", sizes[0]]},
                           {"output": ["batch_size", sizes[-1]]}, opset)
    return make


def cnn(channels, image, classes, *, batch_norm=False, stride=1, group=1, residual=False,
        pool="MaxPool", global_pool=False):
    """A PyTorch-style CNN over a `channels[0]`×image×image input: per block Conv (3×3,
    padding 1), optional BatchNormalization, optional residual Add, Relu, optional pooling."""
    def make(rng):
        nodes = [helper.make_node("Identity", ["input"], ["in0"], name="stem")]
        inits, x, size = {}, "in0", image
        for i, (a, b) in enumerate(zip(channels, channels[1:])):
            g = group if a % group == 0 and b % group == 0 else 1
            inits[f"k{i}"] = w(rng, b, a // g, 3, 3, scale=1 / np.sqrt(9 * a / g))
            inits[f"kb{i}"] = w(rng, b, scale=0.1)
            nodes.append(helper.make_node("Conv", [x, f"k{i}", f"kb{i}"], [f"c{i}"], name=f"conv{i}",
                                          kernel_shape=[3, 3], pads=[1, 1, 1, 1],
                                          strides=[stride, stride], group=g))
            size = (size - 1) // stride + 1
            y = f"c{i}"
            if batch_norm:
                for p, v in (("s", 1 + w(rng, b, scale=0.1)), ("t", w(rng, b, scale=0.1)),
                             ("m", w(rng, b, scale=0.1)), ("v", 1 + np.abs(w(rng, b, scale=0.1)))):
                    inits[f"bn{i}{p}"] = v
                nodes.append(helper.make_node("BatchNormalization",
                                              [y] + [f"bn{i}{p}" for p in "stmv"], [f"n{i}"],
                                              name=f"bn{i}"))
                y = f"n{i}"
            if residual and a == b and stride == 1:
                nodes.append(helper.make_node("Add", [y, x], [f"r{i}"], name=f"skip{i}"))
                y = f"r{i}"
            nodes.append(helper.make_node("Relu", [y], [f"a{i}"], name=f"relu{i}"))
            y = f"a{i}"
            if pool and size >= 4:
                nodes.append(helper.make_node(pool, [y], [f"p{i}"], name=f"pool{i}",
                                              kernel_shape=[2, 2], strides=[2, 2]))
                size //= 2
                y = f"p{i}"
            x = y
        if global_pool:
            nodes.append(helper.make_node("GlobalAveragePool", [x], ["g"], name="gap"))
            x, features = "g", channels[-1]
        else:
            features = channels[-1] * size * size
        nodes.append(helper.make_node("Flatten", [x], ["f"], name="flatten"))
        inits["wf"] = w(rng, classes, features, scale=1 / np.sqrt(features))
        inits["bf"] = w(rng, classes)
        nodes.append(helper.make_node("Gemm", ["f", "wf", "bf"], ["output"], name="classifier",
                                      transB=1))
        return graph_model("cnn", nodes, inits, {"input": ["batch_size", channels[0], image, image]},
                           {"output": ["batch_size", classes]})
    return make


def from_ops(make, opset=13):
    """One of the operator models (`make_op_models.py`) as a suite model."""
    def build(rng):
        nodes, inits, ins, outs = make(rng)
        ins = ins if isinstance(ins, dict) else {"input": ins}
        outs = outs if isinstance(outs, dict) else {"output": outs}
        return graph_model("op", nodes, inits, ins, outs, opset)
    return build


def tabular_unscaled(rng):
    """A Keras-style regressor on raw tabular features spanning 0.05 to 4,000 (prices, counts,
    rates): the normalisation is in the graph (Sub mean, Div std), then Dense layers."""
    mean = np.array([0.5, 12.0, 300.0, 2500.0, 0.08, 40.0], dtype=np.float32)
    std = np.array([0.2, 5.0, 120.0, 900.0, 0.02, 15.0], dtype=np.float32)
    nodes = [
        helper.make_node("Sub", ["input", "mean"], ["centred"], name="normalization_sub"),
        helper.make_node("Div", ["centred", "std"], ["scaled"], name="normalization_div"),
        helper.make_node("MatMul", ["scaled", "w1"], ["h"], name="dense"),
        helper.make_node("Add", ["h", "b1"], ["hb"], name="dense_bias"),
        helper.make_node("Relu", ["hb"], ["a"], name="dense_relu"),
        helper.make_node("MatMul", ["a", "w2"], ["o"], name="dense_1"),
        helper.make_node("Add", ["o", "b2"], ["output"], name="dense_1_bias"),
    ]
    inits = {"mean": mean, "std": std, "w1": w(rng, 6, 16, scale=0.4), "b1": w(rng, 16, scale=0.1),
             "w2": w(rng, 16, 1, scale=0.3), "b2": w(rng, 1, scale=0.1)}
    model = graph_model("tabular", nodes, inits, {"input": ["unk__0", 6]}, {"output": ["unk__1", 1]})
    return model, lambda r: (mean + std * r.standard_normal(6)).astype(np.float32).reshape(1, 6)


def wide_and_deep(rng):
    """Two inputs (numeric features and a one-hot category) and two outputs (a score and a
    probability), as a two-headed Keras model exports."""
    nodes = [
        helper.make_node("MatMul", ["numeric", "wn"], ["hn"], name="deep"),
        helper.make_node("MatMul", ["category", "wc"], ["hc"], name="wide"),
        helper.make_node("Add", ["hn", "hc"], ["h"], name="join"),
        helper.make_node("Relu", ["h"], ["a"], name="relu"),
        helper.make_node("MatMul", ["a", "ws"], ["score"], name="score"),
        helper.make_node("MatMul", ["a", "wp"], ["logit"], name="logit"),
        helper.make_node("Sigmoid", ["logit"], ["probability"], name="probability"),
    ]
    inits = {"wn": w(rng, 5, 8), "wc": w(rng, 4, 8), "ws": w(rng, 8, 1), "wp": w(rng, 8, 1)}
    return graph_model("wide_deep", nodes, inits, {"numeric": [1, 5], "category": [1, 4]},
                       {"score": [1, 1], "probability": [1, 1]})


def multi_head_attention(rng):
    """Two-head self-attention on 4 tokens of width 8, the heads split with Reshape and
    Transpose as PyTorch's exporter writes them, then LayerNorm and a Gelu MLP."""
    t, d, h = 4, 8, 2
    nodes = [
        helper.make_node("MatMul", ["input", "wq"], ["q"], name="q"),
        helper.make_node("MatMul", ["input", "wk"], ["k"], name="k"),
        helper.make_node("MatMul", ["input", "wv"], ["v"], name="v"),
    ]
    for n in "qkv":
        nodes.append(helper.make_node("Reshape", [n, "heads_shape"], [f"{n}h"], name=f"{n}_heads"))
        perm = [0, 2, 3, 1] if n == "k" else [0, 2, 1, 3]
        nodes.append(helper.make_node("Transpose", [f"{n}h"], [f"{n}t"], name=f"{n}_transpose",
                                      perm=perm))
    nodes += [
        helper.make_node("MatMul", ["qt", "kt"], ["scores"], name="scores"),
        helper.make_node("Div", ["scores", "sqrt_d"], ["scaled"], name="scale"),
        helper.make_node("Softmax", ["scaled"], ["attn"], name="softmax", axis=-1),
        helper.make_node("MatMul", ["attn", "vt"], ["ctx"], name="context"),
        helper.make_node("Transpose", ["ctx"], ["ctx_t"], name="merge_transpose", perm=[0, 2, 1, 3]),
        helper.make_node("Reshape", ["ctx_t", "merged_shape"], ["merged"], name="merge_heads"),
        helper.make_node("MatMul", ["merged", "wo"], ["attended"], name="out_proj"),
        helper.make_node("Add", ["attended", "input"], ["res"], name="residual"),
        helper.make_node("LayerNormalization", ["res", "gamma", "beta"], ["ln"], name="ln",
                         axis=-1),
        helper.make_node("MatMul", ["ln", "w1"], ["up"], name="mlp_up"),
        helper.make_node("Gelu", ["up"], ["act"], name="gelu"),
        helper.make_node("MatMul", ["act", "w2"], ["output"], name="mlp_down"),
    ]
    inits = {f"w{n}": w(rng, d, d, scale=0.35) for n in "qkvo"}
    inits.update({"heads_shape": np.array([1, t, h, d // h], dtype=np.int64),
                  "merged_shape": np.array([1, t, d], dtype=np.int64),
                  "sqrt_d": np.array(np.sqrt(d // h), dtype=np.float32),
                  "gamma": np.ones(d, dtype=np.float32), "beta": np.zeros(d, dtype=np.float32),
                  "w1": w(rng, d, 2 * d, scale=0.35), "w2": w(rng, 2 * d, 4, scale=0.35)})
    return graph_model("mha", nodes, inits, {"input": [1, t, d]}, {"output": [1, t, 4]}, opset=20)


def recurrent_classifier(op_type, gates):
    """A sequence classifier: a recurrent cell over 6 steps, its last hidden state into Gemm."""
    def make(rng):
        hidden = 5
        outs = ["y", "y_h"] + (["y_c"] if op_type == "LSTM" else [])
        nodes = [
            helper.make_node(op_type, ["input", "w", "r", "b"], outs, name=op_type.lower(),
                             hidden_size=hidden),
            helper.make_node("Squeeze", ["y_h", "axes0"], ["last"], name="squeeze"),
            helper.make_node("Gemm", ["last", "wf", "bf"], ["output"], name="classifier", transB=1),
        ]
        inits = {"w": w(rng, 1, gates * hidden, 3), "r": w(rng, 1, gates * hidden, hidden),
                 "b": w(rng, 1, 2 * gates * hidden, scale=0.2), "axes0": np.array([0], dtype=np.int64),
                 "wf": w(rng, 3, hidden), "bf": w(rng, 3)}
        return graph_model("rnn", nodes, inits, {"input": [6, 1, 3]}, {"output": [1, 3]})
    return make


def sklearn_models():
    """scikit-learn estimators converted by skl2onnx (no ZipMap: probabilities as a tensor)."""
    from sklearn.base import is_classifier
    from sklearn.datasets import load_diabetes, load_iris
    from sklearn.decomposition import PCA
    from sklearn.ensemble import GradientBoostingRegressor, RandomForestClassifier
    from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
    from sklearn.neural_network import MLPClassifier, MLPRegressor
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC, SVR, LinearSVC
    from sklearn.tree import DecisionTreeRegressor
    from skl2onnx import to_onnx

    iris_x, iris_y = load_iris(return_X_y=True)
    dia_x, dia_y = load_diabetes(return_X_y=True)
    iris_x, dia_x = iris_x.astype(np.float32), dia_x.astype(np.float32)
    estimators = {
        "sk_linear_regression": (LinearRegression(), dia_x, dia_y),
        "sk_ridge": (Ridge(alpha=0.5), dia_x, dia_y),
        "sk_logistic_regression": (LogisticRegression(max_iter=500), iris_x, iris_y),
        "sk_mlp_classifier": (MLPClassifier(hidden_layer_sizes=(16,), max_iter=800, random_state=0), iris_x, iris_y),
        "sk_mlp_regressor": (MLPRegressor(hidden_layer_sizes=(16,), max_iter=800, random_state=0), dia_x, dia_y),
        "sk_pca": (PCA(n_components=3), iris_x, None),
        "sk_scaler_logistic": (make_pipeline(StandardScaler(), LogisticRegression(max_iter=500)),
                               iris_x, iris_y),
        "sk_linear_svc": (LinearSVC(), iris_x, iris_y),
        "sk_svc_rbf": (SVC(kernel="rbf"), iris_x, iris_y),
        "sk_svr_linear": (SVR(kernel="linear"), dia_x, dia_y),
        "sk_decision_tree": (DecisionTreeRegressor(max_depth=3, random_state=0), dia_x, dia_y),
        "sk_random_forest": (RandomForestClassifier(n_estimators=4, max_depth=3, random_state=0),
                             iris_x, iris_y),
        "sk_gradient_boosting": (GradientBoostingRegressor(n_estimators=5, max_depth=2,
                                                           random_state=0), dia_x, dia_y),
    }
    for name, (estimator, x, y) in estimators.items():
        estimator.fit(x, y) if y is not None else estimator.fit(x)
        final = estimator.steps[-1][1] if hasattr(estimator, "steps") else estimator
        zipmap = is_classifier(final) and hasattr(final, "predict_proba")
        options = {type(final): {"zipmap": False}} if zipmap else None
        model = to_onnx(estimator, x[:1], options=options, target_opset={"": 13, "ai.onnx.ml": 3})
        yield name, (model, (lambda data: lambda r: data[r.integers(len(data))].reshape(1, -1))(x))


def suite():
    """The suite: (name, model builder taking an rng)."""
    models = {
        "mlp_relu": mlp([4, 8, 3], "Relu"),
        "mlp_tanh": mlp([10, 16, 16, 2], "Tanh"),
        "mlp_sigmoid": mlp([6, 12, 1], "Sigmoid"),
        "mlp_leaky_relu": mlp([12, 24, 6], "LeakyRelu"),
        "mlp_elu": mlp([5, 10, 2], "Elu"),
        "mlp_selu": mlp([5, 10, 2], "Selu"),
        "mlp_softplus": mlp([5, 10, 2], "Softplus"),
        "mlp_gelu": mlp([8, 16, 4], "Gelu", opset=20),
        "mlp_hardswish": mlp([8, 16, 4], "HardSwish", opset=14),
        "mlp_mish": mlp([8, 16, 4], "Mish", opset=18),
        "mlp_swish": mlp([8, 16, 4], "Swish"),
        "mlp_softmax": mlp([8, 16, 5], "Relu", final="Softmax"),
        "mlp_log_softmax": mlp([8, 16, 5], "Relu", final="LogSoftmax"),
        "mlp_deep": mlp([16, 32, 32, 32, 10], "Relu"),
        "cnn_small": cnn([1, 4, 8], 8, 10),
        "cnn_batch_norm": cnn([3, 8, 8], 8, 5, batch_norm=True, global_pool=True),
        "cnn_strided": cnn([1, 6, 12], 12, 4, stride=2, pool=None),
        "cnn_depthwise": cnn([4, 4, 8], 8, 3, group=4),
        "cnn_average_pool": cnn([2, 6, 6], 8, 4, pool="AveragePool"),
        "cnn_residual": cnn([3, 3, 3], 8, 4, residual=True, batch_norm=True),
        "cnn_conv1d": from_ops(ops.conv1d),
        "cnn_pytorch_export": from_ops(ops.pytorch_export),
        "cnn_conv_batchnorm": from_ops(ops.conv_batchnorm),
        "cnn_pools": from_ops(ops.pools),
        "cnn_upsample": from_ops(ops.linear_maps, opset=14),
        "lstm_classifier": recurrent_classifier("LSTM", 4),
        "gru_classifier": recurrent_classifier("GRU", 3),
        "rnn_classifier": recurrent_classifier("RNN", 1),
        "lstm_all_outputs": from_ops(ops.recurrent("LSTM", 4)),
        "attention_block": from_ops(ops.attention_block, opset=17),
        "multi_head_attention": multi_head_attention,
        "dcgan_generator": from_ops(ops.gan_generator),
        "tabular_unscaled": tabular_unscaled,
        "wide_and_deep": wide_and_deep,
        "keras_dense": from_ops(ops.tensorflow_export),
        "reductions": from_ops(ops.reductions),
        "comparisons_where": from_ops(ops.comparisons_logic),
        "two_operand_arithmetic": from_ops(ops.two_operand_arithmetic),
    }
    return models


def flat(y):
    """An output's values in order (a ZipMap's sequence of maps by key)."""
    if isinstance(y, list) and y and isinstance(y[0], dict):
        return [m[k] for m in y for k in sorted(m)]
    return np.asarray(y, dtype=np.float64).reshape(-1)


def write(out, name, built, rng):
    """Writes a model and its samples; `built` is a model or (model, sampler)."""
    model, sampler = built if isinstance(built, tuple) else (built, None)
    onnx.checker.check_model(model, full_check=False)
    path = out / f"{name}.onnx"
    path.write_bytes(model.SerializeToString())
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feeds = session.get_inputs()
    inputs, outputs = [], []
    for _ in range(SAMPLES):
        if sampler:
            xs = {feeds[0].name: sampler(rng)}
        else:
            xs = {f.name: rng.uniform(-1, 1, [1 if not isinstance(d, int) else d for d in f.shape])
                  .astype(np.float32) for f in feeds}
        ys = session.run(None, xs)
        inputs.append([round(float(v), 6) for x in xs.values() for v in np.asarray(x).reshape(-1)])
        outputs.append([round(float(v), 6) for y in ys for v in flat(y)])
    (out / f"{name}.json").write_text(json.dumps({"inputs": inputs, "outputs": outputs}) + "\n")


def main(out):
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    for name, make in suite().items():
        write(out, name, make(rng), rng)
    for name, built in sklearn_models():
        write(out, name, built, rng)
    print(len(list(out.glob("*.onnx"))), "models in", out)


if __name__ == "__main__":
    main(sys.argv[1])
