"""Builds one small ONNX model per operator family the prover supports, with reference outputs.

Writes, next to this file:
  ops/<name>.onnx   a small model (seeded random weights, opset 13 unless OPSETS says)
  ops/<name>.json   {"shape": [...], "inputs": [[...], ...], "outputs": [[...], ...]}:
                    random inputs in [-1, 1] and onnxruntime's float outputs for them

The prover's tests load each model, quantize it, run the integer inference and compare the
dequantized output with onnxruntime's, then prove and verify it. Together the models cover
Gemm, MatMul, Add, Sub, Mul (by a constant and elementwise), Conv (stride, padding,
dilation), BatchNormalization, Relu, LeakyRelu, Sigmoid, Tanh, MaxPool, AveragePool,
GlobalAveragePool, Flatten, Reshape, Transpose, Pad, Concat, Slice, Identity and constants,
and the shape arithmetic PyTorch's exporter writes around a free batch dimension (Shape,
Gather, Unsqueeze, Concat and ConstantOfShape on shapes, Dropout, Cast), and Expand, Tile,
Gather with constant indices and Split on activations, and ONNX's functions of one value
(Exp, Log, Sqrt, Reciprocal, Erf, Softplus, Softsign, Gelu, Mish, Pow, Neg, Abs, Sign, Floor,
Ceil, Round, Clip, Elu, Celu, Selu, HardSigmoid, HardSwish), Div, Max, Min, Sum and Mean of
computed tensors, ONNX's reductions (Sum, Mean, Max, Min, L1, L2, SumSquare, LogSumExp;
GlobalMaxPool), a model with two inputs and two outputs, and a tiny attention block
(LayerNormalization, a product of two activations, a Softmax inside the graph), and LSTM,
GRU and RNN cells over 5 steps (unrolled), with all their outputs, and comparisons, Not,
And, Or, Xor, Cast and Where, 1-D Conv, MaxPool and AveragePool, and ConvTranspose (a
DCGAN-shaped generator), Resize, Trilu and GatherElements, and skl2onnx's unnamed batch
dimension.
"""

import json
import pathlib

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper

HERE = pathlib.Path(__file__).resolve().parent / "ops"
SEED = 11
INPUTS_PER_MODEL = 3


def weights(rng, *shape, scale=0.5):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def dense_arith(rng):
    """MatMul + Add bias, then Sub / Mul by constants, an elementwise Mul and an Add."""
    nodes = [
        helper.make_node("MatMul", ["input", "w"], ["m"], name="matmul"),
        helper.make_node("Add", ["m", "b"], ["h"], name="bias"),
        helper.make_node("Sub", ["h", "c"], ["s"], name="sub_const"),
        helper.make_node("Mul", ["s", "k"], ["t"], name="mul_const"),
        helper.make_node("Mul", ["t", "h"], ["u"], name="mul_elementwise"),
        helper.make_node("Add", ["u", "s"], ["v"], name="add"),
        helper.make_node("Sub", ["v", "t"], ["output"], name="sub"),
    ]
    inits = {"w": weights(rng, 6, 4), "b": weights(rng, 4), "c": weights(rng, 4),
             "k": weights(rng, 4)}
    return nodes, inits, [1, 6], [1, 4]


def gemm_activations(rng):
    """Gemm (transB) into Sigmoid, Tanh, LeakyRelu and Relu branches, concatenated."""
    nodes = [
        helper.make_node("Gemm", ["input", "w", "b"], ["h"], name="gemm", transB=1),
        helper.make_node("Sigmoid", ["h"], ["a"], name="sigmoid"),
        helper.make_node("Tanh", ["h"], ["b2"], name="tanh"),
        helper.make_node("LeakyRelu", ["h"], ["c2"], name="leaky_relu", alpha=0.125),
        helper.make_node("Relu", ["h"], ["d"], name="relu"),
        helper.make_node("Identity", ["d"], ["d2"], name="identity"),
        helper.make_node("Concat", ["a", "b2", "c2", "d2"], ["output"], name="concat", axis=1),
    ]
    inits = {"w": weights(rng, 5, 8, scale=0.8), "b": weights(rng, 5)}
    return nodes, inits, [1, 8], [1, 20]


def conv_batchnorm(rng):
    """Conv with stride 2 and padding, BatchNormalization (folded), Relu, a dilated Conv."""
    nodes = [
        helper.make_node("Conv", ["input", "k1", "c1"], ["z1"], name="conv_stride",
                         kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[2, 2]),
        helper.make_node("BatchNormalization", ["z1", "g", "beta", "mean", "var"], ["n1"],
                         name="batchnorm", epsilon=1e-5),
        helper.make_node("Relu", ["n1"], ["a1"], name="relu"),
        helper.make_node("Conv", ["a1", "k2"], ["output"], name="conv_dilated",
                         kernel_shape=[2, 2], pads=[1, 0, 1, 0], dilations=[2, 2]),
    ]
    inits = {"k1": weights(rng, 3, 2, 3, 3), "c1": weights(rng, 3),
             "g": (1 + 0.2 * rng.standard_normal(3)).astype(np.float32),
             "beta": weights(rng, 3, scale=0.2),
             "mean": weights(rng, 3, scale=0.2),
             "var": (0.5 + rng.random(3)).astype(np.float32),
             "k2": weights(rng, 2, 3, 2, 2)}
    return nodes, inits, [1, 2, 7, 7], [1, 2, 4, 2]


def pools(rng):
    """MaxPool (3x3, stride 2, padding), AveragePool, GlobalAveragePool."""
    nodes = [
        helper.make_node("Conv", ["input", "k"], ["z"], name="conv", kernel_shape=[1, 1]),
        helper.make_node("MaxPool", ["z"], ["m"], name="maxpool", kernel_shape=[3, 3],
                         strides=[2, 2], pads=[1, 1, 1, 1]),
        helper.make_node("AveragePool", ["m"], ["a"], name="avgpool", kernel_shape=[2, 2],
                         strides=[1, 1]),
        helper.make_node("GlobalAveragePool", ["a"], ["g"], name="global_avgpool"),
        helper.make_node("Flatten", ["g"], ["output"], name="flatten", axis=1),
    ]
    inits = {"k": weights(rng, 3, 2, 1, 1, scale=1.0)}
    return nodes, inits, [1, 2, 6, 6], [1, 3]


def shapes(rng):
    """Reshape, Transpose, Pad, Slice, Concat with a constant, Flatten, then a Gemm."""
    nodes = [
        helper.make_node("Reshape", ["input", "shape"], ["r"], name="reshape"),
        helper.make_node("Transpose", ["r"], ["t"], name="transpose", perm=[0, 2, 1]),
        helper.make_node("Pad", ["t", "pads"], ["p"], name="pad", mode="constant"),
        helper.make_node("Slice", ["p", "starts", "ends", "axes"], ["s"], name="slice"),
        helper.make_node("Constant", [], ["k"], name="constant",
                         value=numpy_helper.from_array(weights(rng, 1, 1, 3), "k")),
        helper.make_node("Concat", ["s", "k"], ["c"], name="concat", axis=1),
        helper.make_node("Flatten", ["c"], ["f"], name="flatten", axis=1),
        helper.make_node("Gemm", ["f", "w"], ["output"], name="gemm"),
    ]
    inits = {"shape": np.array([1, 3, 4], dtype=np.int64),
             "pads": np.array([0, 1, 0, 0, 0, 0], dtype=np.int64),
             "starts": np.array([1, 0], dtype=np.int64),
             "ends": np.array([4, 4], dtype=np.int64),
             "axes": np.array([1, 2], dtype=np.int64),
             "w": weights(rng, 12, 3)}
    # [1,12] -> reshape [1,3,4] -> transpose [1,4,3] -> pad [1,5,3] -> slice [1,3,3]
    # -> concat [1,4,3] -> flatten [1,12] -> gemm [1,3]
    return nodes, inits, [1, 12], [1, 3]


def unsupported(rng):
    """Gemm followed by CumSum, which the prover does not support: compile must name both."""
    nodes = [
        helper.make_node("Gemm", ["input", "w"], ["h"], name="gemm"),
        helper.make_node("CumSum", ["h", "axis"], ["output"], name="running_sum"),
    ]
    return nodes, {"w": weights(rng, 4, 2), "axis": np.array(1, dtype=np.int64)}, [1, 4], [1, 2]


def pytorch_export(rng):
    """What torch.onnx.export writes for a small CNN by default: a free batch dimension
    (batch_size), the flatten as Shape -> Gather -> Unsqueeze -> Concat -> Reshape, a
    ConstantOfShape of a computed shape, and Dropout and Cast left in the graph."""
    nodes = [
        helper.make_node("Conv", ["input", "k", "kb"], ["z"], name="conv", kernel_shape=[3, 3]),
        helper.make_node("Relu", ["z"], ["a"], name="relu"),
        helper.make_node("Shape", ["a"], ["s"], name="shape"),
        helper.make_node("Gather", ["s", "zero"], ["n"], name="gather_batch", axis=0),
        helper.make_node("Unsqueeze", ["n", "axis0"], ["n1"], name="unsqueeze"),
        helper.make_node("Concat", ["n1", "minus_one"], ["flat_shape"], name="concat_shape",
                         axis=0),
        helper.make_node("Reshape", ["a", "flat_shape"], ["f"], name="flatten"),
        helper.make_node("Dropout", ["f"], ["d"], name="dropout"),
        helper.make_node("Cast", ["d"], ["c"], name="cast", to=TensorProto.FLOAT),
        helper.make_node("Shape", ["c"], ["cs"], name="shape_of_features"),
        helper.make_node("ConstantOfShape", ["cs"], ["quarter"], name="constant_of_shape",
                         value=numpy_helper.from_array(np.array([0.25], dtype=np.float32))),
        helper.make_node("Add", ["c", "quarter"], ["c2"], name="add_quarter"),
        helper.make_node("Gemm", ["c2", "w", "b"], ["output"], name="gemm"),
    ]
    inits = {"k": weights(rng, 3, 2, 3, 3), "kb": weights(rng, 3),
             "zero": np.array(0, dtype=np.int64), "axis0": np.array([0], dtype=np.int64),
             "minus_one": np.array([-1], dtype=np.int64),
             "w": weights(rng, 27, 4), "b": weights(rng, 4)}
    return nodes, inits, ["batch_size", 2, 5, 5], ["batch_size", 4]


def layout_lowerings(rng):
    """Expand (from rank 1 to rank 3), Tile and Gather (constant indices, one negative, a 2-D
    index tensor) on activations, and Split: the prover lowers them to Slice, Concat and
    Reshape."""
    nodes = [
        helper.make_node("MatMul", ["input", "w"], ["h"], name="matmul"),
        helper.make_node("Reshape", ["h", "flat_h"], ["u"], name="to_rank_one"),
        helper.make_node("Expand", ["u", "expand_to"], ["e"], name="expand"),
        helper.make_node("Tile", ["h", "repeats"], ["t"], name="tile"),
        helper.make_node("Gather", ["h", "picks"], ["g"], name="gather", axis=1),
        helper.make_node("Split", ["t", "split_sizes"], ["s1", "s2"], name="split", axis=1),
        helper.make_node("Reshape", ["e", "flat12"], ["ef"], name="flatten_expand"),
        helper.make_node("Reshape", ["g", "flat4"], ["gf"], name="flatten_gather"),
        # The output itself, so that no linear operator after them lets tract fold them into
        # its weights.
        helper.make_node("Concat", ["ef", "gf", "s1", "s2"], ["output"], name="concat", axis=1),
    ]
    inits = {"w": weights(rng, 6, 4), "flat_h": np.array([4], dtype=np.int64),
             "expand_to": np.array([1, 3, 4], dtype=np.int64),
             "repeats": np.array([1, 2], dtype=np.int64),
             "picks": np.array([[3, 0], [-1, 1]], dtype=np.int64),
             "split_sizes": np.array([5, 3], dtype=np.int64),
             "flat12": np.array([1, 12], dtype=np.int64),
             "flat4": np.array([1, 4], dtype=np.int64)}
    return nodes, inits, [1, 6], [1, 24]


def tensorflow_export(rng):
    """What tf2onnx writes for a Keras model: the batch dimension as an `unk__` placeholder
    name, a free dimension like any other (`--dim unk__7=N`)."""
    nodes = [
        helper.make_node("MatMul", ["input", "w"], ["m"], name="dense"),
        helper.make_node("Add", ["m", "b"], ["h"], name="dense_bias"),
        helper.make_node("Relu", ["h"], ["output"], name="relu"),
    ]
    inits = {"w": weights(rng, 6, 3), "b": weights(rng, 3)}
    return nodes, inits, ["unk__7", 6], ["unk__8", 3]


def unary_branches(rng, branches, width=6):
    """Gemm into `width` values h, then one branch per entry of `branches`: (name, ops), each
    op (op_type, attributes) or (op_type, attributes, constant) applied in turn to h; the
    branches are concatenated."""
    nodes = [helper.make_node("Gemm", ["input", "w", "b"], ["h"], name="gemm", transB=1)]
    inits = {"w": weights(rng, width, 8, scale=0.3), "b": weights(rng, width, scale=0.2)}
    outs = []
    for name, ops in branches:
        value = "h"
        for i, (op_type, attrs, *constant) in enumerate(ops):
            out = f"{name}_{i}"
            inputs = [value]
            if constant:
                inputs += [f"{out}_c{j}" for j in range(len(constant[0]))]
                for j, c in enumerate(constant[0]):
                    inits[f"{out}_c{j}"] = np.array(c, dtype=np.float32)
            nodes.append(helper.make_node(op_type, inputs, [out], name=f"{name}_{op_type.lower()}",
                                          **attrs))
            value = out
        outs.append(value)
    nodes.append(helper.make_node("Concat", outs, ["output"], name="concat", axis=1))
    return nodes, inits, [1, 8], [1, width * len(branches)]


def unary_smooth(rng):
    """Smooth functions of one value, each one table: Exp, Log, Sqrt, Reciprocal, Erf,
    Softplus, Softsign, Gelu (exact and tanh), Mish, Pow by a constant, Neg; Log, Sqrt and
    Reciprocal read |h| + 0.5."""
    positive = [("Abs", {}), ("Add", {}, [0.5])]
    return unary_branches(rng, [
        ("exp", [("Exp", {})]),
        ("log", positive + [("Log", {})]),
        ("sqrt", positive + [("Sqrt", {})]),
        ("reciprocal", positive + [("Reciprocal", {})]),
        ("erf", [("Erf", {})]),
        ("softplus", [("Softplus", {})]),
        ("softsign", [("Softsign", {})]),
        ("gelu", [("Gelu", {})]),
        ("gelu_tanh", [("Gelu", {"approximate": "tanh"})]),
        ("mish", [("Mish", {})]),
        ("cube", [("Pow", {}, [3.0])]),
        ("neg", [("Neg", {})]),
    ])


def unary_piecewise(rng):
    """Piecewise functions of one value, each one table: Abs, Sign, Floor, Ceil, Round (of
    2.5 h), Clip (constant bounds), Elu, Celu, Selu, HardSigmoid, HardSwish, Relu6."""
    scaled = [("Mul", {}, [2.5])]
    return unary_branches(rng, [
        ("abs", [("Abs", {})]),
        ("sign", [("Sign", {})]),
        ("floor", scaled + [("Floor", {})]),
        ("ceil", scaled + [("Ceil", {})]),
        ("round", scaled + [("Round", {})]),
        ("clip", [("Clip", {}, [-0.5, 0.75])]),
        ("elu", [("Elu", {"alpha": 0.8})]),
        ("celu", [("Celu", {"alpha": 1.5})]),
        ("selu", [("Selu", {})]),
        ("hard_sigmoid", [("HardSigmoid", {"alpha": 0.3, "beta": 0.4})]),
        ("hard_swish", [("HardSwish", {})]),
        ("relu6", [("Clip", {}, [0.0, 6.0])]),
    ])


def two_inputs_two_outputs(rng):
    """Two inputs (x [1, 6], y [1, 4]) and two outputs, one of which another node also reads:
    a = Relu(Gemm(x) + MatMul(y)), b = Tanh(MatMul(a)). The statement takes x then y and
    gives a then b, each flattened."""
    nodes = [
        helper.make_node("Gemm", ["x", "wx", "bx"], ["h"], name="dense_x"),
        helper.make_node("MatMul", ["y", "wy"], ["g"], name="dense_y"),
        helper.make_node("Add", ["h", "g"], ["s"], name="sum"),
        helper.make_node("Relu", ["s"], ["a"], name="relu"),
        helper.make_node("MatMul", ["a", "wa"], ["t"], name="dense_a"),
        helper.make_node("Tanh", ["t"], ["b"], name="tanh"),
    ]
    inits = {"wx": weights(rng, 6, 3), "bx": weights(rng, 3), "wy": weights(rng, 4, 3),
             "wa": weights(rng, 3, 2)}
    return nodes, inits, {"x": [1, 6], "y": [1, 4]}, {"a": [1, 3], "b": [1, 2]}


def two_operand_arithmetic(rng):
    """Div, Max and Min of two computed tensors, Sum of three and Mean of two (Div by
    |h2| + 0.5, so the divisor stays away from 0)."""
    nodes = [
        helper.make_node("Gemm", ["input", "w1", "b1"], ["h1"], name="dense_1"),
        helper.make_node("Gemm", ["input", "w2", "b2"], ["h2"], name="dense_2"),
        helper.make_node("Abs", ["h2"], ["m"], name="magnitude"),
        helper.make_node("Add", ["m", "half"], ["divisor"], name="away_from_zero"),
        helper.make_node("Div", ["h1", "divisor"], ["q"], name="divide"),
        helper.make_node("Max", ["h1", "h2"], ["mx"], name="maximum"),
        helper.make_node("Min", ["h1", "h2"], ["mn"], name="minimum"),
        helper.make_node("Sum", ["h1", "h2", "mx"], ["sm"], name="sum"),
        helper.make_node("Mean", ["h1", "h2"], ["mean"], name="mean"),
        helper.make_node("Concat", ["q", "mx", "mn", "sm", "mean"], ["output"], name="concat",
                         axis=1),
    ]
    inits = {"w1": weights(rng, 8, 4), "b1": weights(rng, 4), "w2": weights(rng, 8, 4),
             "b2": weights(rng, 4), "half": np.array(0.5, dtype=np.float32)}
    return nodes, inits, [1, 8], [1, 20]


def reductions(rng):
    """ReduceSum, ReduceMean, ReduceMax (keepdims 0), ReduceMin, ReduceL1, ReduceL2,
    ReduceSumSquare, ReduceLogSumExp over various axes, and GlobalMaxPool, of an NCHW input;
    each flattened, then concatenated."""
    reduce = [
        ("ReduceSum", {"keepdims": 1}, [1]),
        ("ReduceMean", {"axes": [2, 3]}, None),
        ("ReduceMax", {"axes": [3], "keepdims": 0}, None),
        ("ReduceMin", {"axes": [2, 3]}, None),
        ("ReduceL1", {"axes": [1]}, None),
        ("ReduceL2", {"axes": [3]}, None),
        ("ReduceSumSquare", {"axes": [1]}, None),
        ("ReduceLogSumExp", {"axes": [3]}, None),
        ("GlobalMaxPool", {}, None),
    ]
    nodes, inits, flat = [], {}, []
    for op_type, attrs, axes_input in reduce:
        name = op_type.lower()
        inputs = ["input"]
        if axes_input is not None:
            inits[f"{name}_axes"] = np.array(axes_input, dtype=np.int64)
            inputs.append(f"{name}_axes")
        nodes.append(helper.make_node(op_type, inputs, [name], name=name, **attrs))
        nodes.append(helper.make_node("Flatten", [name], [f"{name}_flat"], name=f"{name}_flatten",
                                      axis=1))
        flat.append(f"{name}_flat")
    nodes.append(helper.make_node("Concat", flat, ["output"], name="concat", axis=1))
    return nodes, inits, [1, 2, 3, 4], [1, 60]


def attention_block(rng):
    """A tiny transformer block on a sequence of 4 tokens of width 6: LayerNormalization,
    Q, K and V projections, Q·Kᵀ (a product of two activations), a scaled Softmax over the
    keys (not the last operator), its product with V, a residual Add and an output
    projection. Opset 17 (LayerNormalization)."""
    nodes = [
        helper.make_node("LayerNormalization", ["input", "gamma", "beta"], ["ln"],
                         name="layer_norm", axis=-1, epsilon=1e-5),
        helper.make_node("MatMul", ["ln", "wq"], ["q"], name="query"),
        helper.make_node("MatMul", ["ln", "wk"], ["k"], name="key"),
        helper.make_node("MatMul", ["ln", "wv"], ["v"], name="value"),
        helper.make_node("Transpose", ["k"], ["kt"], name="key_transposed", perm=[0, 2, 1]),
        helper.make_node("MatMul", ["q", "kt"], ["scores"], name="scores"),
        helper.make_node("Mul", ["scores", "inv_sqrt_d"], ["scaled"], name="scale"),
        helper.make_node("Softmax", ["scaled"], ["attention"], name="softmax", axis=-1),
        helper.make_node("MatMul", ["attention", "v"], ["mixed"], name="mix"),
        helper.make_node("Add", ["mixed", "input"], ["residual"], name="residual"),
        helper.make_node("MatMul", ["residual", "wo"], ["output"], name="project"),
    ]
    inits = {"gamma": (1 + weights(rng, 6, scale=0.1)), "beta": weights(rng, 6, scale=0.1),
             "wq": weights(rng, 6, 6), "wk": weights(rng, 6, 6), "wv": weights(rng, 6, 6),
             "inv_sqrt_d": np.array(1 / np.sqrt(6), dtype=np.float32), "wo": weights(rng, 6, 3)}
    return nodes, inits, [1, 4, 6], [1, 4, 3]


def recurrent(op_type, gates):
    """An ONNX recurrent cell (hidden size 4) over a sequence of 5 steps of 3 features, as
    PyTorch exports it: Y and Y_h as outputs (LSTM also Y_c)."""
    def make(rng):
        hidden = 4
        outputs = ["y", "y_h"] + (["y_c"] if op_type == "LSTM" else [])
        nodes = [helper.make_node(op_type, ["input", "w", "r", "b"], outputs, name=op_type.lower(),
                                  hidden_size=hidden)]
        inits = {"w": weights(rng, 1, gates * hidden, 3), "r": weights(rng, 1, gates * hidden, hidden),
                 "b": weights(rng, 1, 2 * gates * hidden, scale=0.2)}
        out = {"y": [5, 1, 1, hidden], "y_h": [1, 1, hidden]}
        if op_type == "LSTM":
            out["y_c"] = [1, 1, hidden]
        return nodes, inits, [5, 1, 3], out
    return make


def comparisons_logic(rng):
    """Less of two computed tensors, Greater, LessOrEqual and Equal against constants,
    GreaterOrEqual, Not, And, Or, Xor, each cast to float, and Where."""
    f = TensorProto.FLOAT
    nodes = [
        helper.make_node("Gemm", ["input", "w1", "b1"], ["h1"], name="dense_1"),
        helper.make_node("Gemm", ["input", "w2", "b2"], ["h2"], name="dense_2"),
        helper.make_node("Less", ["h1", "h2"], ["lt"], name="less"),
        helper.make_node("Greater", ["h1", "point_three"], ["gt"], name="greater"),
        helper.make_node("LessOrEqual", ["h2", "point_one"], ["le"], name="less_or_equal"),
        helper.make_node("GreaterOrEqual", ["h1", "h2"], ["ge"], name="greater_or_equal"),
        helper.make_node("Mul", ["h1", "two_and_a_half"], ["scaled"], name="scale"),
        helper.make_node("Round", ["scaled"], ["rounded"], name="round"),
        helper.make_node("Equal", ["rounded", "one"], ["eq"], name="equal"),
        helper.make_node("Not", ["lt"], ["not"], name="not"),
        helper.make_node("And", ["lt", "gt"], ["and"], name="and"),
        helper.make_node("Or", ["lt", "gt"], ["or"], name="or"),
        helper.make_node("Xor", ["lt", "gt"], ["xor"], name="xor"),
        helper.make_node("Where", ["gt", "h1", "h2"], ["where"], name="where"),
    ]
    booleans = ["lt", "gt", "le", "ge", "eq", "not", "and", "or", "xor"]
    for name in booleans:
        nodes.append(helper.make_node("Cast", [name], [f"{name}_f"], name=f"{name}_cast", to=f))
    nodes.append(helper.make_node("Concat", [f"{n}_f" for n in booleans] + ["where"], ["output"],
                                  name="concat", axis=1))
    inits = {"w1": weights(rng, 8, 4), "b1": weights(rng, 4), "w2": weights(rng, 8, 4),
             "b2": weights(rng, 4), "point_three": np.array(0.3, dtype=np.float32),
             "point_one": np.array(0.1, dtype=np.float32),
             "two_and_a_half": np.array(2.5, dtype=np.float32),
             "one": np.array(1.0, dtype=np.float32)}
    return nodes, inits, [1, 8], [1, 40]


def conv1d(rng):
    """1-D windows, as audio and sequence models export them: Conv (stride 2, padding),
    Relu, MaxPool and AveragePool over an NCL input, Flatten, Gemm."""
    nodes = [
        helper.make_node("Conv", ["input", "k", "kb"], ["z"], name="conv_1d", kernel_shape=[3],
                         pads=[1, 1], strides=[2]),
        helper.make_node("Relu", ["z"], ["a"], name="relu"),
        helper.make_node("MaxPool", ["a"], ["m"], name="max_pool_1d", kernel_shape=[2],
                         strides=[1]),
        helper.make_node("AveragePool", ["m"], ["p"], name="average_pool_1d", kernel_shape=[2],
                         strides=[2]),
        helper.make_node("Flatten", ["p"], ["f"], name="flatten"),
        helper.make_node("Gemm", ["f", "w", "b"], ["output"], name="gemm"),
    ]
    inits = {"k": weights(rng, 3, 2, 3), "kb": weights(rng, 3), "w": weights(rng, 6, 2),
             "b": weights(rng, 2)}
    return nodes, inits, [1, 2, 10], [1, 2]


def gan_generator(rng):
    """A DCGAN-shaped generator: Gemm from an 8-value latent to 8×2×2, two ConvTranspose
    layers (kernel 4, stride 2, padding 1) with BatchNormalization and Relu between them, and
    Tanh: a 1×8×8 image."""
    nodes = [
        helper.make_node("Gemm", ["input", "w", "b"], ["h"], name="project"),
        helper.make_node("Reshape", ["h", "map_shape"], ["m"], name="to_map"),
        helper.make_node("ConvTranspose", ["m", "k1", "kb1"], ["u1"], name="up_1",
                         kernel_shape=[4, 4], strides=[2, 2], pads=[1, 1, 1, 1]),
        helper.make_node("BatchNormalization", ["u1", "scale", "shift", "mean", "var"], ["n1"],
                         name="norm_1"),
        helper.make_node("Relu", ["n1"], ["a1"], name="relu_1"),
        helper.make_node("ConvTranspose", ["a1", "k2", "kb2"], ["u2"], name="up_2",
                         kernel_shape=[4, 4], strides=[2, 2], pads=[1, 1, 1, 1]),
        helper.make_node("Tanh", ["u2"], ["output"], name="tanh"),
    ]
    inits = {"w": weights(rng, 8, 32), "b": weights(rng, 32, scale=0.1),
             "map_shape": np.array([1, 8, 2, 2], dtype=np.int64),
             "k1": weights(rng, 8, 4, 4, 4, scale=0.3), "kb1": weights(rng, 4, scale=0.1),
             "scale": 1 + weights(rng, 4, scale=0.1), "shift": weights(rng, 4, scale=0.1),
             "mean": weights(rng, 4, scale=0.1), "var": 1 + np.abs(weights(rng, 4, scale=0.2)),
             "k2": weights(rng, 4, 1, 4, 4, scale=0.3), "kb2": weights(rng, 1, scale=0.1)}
    return nodes, inits, [1, 8], [1, 1, 8, 8]


def linear_maps(rng):
    """Operators linear in their data input: Resize (nearest and linear, scale 2), Trilu
    (upper) and GatherElements with constant indices, after a Conv; each flattened, then
    concatenated. Opset 14 (Trilu)."""
    nodes = [
        helper.make_node("Conv", ["input", "k"], ["x"], name="conv", kernel_shape=[1, 1]),
        helper.make_node("Resize", ["x", "", "scales"], ["nearest"], name="resize_nearest",
                         mode="nearest"),
        helper.make_node("Resize", ["x", "", "scales"], ["bilinear"], name="resize_linear",
                         mode="linear"),
        helper.make_node("Trilu", ["x"], ["upper"], name="upper_triangle", upper=1),
        helper.make_node("GatherElements", ["x", "picks"], ["gathered"], name="gather_elements",
                         axis=3),
    ]
    flat = []
    for name in ["nearest", "bilinear", "upper", "gathered"]:
        nodes.append(helper.make_node("Flatten", [name], [f"{name}_flat"], name=f"{name}_flatten"))
        flat.append(f"{name}_flat")
    nodes.append(helper.make_node("Concat", flat, ["output"], name="concat", axis=1))
    inits = {"k": weights(rng, 2, 2, 1, 1),
             "scales": np.array([1, 1, 2, 2], dtype=np.float32),
             "picks": np.array([[[[2, 0], [1, 1], [0, 2]], [[1, 2], [2, 2], [0, 0]]]],
                               dtype=np.int64)}
    return nodes, inits, [1, 2, 3, 3], [1, 72 + 72 + 18 + 12]


def sklearn_export(rng):
    """What skl2onnx writes: the batch dimension unknown and unnamed (`None`: neither a value
    nor a name), which the prover sets to 1."""
    nodes = [
        helper.make_node("MatMul", ["input", "coef"], ["m"], name="linear"),
        helper.make_node("Add", ["m", "intercept"], ["output"], name="intercept"),
    ]
    return nodes, {"coef": weights(rng, 4, 2), "intercept": weights(rng, 2)}, [None, 4], [None, 2]


def scan_doubling(rng):
    """An ONNX Scan over 3 steps whose body doubles its state (a scale by a constant, which the
    prover would fuse into the step before if it let a loop body fuse into the values it is
    handed) and adds the step's input: outputs every step's sum and the final state."""
    body = helper.make_graph(
        [helper.make_node("Mul", ["state_in", "two"], ["state_out"], name="double"),
         helper.make_node("Add", ["state_out", "x_t"], ["y_t"], name="add_step")],
        "body",
        [helper.make_tensor_value_info("state_in", TensorProto.FLOAT, [2]),
         helper.make_tensor_value_info("x_t", TensorProto.FLOAT, [2])],
        [helper.make_tensor_value_info("state_out", TensorProto.FLOAT, [2]),
         helper.make_tensor_value_info("y_t", TensorProto.FLOAT, [2])],
        [numpy_helper.from_array(np.array(2.0, dtype=np.float32), "two")])
    nodes = [helper.make_node("Scan", ["input", "steps"], ["final", "sums"], name="scan",
                              body=body, num_scan_inputs=1)]
    inits = {"steps": weights(rng, 3, 2, scale=0.3)}
    return nodes, inits, [2], {"sums": [3, 2], "final": [2]}


# Opsets other than 13, by model (Gelu needs 20).
OPSETS = {"unary_smooth": 20, "unary_piecewise": 20, "attention_block": 17, "linear_maps": 14}

MODELS = {
    "dense_arith": dense_arith,
    "gemm_activations": gemm_activations,
    "conv_batchnorm": conv_batchnorm,
    "pools": pools,
    "shapes": shapes,
    "unsupported": unsupported,
    "pytorch_export": pytorch_export,
    "layout_lowerings": layout_lowerings,
    "tensorflow_export": tensorflow_export,
    "unary_smooth": unary_smooth,
    "unary_piecewise": unary_piecewise,
    "two_inputs_two_outputs": two_inputs_two_outputs,
    "two_operand_arithmetic": two_operand_arithmetic,
    "reductions": reductions,
    "attention_block": attention_block,
    "lstm": recurrent("LSTM", 4),
    "gru": recurrent("GRU", 3),
    "rnn": recurrent("RNN", 1),
    "comparisons_logic": comparisons_logic,
    "conv1d": conv1d,
    "gan_generator": gan_generator,
    "linear_maps": linear_maps,
    "sklearn_export": sklearn_export,
    "scan_doubling": scan_doubling,
}


def build(name, make, rng):
    """Writes ops/<name>.onnx and its reference. A model with several inputs or outputs gives
    them as {name: shape} (graph order); its reference inputs and outputs are flattened and
    concatenated in that order, as the proof statement takes them."""
    nodes, inits, in_shapes, out_shapes = make(rng)
    if not isinstance(in_shapes, dict):
        in_shapes = {"input": in_shapes}
    if not isinstance(out_shapes, dict):
        out_shapes = {"output": out_shapes}
    graph = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, s) for n, s in in_shapes.items()],
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, s) for n, s in out_shapes.items()],
        [numpy_helper.from_array(v, k) for k, v in inits.items()])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSETS.get(name, 13))],
                              producer_name="zkinfer make_op_models.py")
    model.ir_version = 8
    model = onnx.shape_inference.infer_shapes(model)
    onnx.checker.check_model(model, full_check=True)
    path = HERE / f"{name}.onnx"
    path.write_bytes(model.SerializeToString())
    # A free (named) dimension is 1 in the reference inputs, as the prover binds it.
    in_shapes = {n: [1 if d is None or isinstance(d, str) else d for d in s]
                 for n, s in in_shapes.items()}

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    inputs, outputs = [], []
    for _ in range(INPUTS_PER_MODEL):
        xs = {n: rng.uniform(-1, 1, s).astype(np.float32) for n, s in in_shapes.items()}
        ys = session.run(None, xs)
        inputs.append([round(float(v), 6) for x in xs.values() for v in x.reshape(-1)])
        outputs.append([round(float(v), 6) for y in ys for v in y.reshape(-1)])
    shape = next(iter(in_shapes.values())) if len(in_shapes) == 1 else [len(inputs[0])]
    reference = {"shape": shape, "inputs": inputs, "outputs": outputs}
    (HERE / f"{name}.json").write_text(json.dumps(reference) + "\n")
    return len(outputs[0])


def main():
    HERE.mkdir(exist_ok=True)
    rng = np.random.default_rng(SEED)
    for name, make in MODELS.items():
        print(f"{name}: {build(name, make, rng)} outputs")


if __name__ == "__main__":
    main()
