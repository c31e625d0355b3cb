"""Keras 3 layer constructors: their argument names in Keras' order (keras/src/layers/*)."""
import inspect

RECORD = {"inputs": [], "models": [], "calls": []}

_COMMON = ["name", "dtype", "trainable", "autocast", "input_shape", "input_dim", "batch_size"]
_INIT = ["kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
         "activity_regularizer", "kernel_constraint", "bias_constraint"]
_CONV = ["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups",
         "activation", "use_bias"] + _INIT
_SEP = ["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "depth_multiplier",
        "activation", "use_bias", "depthwise_initializer", "pointwise_initializer", "bias_initializer",
        "depthwise_regularizer", "pointwise_regularizer", "bias_regularizer", "activity_regularizer",
        "depthwise_constraint", "pointwise_constraint", "bias_constraint"]
_DEPTH = ["kernel_size", "strides", "padding", "depth_multiplier", "data_format", "dilation_rate",
          "activation", "use_bias", "depthwise_initializer", "bias_initializer", "depthwise_regularizer",
          "bias_regularizer", "activity_regularizer", "depthwise_constraint", "bias_constraint"]
_POOL = ["pool_size", "strides", "padding", "data_format"]
_GPOOL = ["data_format", "keepdims"]
_MERGE = []

SIGNATURES = {
    "Dense": ["units", "activation", "use_bias"] + _INIT + ["lora_rank"],
    "Activation": ["activation"],
    "Dropout": ["rate", "noise_shape", "seed"],
    "Flatten": ["data_format"],
    "Rescaling": ["scale", "offset"],
    "Conv1D": _CONV, "Conv2D": _CONV, "Conv3D": _CONV,
    "SeparableConv1D": _SEP, "SeparableConv2D": _SEP,
    "DepthwiseConv2D": _DEPTH,
    "MaxPooling1D": _POOL, "MaxPooling2D": _POOL, "MaxPooling3D": _POOL,
    "AveragePooling1D": _POOL, "AveragePooling2D": _POOL, "AveragePooling3D": _POOL,
    "GlobalAveragePooling1D": _GPOOL, "GlobalAveragePooling2D": _GPOOL, "GlobalAveragePooling3D": _GPOOL,
    "GlobalMaxPooling1D": _GPOOL, "GlobalMaxPooling2D": _GPOOL, "GlobalMaxPooling3D": _GPOOL,
    "BatchNormalization": ["axis", "momentum", "epsilon", "center", "scale", "beta_initializer",
                           "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer",
                           "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint",
                           "synchronized"],
    "ZeroPadding1D": ["padding", "data_format"], "ZeroPadding2D": ["padding", "data_format"],
    "Reshape": ["target_shape"], "Permute": ["dims"],
    "ReLU": ["max_value", "negative_slope", "threshold"],
    "Softmax": ["axis"], "LeakyReLU": ["negative_slope"],
    "Add": _MERGE, "Subtract": _MERGE, "Multiply": _MERGE, "Average": _MERGE, "Maximum": _MERGE,
    "Minimum": _MERGE, "Concatenate": ["axis"],
    "RandomFlip": ["mode", "seed"],
    "RandomRotation": ["factor", "fill_mode", "interpolation", "seed", "fill_value", "data_format"],
    "RandomZoom": ["height_factor", "width_factor", "fill_mode", "interpolation", "seed", "fill_value", "data_format"],
    "RandomTranslation": ["height_factor", "width_factor", "fill_mode", "interpolation", "seed", "fill_value", "data_format"],
    "RandomContrast": ["factor", "seed"], "RandomBrightness": ["factor", "value_range", "seed"],
    "RandomCrop": ["height", "width", "seed", "data_format"],
}
# Arguments Keras requires (no default).
REQUIRED = {"Dense": 1, "Activation": 1, "Dropout": 1, "Rescaling": 1, "Reshape": 1, "Permute": 1,
            "Conv1D": 2, "Conv2D": 2, "Conv3D": 2, "SeparableConv1D": 2, "SeparableConv2D": 2,
            "DepthwiseConv2D": 1, "RandomRotation": 1, "RandomZoom": 1, "RandomTranslation": 2,
            "RandomContrast": 1, "RandomBrightness": 1, "RandomCrop": 2}


class KerasTensor:
    def __init__(self, producer, parents, shape):
        self.producer = producer
        self.parents = parents
        self.shape = shape
        self.input_name = None

    def label(self):
        return self.producer if self.producer is not None else self.input_name


class Layer:
    cls = "Layer"

    def __init__(self, *args, **kwargs):
        names = SIGNATURES[self.cls]
        if len(args) > len(names):
            raise TypeError(f"{self.cls}() takes at most {len(names)} positional arguments, got {len(args)}")
        for k in kwargs:
            if k not in names and k not in _COMMON:
                raise TypeError(f"{self.cls}() got an unexpected keyword argument '{k}'")
        given = dict(zip(names, args))
        for k, v in kwargs.items():
            if k in given:
                raise TypeError(f"{self.cls}() got multiple values for argument '{k}'")
            given[k] = v
        need = names[:REQUIRED.get(self.cls, 0)]
        missing = [n for n in need if n not in given]
        if missing:
            raise TypeError(f"{self.cls}() missing required argument(s): {missing}")
        self.args = given
        self.name = kwargs.get("name")

    def describe(self):
        def plain(v):
            return list(v) if isinstance(v, tuple) else v
        return {"class": self.cls, "name": self.name, "args": {k: plain(v) for k, v in self.args.items() if k != "name"}}

    def __call__(self, x):
        xs = x if isinstance(x, list) else [x]
        if not all(isinstance(t, KerasTensor) for t in xs):
            raise TypeError(f"{self.cls} is called on tensors")
        if self.cls in ("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate") and len(xs) < 2:
            raise TypeError(f"{self.cls} merges a list of at least two tensors")
        RECORD["calls"].append({"layer": self.name, **self.describe(), "inputs": [t.label() for t in xs]})
        return KerasTensor(self.name, xs, None)


for _cls in SIGNATURES:
    globals()[_cls] = type(_cls, (Layer,), {"cls": _cls})
