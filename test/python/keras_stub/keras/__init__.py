"""A stand-in for Keras 3 that checks the code Layer Lens writes without Keras installed.

Each layer class accepts exactly the arguments of Keras 3's constructor (positional ones in
Keras' order), so a misspelt or invented argument fails as it would in Keras. Building a model
records its structure, which check_keras_code.py prints as JSON.
"""
from . import layers  # noqa: F401
from .layers import KerasTensor, Layer, RECORD


def Input(shape=None, batch_size=None, dtype=None, sparse=None, batch_shape=None, name=None, tensor=None, optional=False):
    if not isinstance(shape, tuple) or not all(isinstance(d, int) or d is None for d in shape):
        raise TypeError(f"Input(shape=...) needs a tuple of ints, got {shape!r}")
    t = KerasTensor(None, [], shape)
    RECORD["inputs"].append({"name": name, "shape": list(shape)})
    t.input_name = name
    return t


class Sequential:
    def __init__(self, layers=None, trainable=True, name=None):
        if not isinstance(layers, list) or not layers:
            raise TypeError("Sequential needs a list of layers")
        if not isinstance(layers[0], KerasTensor):
            raise TypeError("the course writes keras.Input(...) first in a Sequential")
        for l in layers[1:]:
            if not isinstance(l, Layer):
                raise TypeError(f"not a layer: {l!r}")
        self.name = name
        self.layers = layers[1:]
        RECORD["models"].append({"kind": "Sequential", "name": name, "input_shape": list(layers[0].shape),
                                 "layers": [l.describe() for l in self.layers]})

    def __call__(self, x):
        if not isinstance(x, KerasTensor):
            raise TypeError("a model is called on a tensor")
        node = {"layer": self.name, "class": "Sequential", "inputs": [x.label()]}
        RECORD["calls"].append(node)
        return KerasTensor(self.name, [x], None)


class Model:
    def __init__(self, inputs=None, outputs=None, name=None, **kwargs):
        ins = inputs if isinstance(inputs, list) else [inputs]
        outs = outputs if isinstance(outputs, list) else [outputs]
        if not all(isinstance(t, KerasTensor) for t in ins + outs):
            raise TypeError("keras.Model(inputs, outputs) takes tensors")
        RECORD["models"].append({"kind": "Functional", "name": name, "outputs": [t.label() for t in outs]})
