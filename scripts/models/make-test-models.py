#!/usr/bin/env python3
"""Writes the tiny ONNX models the inference tests run (idempotent; nothing binary is committed).

Usage: python3 scripts/models/make-test-models.py
Output: .cache/models/test/linear.onnx and .cache/models/test/cast.onnx

Only the `onnx` package is needed; the script installs it (pinned) into .cache/venv-testmodels on
first use and re-runs itself there.

  linear.onnx  input  X float32 [N,4]      output Y = X @ W + B, float32 [N,3]
               W[i][j] = (3*i + j + 1) / 10, B = [0.5, -1, 2]
  cast.onnx    inputs ids int64 [N,L], mask int32 [N,L]
               outputs ids_float = float(ids) [N,L], mask_int64 = int64(mask) [N,L]
"""
import os
import sys

import venv_bootstrap

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, ".cache", "models", "test")
ONNX_PIN = "onnx==1.23.2"


def ensure_onnx():
    venv_bootstrap.ensure("onnx", ONNX_PIN, __file__)


def linear_model():
    from onnx import TensorProto, helper

    weights = [(3 * i + j + 1) / 10 for i in range(4) for j in range(3)]
    graph = helper.make_graph(
        [
            helper.make_node("MatMul", ["X", "W"], ["XW"]),
            helper.make_node("Add", ["XW", "B"], ["Y"]),
        ],
        "linear",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, ["N", 4])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, ["N", 3])],
        initializer=[
            helper.make_tensor("W", TensorProto.FLOAT, [4, 3], weights),
            helper.make_tensor("B", TensorProto.FLOAT, [3], [0.5, -1.0, 2.0]),
        ],
    )
    return graph


def cast_model():
    from onnx import TensorProto, helper

    graph = helper.make_graph(
        [
            helper.make_node("Cast", ["ids"], ["ids_float"], to=TensorProto.FLOAT),
            helper.make_node("Cast", ["mask"], ["mask_int64"], to=TensorProto.INT64),
        ],
        "cast",
        [
            helper.make_tensor_value_info("ids", TensorProto.INT64, ["N", "L"]),
            helper.make_tensor_value_info("mask", TensorProto.INT32, ["N", "L"]),
        ],
        [
            helper.make_tensor_value_info("ids_float", TensorProto.FLOAT, ["N", "L"]),
            helper.make_tensor_value_info("mask_int64", TensorProto.INT64, ["N", "L"]),
        ],
    )
    return graph


def write(name, graph):
    import onnx
    from onnx import helper

    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="smart-gallery-tests")
    model.ir_version = 8  # readable by every ONNX Runtime from 1.10 on
    onnx.checker.check_model(model)
    data = model.SerializeToString()
    path = os.path.join(OUT, name)
    if os.path.exists(path) and open(path, "rb").read() == data:
        return
    os.makedirs(OUT, exist_ok=True)
    with open(path + ".tmp", "wb") as file:
        file.write(data)
    os.replace(path + ".tmp", path)
    print(f"wrote {os.path.relpath(path, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    ensure_onnx()
    write("linear.onnx", linear_model())
    write("cast.onnx", cast_model())
