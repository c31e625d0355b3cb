/**
 * The forward pass of the "Reproduce in Python" script (numpy only), appended after the data
 * (TITLE, CLASS_NAMES, values_0, LAYERS). Fixed text: no name from a model is ever put in here.
 * The layer kinds in src/inspector/layers bring their own numpy functions (LayerKind.python);
 * run_layer calls them through KIND_FUNCTIONS and handles the rest itself.
 */
import { PYTHON_WINDOW_HELPERS, pythonParts } from '../layers';

const parts = pythonParts();

/** The Keras classes the kinds' own numpy functions handle. */
export const PYTHON_KIND_CLASSES: string[] = parts.flatMap((p) => p.classNames);

/** Every config key a kind's numpy function reads. */
export const PYTHON_KIND_CONFIG_KEYS: string[] = [...new Set(parts.flatMap((p) => p.part.configKeys))];

const KIND_CODE = [
  PYTHON_WINDOW_HELPERS,
  ...parts.map((p) => p.part.code),
  'KIND_FUNCTIONS = {',
  ...parts.flatMap((p) => p.classNames.map((c) => `    "${c}": ${p.part.fn},`)),
  '}',
  '',
].join('\n\n').replace(/\n\n(    "|})/g, '\n$1');

const BUILT_IN = `def safe_text(text):
    """Printable text only: a name from a model cannot send control codes to the terminal."""
    return "".join(c if c.isprintable() else "?" for c in str(text))


def activation(name, x, layer_name):
    if name is None or name == "linear":
        return x
    if name == "relu":
        return np.maximum(x, np.float32(0))
    if name == "sigmoid":
        return np.float32(1) / (np.float32(1) + np.exp(-x))
    if name == "tanh":
        return np.tanh(x)
    if name == "softmax":
        e = np.exp(x - np.max(x, axis=-1, keepdims=True))
        return e / np.sum(e, axis=-1, keepdims=True)
    v = x.astype(np.float64)
    if name == "relu6":
        return np.minimum(np.maximum(v, 0), 6).astype(np.float32)
    if name == "elu":
        return np.where(v > 0, v, np.expm1(v)).astype(np.float32)
    if name == "selu":
        return (1.0507009873554805 * np.where(v > 0, v, 1.6732632423543772 * np.expm1(v))).astype(np.float32)
    if name == "softplus":
        return np.log1p(np.exp(v)).astype(np.float32)
    if name == "softsign":
        return (v / (1 + np.abs(v))).astype(np.float32)
    if name in ("swish", "silu"):
        return (v / (1 + np.exp(-v))).astype(np.float32)
    if name == "mish":
        return (v * np.tanh(np.log1p(np.exp(v)))).astype(np.float32)
    raise NotImplementedError(
        f"activation {name!r} of layer {layer_name!r} is not reproduced by this script"
    )


def run_layer(layer, inputs):
    kind = layer["class_name"]
    name = layer["name"]
    if kind in KIND_FUNCTIONS:
        return KIND_FUNCTIONS[kind](layer, inputs)
    x = inputs[0]
    if kind in ("InputLayer", "Dropout"):
        # Dropout only acts while training: at prediction time it passes values through.
        return x
    if kind == "Flatten":
        # channels_first: Keras moves the channels last before flattening.
        x, _ = _channels_last(x, layer) if x.ndim > 2 else (x, False)
        return x.reshape(x.shape[0], -1)
    if kind == "Dense":
        # Keras' order: kernel, then bias (when use_bias).
        # The products are summed in float64 and rounded once to float32, as TensorFlow.js'
        # cpu backend does; plain float32 "x @ kernel" agrees to about 1e-6.
        params = list(layer["weights"].values())
        out = (x.astype(np.float64) @ params[0].astype(np.float64)).astype(np.float32)
        if len(params) > 1:
            out = out + params[1]
        return activation(layer["activation"], out, name)
    if kind == "Activation":
        return activation(layer["activation"], x, name)
    config = layer["config"]
    if kind == "Add":
        out = inputs[0]
        for other in inputs[1:]:
            out = out + other
        return out
    if kind == "Concatenate":
        return np.concatenate(inputs, axis=config.get("axis", -1))
    raise NotImplementedError(
        f"layer {name!r} of class {kind!r} is not reproduced by this script (it knows "
        f"InputLayer, Dense, Activation, Dropout, Flatten, Add, Concatenate and {', '.join(sorted(KIND_FUNCTIONS))})"
    )


def predict_and_log(values_0):
    # all_values[k] is values_k; a layer's "inputs" are the k of the values that feed it.
    all_values = [values_0]
    values = values_0
    print("values_0:", values)
    for i, layer in enumerate(LAYERS):
        inputs = [all_values[k] for k in layer["inputs"]]
        values = run_layer(layer, inputs).astype(np.float32)
        all_values.append(values)
        print(f"values_{i + 1}:", values)
    return values


if __name__ == "__main__":
    output = predict_and_log(values_0)
    if output.shape[-1] > 1:
        index = int(np.argmax(output.reshape(-1, output.shape[-1])[0]))
        if CLASS_NAMES is not None and len(CLASS_NAMES) == output.shape[-1]:
            print("predicted class:", index, safe_text(CLASS_NAMES[index]))
        else:
            print("predicted class:", index)
    else:
        print("prediction:", output.reshape(-1)[0])
`;

export const PYTHON_FORWARD_PASS = BUILT_IN.replace('\n\ndef run_layer(', `\n\n${KIND_CODE}\n\ndef run_layer(`);
