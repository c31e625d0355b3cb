"""Runs Keras code written by Layer Lens against the Keras 3 stand-in and prints what it built.

Usage: python3 check_keras_code.py < code.py   (prints JSON: inputs, models, layer calls)
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "keras_stub"))
import keras  # noqa: E402  the stand-in
from keras.layers import RECORD  # noqa: E402

code = sys.stdin.read()
namespace = {}
exec(compile(code, "<keras code>", "exec"), namespace)
if "model" not in namespace:
    raise SystemExit("the code defines no `model`")
print(json.dumps(RECORD))
