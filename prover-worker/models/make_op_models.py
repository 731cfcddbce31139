"""Builds one small ONNX model per operator family the prover supports, with reference outputs.

Writes, next to this file:
  ops/<name>.onnx   a small model (seeded random weights, opset 13)
  ops/<name>.json   {"shape": [...], "inputs": [[...], ...], "outputs": [[...], ...]}:
                    random inputs in [-1, 1] and onnxruntime's float outputs for them

The prover's tests load each model, quantize it, run the integer inference and compare the
dequantized output with onnxruntime's, then prove and verify it. Together the models cover
Gemm, MatMul, Add, Sub, Mul (by a constant and elementwise), Conv (stride, padding,
dilation), BatchNormalization, Relu, LeakyRelu, Sigmoid, Tanh, MaxPool, AveragePool,
GlobalAveragePool, Flatten, Reshape, Transpose, Pad, Concat, Slice, Identity and constants,
and the shape arithmetic PyTorch's exporter writes around a free batch dimension (Shape,
Gather, Unsqueeze, Concat and ConstantOfShape on shapes, Dropout, Cast), and Expand, Tile,
Gather with constant indices and Split on activations.
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
    """Gemm followed by Exp, which the prover does not support: compile must name both."""
    nodes = [
        helper.make_node("Gemm", ["input", "w"], ["h"], name="gemm"),
        helper.make_node("Exp", ["h"], ["output"], name="exponential"),
    ]
    return nodes, {"w": weights(rng, 4, 2)}, [1, 4], [1, 2]


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
}


def build(name, make, rng):
    nodes, inits, in_shape, out_shape = make(rng)
    graph = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, in_shape)],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, out_shape)],
        [numpy_helper.from_array(v, k) for k, v in inits.items()])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                              producer_name="zkinfer make_op_models.py")
    model.ir_version = 8
    model = onnx.shape_inference.infer_shapes(model)
    onnx.checker.check_model(model, full_check=True)
    path = HERE / f"{name}.onnx"
    path.write_bytes(model.SerializeToString())
    # A free (named) dimension is 1 in the reference inputs, as the prover binds it.
    in_shape = [1 if isinstance(d, str) else d for d in in_shape]

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    inputs, outputs = [], []
    for _ in range(INPUTS_PER_MODEL):
        x = rng.uniform(-1, 1, in_shape).astype(np.float32)
        y = session.run(None, {"input": x})[0]
        inputs.append([round(float(v), 6) for v in x.reshape(-1)])
        outputs.append([round(float(v), 6) for v in y.reshape(-1)])
    reference = {"shape": in_shape, "inputs": inputs, "outputs": outputs}
    (HERE / f"{name}.json").write_text(json.dumps(reference) + "\n")
    return len(outputs[0])


def main():
    HERE.mkdir(exist_ok=True)
    rng = np.random.default_rng(SEED)
    for name, make in MODELS.items():
        print(f"{name}: {build(name, make, rng)} outputs")


if __name__ == "__main__":
    main()
