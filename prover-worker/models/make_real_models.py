"""Builds zkinfer's two real-model benchmarks from scikit-learn's bundled digits (no download).

Writes, next to this file:
  lenet5.onnx      LeNet-5 on 1x32x32 (the 8x8 digits upscaled bilinearly):
                   Conv(1->6, 5x5) -> Relu -> MaxPool(2) -> Conv(6->16, 5x5) -> Relu -> MaxPool(2)
                   -> Flatten(400) -> Gemm(120) -> Relu -> Gemm(84) -> Relu -> Gemm(10) -> Softmax
                   61,706 parameters
  cifar_cnn.onnx   a CIFAR-10-shaped CNN on 3x32x32 (the digits upscaled and coloured: a random
                   foreground and background colour per image, plus noise):
                   3 x [Conv(3x3, pad 1) -> BatchNormalization -> Relu -> MaxPool(2)]
                   with 8, 16, 32 channels -> Flatten(512) -> Gemm(480) -> Relu -> Gemm(10)
                   -> Softmax, 257,306 parameters
  samples/<model>_<i>.json   test-split inputs: {"input": [...], "shape": [...], "label": d}
  real_accuracy.json         float accuracy of each on the test split (numpy and onnxruntime)
  <model>_test.bin           the test split as the prover's quantized accuracy reads it: one
                             byte per label, then one byte per input value (value x 64,
                             0..=64), sample after sample in the model's input layout

Training is plain numpy (mini-batch SGD with momentum), deterministic: fixed split, seeds.
"""

import json
import pathlib
import sys

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper
from scipy.ndimage import zoom
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

HERE = pathlib.Path(__file__).resolve().parent
SEED = 7
SAMPLES_PER_MODEL = 5
BN_EPS = 1e-5


def grey_digits():
    """The digits as N x 1 x 32 x 32 in [0, 1]."""
    digits = load_digits()
    images = np.stack([zoom(img / 16.0, 4, order=1) for img in digits.images])
    return np.clip(images, 0, 1).astype(np.float32)[:, None], digits.target


def colour_digits():
    """The digits as N x 3 x 32 x 32 in [0, 1]: foreground and background colours drawn per
    image (at least 0.5 apart in some channel, so the digit stays visible), plus noise."""
    grey, target = grey_digits()
    rng = np.random.default_rng(SEED + 1)
    out = np.empty((len(grey), 3, 32, 32), np.float32)
    for i, img in enumerate(grey[:, 0]):
        while True:
            fg, bg = rng.uniform(0, 1, 3), rng.uniform(0, 1, 3)
            if np.abs(fg - bg).max() >= 0.5:
                break
        mixed = bg[:, None, None] * (1 - img) + fg[:, None, None] * img
        out[i] = np.clip(mixed + rng.normal(0, 0.03, mixed.shape), 0, 1)
    return out, target


def split(x, y):
    return train_test_split(x, y, test_size=0.25, random_state=SEED, stratify=y)


# ---------------------------------------------------------------- layers

class Conv:
    def __init__(self, rng, cin, cout, k, pad):
        self.k, self.pad = k, pad
        self.w = rng.normal(0, np.sqrt(2 / (cin * k * k)), (cout, cin, k, k)).astype(np.float32)
        self.b = np.zeros(cout, np.float32)

    def params(self):
        return [self.w, self.b]

    def forward(self, x, train):
        k, p = self.k, self.pad
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        win = np.lib.stride_tricks.sliding_window_view(xp, (k, k), axis=(2, 3))  # N C H W k k
        n, c, h, w = win.shape[:4]
        cols = win.transpose(0, 2, 3, 1, 4, 5).reshape(n, h * w, c * k * k)
        self.cache = (x.shape, xp.shape, cols, h, w)
        out = cols @ self.w.reshape(len(self.w), -1).T + self.b
        return out.transpose(0, 2, 1).reshape(n, len(self.w), h, w)

    def backward(self, d):
        shape, pshape, cols, h, w = self.cache
        n, f = d.shape[:2]
        d = d.reshape(n, f, h * w).transpose(0, 2, 1)
        grads = [np.einsum("npf,npk->fk", d, cols).reshape(self.w.shape), d.sum((0, 1))]
        dcols = (d @ self.w.reshape(f, -1)).reshape(n, h, w, shape[1], self.k, self.k)
        dxp = np.zeros(pshape, np.float32)
        for i in range(self.k):
            for j in range(self.k):
                dxp[:, :, i:i + h, j:j + w] += dcols[:, :, :, :, i, j].transpose(0, 3, 1, 2)
        p = self.pad
        return dxp[:, :, p:pshape[2] - p, p:pshape[3] - p], grads


class BatchNorm:
    def __init__(self, channels):
        self.gamma = np.ones(channels, np.float32)
        self.beta = np.zeros(channels, np.float32)
        self.mean = np.zeros(channels, np.float32)
        self.var = np.ones(channels, np.float32)

    def params(self):
        return [self.gamma, self.beta]

    def forward(self, x, train):
        if train:
            mu, var = x.mean((0, 2, 3)), x.var((0, 2, 3))
            self.mean = 0.9 * self.mean + 0.1 * mu
            self.var = 0.9 * self.var + 0.1 * var
        else:
            mu, var = self.mean, self.var
        inv = 1 / np.sqrt(var + BN_EPS)
        xhat = (x - mu[None, :, None, None]) * inv[None, :, None, None]
        self.cache = (xhat, inv)
        return self.gamma[None, :, None, None] * xhat + self.beta[None, :, None, None]

    def backward(self, d):
        xhat, inv = self.cache
        m = d.shape[0] * d.shape[2] * d.shape[3]
        dgamma, dbeta = (d * xhat).sum((0, 2, 3)), d.sum((0, 2, 3))
        dxhat = d * self.gamma[None, :, None, None]
        dx = (inv[None, :, None, None] / m) * (
            m * dxhat - dxhat.sum((0, 2, 3))[None, :, None, None]
            - xhat * (dxhat * xhat).sum((0, 2, 3))[None, :, None, None])
        return dx, [dgamma, dbeta]


class Relu:
    def params(self):
        return []

    def forward(self, x, train):
        self.mask = x > 0
        return x * self.mask

    def backward(self, d):
        return d * self.mask, []


class MaxPool:
    def params(self):
        return []

    def forward(self, x, train):
        n, c, h, w = x.shape
        r = x.reshape(n, c, h // 2, 2, w // 2, 2)
        out = r.max(axis=(3, 5))
        mask = r == out[:, :, :, None, :, None]
        # One winner per window (the first), as the gradient of a max.
        flat = mask.transpose(0, 1, 2, 4, 3, 5).reshape(n, c, h // 2, w // 2, 4)
        first = np.zeros_like(flat)
        np.put_along_axis(first, flat.argmax(-1)[..., None], True, -1)
        self.mask = first.reshape(n, c, h // 2, w // 2, 2, 2).transpose(0, 1, 2, 4, 3, 5)
        self.shape = x.shape
        return out

    def backward(self, d):
        return (self.mask * d[:, :, :, None, :, None]).reshape(self.shape), []


class Flatten:
    def params(self):
        return []

    def forward(self, x, train):
        self.shape = x.shape
        return x.reshape(len(x), -1)

    def backward(self, d):
        return d.reshape(self.shape), []


class Dense:
    def __init__(self, rng, fan_in, fan_out):
        self.w = rng.normal(0, np.sqrt(2 / fan_in), (fan_in, fan_out)).astype(np.float32)
        self.b = np.zeros(fan_out, np.float32)

    def params(self):
        return [self.w, self.b]

    def forward(self, x, train):
        self.x = x
        return x @ self.w + self.b

    def backward(self, d):
        return d @ self.w.T, [self.x.T @ d, d.sum(0)]


def forward(layers, x, train=False):
    for layer in layers:
        x = layer.forward(x, train)
    return x


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def train(layers, x, y, epochs, lr, batch=32, momentum=0.9, decay=1e-4):
    rng = np.random.default_rng(SEED)
    params = [p for layer in layers for p in layer.params()]
    velocity = [np.zeros_like(p) for p in params]
    t = np.eye(10, dtype=np.float32)[y]
    for epoch in range(epochs):
        rate = lr * 0.5 * (1 + np.cos(np.pi * epoch / epochs))
        order = rng.permutation(len(x))
        for i in range(0, len(x), batch):
            idx = order[i:i + batch]
            d = (softmax(forward(layers, x[idx], train=True)) - t[idx]) / len(idx)
            grads = []
            for layer in reversed(layers):
                d, g = layer.backward(d)
                grads = g + grads
            for p, v, g in zip(params, velocity, grads):
                v *= momentum
                v -= rate * (g + decay * p)
                p += v
        print(f"epoch {epoch + 1}/{epochs}: train accuracy {(predict(layers, x) == y).mean():.4f}",
              file=sys.stderr, flush=True)
    return layers


def predict(layers, x, batch=128):
    return np.concatenate([forward(layers, x[i:i + batch]).argmax(1) for i in range(0, len(x), batch)])


# ---------------------------------------------------------------- ONNX

def to_onnx(name, layers, input_shape):
    nodes, inits, current = [], [], "input"
    counts = {}

    def fresh(kind):
        counts[kind] = counts.get(kind, 0) + 1
        return f"{kind}{counts[kind]}"

    def init(array, label):
        inits.append(numpy_helper.from_array(np.asarray(array, np.float32), label))
        return label

    for layer in layers:
        label = fresh(type(layer).__name__.lower())
        out = label
        if isinstance(layer, Conv):
            p = layer.pad
            nodes.append(helper.make_node(
                "Conv", [current, init(layer.w, label + ".w"), init(layer.b, label + ".b")], [out],
                name=label, kernel_shape=[layer.k, layer.k], pads=[p, p, p, p], strides=[1, 1]))
        elif isinstance(layer, BatchNorm):
            nodes.append(helper.make_node(
                "BatchNormalization",
                [current, init(layer.gamma, label + ".scale"), init(layer.beta, label + ".bias"),
                 init(layer.mean, label + ".mean"), init(layer.var, label + ".var")], [out],
                name=label, epsilon=BN_EPS))
        elif isinstance(layer, Relu):
            nodes.append(helper.make_node("Relu", [current], [out], name=label))
        elif isinstance(layer, MaxPool):
            nodes.append(helper.make_node("MaxPool", [current], [out], name=label,
                                          kernel_shape=[2, 2], strides=[2, 2]))
        elif isinstance(layer, Flatten):
            nodes.append(helper.make_node("Flatten", [current], [out], name=label, axis=1))
        elif isinstance(layer, Dense):
            nodes.append(helper.make_node(
                "Gemm", [current, init(layer.w, label + ".w"), init(layer.b, label + ".b")], [out],
                name=label))
        current = out
    nodes.append(helper.make_node("Softmax", [current], ["probabilities"], name="softmax", axis=1))
    graph = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, list(input_shape))],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [1, 10])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                              producer_name="zkinfer make_real_models.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def export(name, layers, x_test, y_test):
    input_shape = (1,) + x_test.shape[1:]
    model = to_onnx(name, layers, input_shape)
    path = HERE / f"{name}.onnx"
    path.write_bytes(model.SerializeToString())
    parameters = sum(p.size for layer in layers for p in layer.params()) + sum(
        layer.mean.size + layer.var.size for layer in layers if isinstance(layer, BatchNorm))

    numpy_accuracy = float((predict(layers, x_test) == y_test).mean())
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    predictions = np.array([
        int(session.run(None, {"input": x.reshape(input_shape)})[0].argmax()) for x in x_test])
    onnx_accuracy = float((predictions == y_test).mean())
    assert abs(numpy_accuracy - onnx_accuracy) < 0.005, (numpy_accuracy, onnx_accuracy)

    samples = HERE / "samples"
    samples.mkdir(exist_ok=True)
    for i in range(SAMPLES_PER_MODEL):
        sample = {"input": [round(float(v), 4) for v in x_test[i].reshape(-1)],
                  "shape": list(input_shape), "label": int(y_test[i])}
        (samples / f"{name}_{i}.json").write_text(json.dumps(sample) + "\n")
    # The test split on a grid of 1/64, as the prover's quantized accuracy reads it.
    pixels = np.rint(x_test.reshape(len(x_test), -1) * 64).astype(np.uint8)
    (HERE / f"{name}_test.bin").write_bytes(y_test.astype(np.uint8).tobytes() + pixels.tobytes())
    return {"parameters": int(parameters), "test_samples": int(len(y_test)),
            "float_accuracy": round(onnx_accuracy, 4)}


def main():
    report = {}
    rng = np.random.default_rng(SEED)
    x_train, x_test, y_train, y_test = split(*grey_digits())
    lenet = [Conv(rng, 1, 6, 5, 0), Relu(), MaxPool(),
             Conv(rng, 6, 16, 5, 0), Relu(), MaxPool(), Flatten(),
             Dense(rng, 400, 120), Relu(), Dense(rng, 120, 84), Relu(), Dense(rng, 84, 10)]
    train(lenet, x_train, y_train, epochs=12, lr=0.01)
    report["lenet5"] = export("lenet5", lenet, x_test, y_test)
    print(json.dumps(report), flush=True)

    x_train, x_test, y_train, y_test = split(*colour_digits())
    cnn = []
    for cin, cout in ((3, 8), (8, 16), (16, 32)):
        cnn += [Conv(rng, cin, cout, 3, 1), BatchNorm(cout), Relu(), MaxPool()]
    cnn += [Flatten(), Dense(rng, 512, 480), Relu(), Dense(rng, 480, 10)]
    train(cnn, x_train, y_train, epochs=12, lr=0.01)
    report["cifar_cnn"] = export("cifar_cnn", cnn, x_test, y_test)
    (HERE / "real_accuracy.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
