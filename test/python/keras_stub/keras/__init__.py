"""A stand-in for Keras 3 that checks the code Layer Lens writes without Keras installed.

Each layer class accepts exactly the arguments of Keras 3's constructor (positional ones in
Keras' order), so a misspelt or invented argument fails as it would in Keras. Building a model
records its structure, which check_keras_code.py prints as JSON.
"""
from . import layers  # noqa: F401
from . import losses, optimizers, utils  # noqa: F401
from .layers import KerasTensor, Layer, RECORD


class _Trainer:
    """compile / fit / evaluate with Keras 3's arguments (keras/src/trainers/trainer.py); recorded."""

    def compile(self, optimizer="rmsprop", loss=None, loss_weights=None, metrics=None, weighted_metrics=None,
                run_eagerly=False, steps_per_execution=1, jit_compile="auto", auto_scale_loss=True):
        if isinstance(optimizer, str):
            opt = {"class": optimizer}
        elif isinstance(optimizer, optimizers.RMSprop):  # every optimizer of the stand-in
            opt = optimizer.describe()
        else:
            raise TypeError(f"unknown optimizer {optimizer!r}")
        if isinstance(loss, losses._Loss):
            loss = {"class": type(loss).__name__, "from_logits": loss.from_logits}
        elif not isinstance(loss, str):
            raise TypeError(f"unknown loss {loss!r}")
        RECORD["compile"] = {"optimizer": opt, "loss": loss, "metrics": metrics}

    def fit(self, x=None, y=None, batch_size=None, epochs=1, verbose="auto", callbacks=None, validation_split=0.0,
            validation_data=None, shuffle=True, class_weight=None, sample_weight=None, initial_epoch=0,
            steps_per_epoch=None, validation_steps=None, validation_batch_size=None, validation_freq=1):
        if "compile" not in RECORD:
            raise RuntimeError("You must call `compile()` before using the model.")
        if not isinstance(epochs, int):
            raise TypeError("epochs is an int")
        RECORD["fit"] = {"epochs": epochs, "batch_size": batch_size, "validation_split": validation_split}

    def evaluate(self, x=None, y=None, batch_size=None, verbose="auto", sample_weight=None, steps=None,
                 callbacks=None, return_dict=False, **kwargs):
        if "compile" not in RECORD:
            raise RuntimeError("You must call `compile()` before using the model.")


def Input(shape=None, batch_size=None, dtype=None, sparse=None, batch_shape=None, name=None, tensor=None, optional=False):
    if not isinstance(shape, tuple) or not all(isinstance(d, int) or d is None for d in shape):
        raise TypeError(f"Input(shape=...) needs a tuple of ints, got {shape!r}")
    t = KerasTensor(None, [], shape)
    RECORD["inputs"].append({"name": name, "shape": list(shape)})
    t.input_name = name
    return t


class Sequential(_Trainer):
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


class Model(_Trainer):
    def __init__(self, inputs=None, outputs=None, name=None, **kwargs):
        ins = inputs if isinstance(inputs, list) else [inputs]
        outs = outputs if isinstance(outputs, list) else [outputs]
        if not all(isinstance(t, KerasTensor) for t in ins + outs):
            raise TypeError("keras.Model(inputs, outputs) takes tensors")
        RECORD["models"].append({"kind": "Functional", "name": name, "outputs": [t.label() for t in outs]})
