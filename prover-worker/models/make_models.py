"""Builds zkinfer's test models from scikit-learn's bundled 8x8 digits (no download).

Writes, next to this file:
  digits_mlp.onnx   Gemm(64->32) -> Relu -> Gemm(32->10) -> Softmax
  digits_cnn.onnx   Conv(1->4, 3x3, pad 1) -> Relu -> MaxPool(2) -> Conv(4->8, 3x3, pad 1)
                    -> Relu -> AveragePool(2) -> Flatten -> Gemm(32->10) -> Softmax
  samples/<model>_<i>.json   test-split inputs: {"input": [...], "shape": [...], "label": d}
  accuracy.json     float accuracy of each model on the test split (numpy and onnxruntime)
  digits_test.json  the test split itself, for the prover's quantized accuracy:
                    {"divisor": 16, "pixels": [[64 ints 0..16], ...], "labels": [...]}

Both end in a Softmax that the prover drops (it proves the logits; argmax is unchanged).
Everything is deterministic: fixed split, fixed seeds, plain numpy training.
"""

import json
import pathlib

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

HERE = pathlib.Path(__file__).resolve().parent
SEED = 7
SAMPLES_PER_MODEL = 5


def data():
    digits = load_digits()
    x = (digits.images / 16.0).astype(np.float32)  # 1797 x 8 x 8, values in [0, 1]
    return train_test_split(x, digits.target, test_size=0.25, random_state=SEED, stratify=digits.target)


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def one_hot(y):
    out = np.zeros((len(y), 10), dtype=np.float32)
    out[np.arange(len(y)), y] = 1
    return out


# ---------------------------------------------------------------- MLP

def train_mlp(x, y, epochs=60, lr=0.1, batch=32):
    rng = np.random.default_rng(SEED)
    x = x.reshape(len(x), 64)
    w1 = rng.normal(0, np.sqrt(2 / 64), (64, 32)).astype(np.float32)
    b1 = np.zeros(32, np.float32)
    w2 = rng.normal(0, np.sqrt(2 / 32), (32, 10)).astype(np.float32)
    b2 = np.zeros(10, np.float32)
    t = one_hot(y)
    for _ in range(epochs):
        order = rng.permutation(len(x))
        for i in range(0, len(x), batch):
            idx = order[i:i + batch]
            h_pre = x[idx] @ w1 + b1
            h = np.maximum(h_pre, 0)
            p = softmax(h @ w2 + b2)
            d_logits = (p - t[idx]) / len(idx)
            d_w2, d_b2 = h.T @ d_logits, d_logits.sum(0)
            d_h = (d_logits @ w2.T) * (h_pre > 0)
            d_w1, d_b1 = x[idx].T @ d_h, d_h.sum(0)
            w1 -= lr * d_w1; b1 -= lr * d_b1; w2 -= lr * d_w2; b2 -= lr * d_b2
    return w1, b1, w2, b2


def mlp_forward(params, x):
    w1, b1, w2, b2 = params
    return np.maximum(x.reshape(len(x), 64) @ w1 + b1, 0) @ w2 + b2


def mlp_onnx(params):
    w1, b1, w2, b2 = params
    nodes = [
        helper.make_node("Gemm", ["input", "w1", "b1"], ["h1"], name="dense1"),
        helper.make_node("Relu", ["h1"], ["a1"], name="relu1"),
        helper.make_node("Gemm", ["a1", "w2", "b2"], ["logits"], name="dense2"),
        helper.make_node("Softmax", ["logits"], ["probabilities"], name="softmax", axis=1),
    ]
    inits = [numpy_helper.from_array(a, n) for a, n in ((w1, "w1"), (b1, "b1"), (w2, "w2"), (b2, "b2"))]
    graph = helper.make_graph(
        nodes, "digits_mlp",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 64])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [1, 10])],
        inits)
    return graph


# ---------------------------------------------------------------- CNN

def im2col(x, k=3, pad=1):
    """x: N x C x H x W -> N x (H*W) x (C*k*k), stride 1."""
    n, c, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    cols = np.empty((n, h * w, c * k * k), np.float32)
    for i in range(h):
        for j in range(w):
            cols[:, i * w + j, :] = xp[:, :, i:i + k, j:j + k].reshape(n, -1)
    return cols


def col2im(cols, shape, k=3, pad=1):
    n, c, h, w = shape
    xp = np.zeros((n, c, h + 2 * pad, w + 2 * pad), np.float32)
    for i in range(h):
        for j in range(w):
            xp[:, :, i:i + k, j:j + k] += cols[:, i * w + j, :].reshape(n, c, k, k)
    return xp[:, :, pad:pad + h, pad:pad + w]


def conv(x, wt, b):
    n, _, h, w = x.shape
    out = im2col(x) @ wt.reshape(len(wt), -1).T + b  # N x HW x F
    return out.transpose(0, 2, 1).reshape(n, len(wt), h, w)


def conv_back(x, wt, d_out):
    n, f, h, w = d_out.shape
    d = d_out.reshape(n, f, h * w).transpose(0, 2, 1)  # N x HW x F
    cols = im2col(x)
    d_w = np.einsum("npf,npk->fk", d, cols).reshape(wt.shape)
    d_b = d.sum((0, 1))
    d_x = col2im(d @ wt.reshape(f, -1), x.shape)
    return d_w, d_b, d_x


def maxpool(x):
    n, c, h, w = x.shape
    r = x.reshape(n, c, h // 2, 2, w // 2, 2)
    out = r.max(axis=(3, 5))
    mask = (r == out[:, :, :, None, :, None])
    return out, mask


def avgpool(x):
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).mean(axis=(3, 5))


def cnn_forward(params, x, keep=False):
    k1, c1, k2, c2, wd, bd = params
    x = x.reshape(len(x), 1, 8, 8)
    z1 = conv(x, k1, c1); a1 = np.maximum(z1, 0)
    p1, mask = maxpool(a1)
    z2 = conv(p1, k2, c2); a2 = np.maximum(z2, 0)
    p2 = avgpool(a2)
    f = p2.reshape(len(x), -1)
    logits = f @ wd + bd
    if keep:
        return logits, (x, z1, a1, p1, mask, z2, a2, p2, f)
    return logits


def train_cnn(x, y, epochs=150, lr=0.1, batch=32):
    rng = np.random.default_rng(SEED)
    k1 = rng.normal(0, np.sqrt(2 / 9), (4, 1, 3, 3)).astype(np.float32); c1 = np.zeros(4, np.float32)
    k2 = rng.normal(0, np.sqrt(2 / 36), (8, 4, 3, 3)).astype(np.float32); c2 = np.zeros(8, np.float32)
    wd = rng.normal(0, np.sqrt(2 / 32), (32, 10)).astype(np.float32); bd = np.zeros(10, np.float32)
    params = [k1, c1, k2, c2, wd, bd]
    t = one_hot(y)
    for _ in range(epochs):
        order = rng.permutation(len(x))
        for i in range(0, len(x), batch):
            idx = order[i:i + batch]
            logits, (xi, z1, a1, p1, mask, z2, a2, p2, f) = cnn_forward(params, x[idx], keep=True)
            d_logits = (softmax(logits) - t[idx]) / len(idx)
            d_wd, d_bd = f.T @ d_logits, d_logits.sum(0)
            d_p2 = (d_logits @ params[4].T).reshape(p2.shape)
            d_a2 = np.repeat(np.repeat(d_p2, 2, axis=2), 2, axis=3) / 4
            d_z2 = d_a2 * (z2 > 0)
            d_k2, d_c2, d_p1 = conv_back(p1, params[2], d_z2)
            n, c, h, w = a1.shape
            d_a1 = (mask * d_p1[:, :, :, None, :, None]).reshape(n, c, h, w)
            d_z1 = d_a1 * (z1 > 0)
            d_k1, d_c1, _ = conv_back(xi, params[0], d_z1)
            for p, g in zip(params, (d_k1, d_c1, d_k2, d_c2, d_wd, d_bd)):
                p -= lr * g
    return params


def cnn_onnx(params):
    k1, c1, k2, c2, wd, bd = params
    conv_attrs = dict(kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1])
    pool_attrs = dict(kernel_shape=[2, 2], strides=[2, 2])
    nodes = [
        helper.make_node("Conv", ["input", "k1", "c1"], ["z1"], name="conv1", **conv_attrs),
        helper.make_node("Relu", ["z1"], ["a1"], name="relu1"),
        helper.make_node("MaxPool", ["a1"], ["p1"], name="maxpool1", **pool_attrs),
        helper.make_node("Conv", ["p1", "k2", "c2"], ["z2"], name="conv2", **conv_attrs),
        helper.make_node("Relu", ["z2"], ["a2"], name="relu2"),
        helper.make_node("AveragePool", ["a2"], ["p2"], name="avgpool2", **pool_attrs),
        helper.make_node("Flatten", ["p2"], ["f"], name="flatten", axis=1),
        helper.make_node("Gemm", ["f", "wd", "bd"], ["logits"], name="dense"),
        helper.make_node("Softmax", ["logits"], ["probabilities"], name="softmax", axis=1),
    ]
    names = ("k1", "c1", "k2", "c2", "wd", "bd")
    inits = [numpy_helper.from_array(a, n) for a, n in zip(params, names)]
    return helper.make_graph(
        nodes, "digits_cnn",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 1, 8, 8])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [1, 10])],
        inits)


# ---------------------------------------------------------------- export

def export(name, graph, forward, params, x_test, y_test, input_shape):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                              producer_name="zkinfer make_models.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    path = HERE / f"{name}.onnx"
    path.write_bytes(model.SerializeToString())

    numpy_accuracy = float((forward(params, x_test).argmax(1) == y_test).mean())
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    predictions = [
        int(session.run(None, {"input": x.reshape(input_shape)})[0].argmax())
        for x in x_test
    ]
    onnx_accuracy = float((np.array(predictions) == y_test).mean())
    assert abs(numpy_accuracy - onnx_accuracy) < 1e-9, (numpy_accuracy, onnx_accuracy)

    samples = HERE / "samples"
    samples.mkdir(exist_ok=True)
    for i in range(SAMPLES_PER_MODEL):
        sample = {"input": [round(float(v), 6) for v in x_test[i].reshape(-1)],
                  "shape": list(input_shape), "label": int(y_test[i])}
        (samples / f"{name}_{i}.json").write_text(json.dumps(sample) + "\n")
    return {"test_samples": int(len(y_test)), "float_accuracy": round(onnx_accuracy, 4)}


def main():
    x_train, x_test, y_train, y_test = data()
    report = {}
    mlp = train_mlp(x_train, y_train)
    report["digits_mlp"] = export("digits_mlp", mlp_onnx(mlp), mlp_forward, mlp, x_test, y_test, (1, 64))
    cnn = train_cnn(x_train, y_train)
    report["digits_cnn"] = export("digits_cnn", cnn_onnx(cnn), cnn_forward, cnn, x_test, y_test, (1, 1, 8, 8))
    (HERE / "accuracy.json").write_text(json.dumps(report, indent=2) + "\n")
    pixels = [[int(round(float(v) * 16)) for v in x.reshape(-1)] for x in x_test]
    test_split = {"divisor": 16, "pixels": pixels, "labels": [int(y) for y in y_test]}
    (HERE / "digits_test.json").write_text(json.dumps(test_split, separators=(",", ":")) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
