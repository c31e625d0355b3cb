/**
 * The Keras 3 code that builds the model on screen: `keras.Sequential([...])` for a chain that
 * tfjs holds as a Sequential, the functional API (`inputs = keras.Input(...)`, `x = layer(x)`,
 * `keras.Model(inputs, outputs)`) for anything else. Each layer is written with the arguments that
 * differ from Keras' defaults, in Keras' own spelling, so the code reads as a learner would write
 * it. Names from a model only enter as Python string literals or as sanitised identifiers.
 */
import type { LayersModel } from '../../models/tf';
import { toSnakeConfig } from '../snake-config';
import { pythonString } from './python';

/** One constructor argument: where it comes from in the (snake_case) config and how Keras spells it. */
interface Arg {
  key: string;
  /** Keras 3's keyword when it differs from the config key (tfjs' LeakyReLU `alpha`). */
  kw?: string;
  /** Written without its keyword, in this order, before the keywords. */
  positional?: boolean;
  /** Keras' default: an argument equal to it is left out. */
  default?: unknown;
}

const ACTIVATION: Arg = { key: 'activation', default: 'linear' };
const USE_BIAS: Arg = { key: 'use_bias', default: true };
const conv = (depthwise: boolean, separable: boolean): Arg[] => [
  ...(depthwise ? [] : [{ key: 'filters', positional: true }]),
  { key: 'kernel_size', positional: true },
  { key: 'strides', default: 1 },
  { key: 'padding', default: 'valid' },
  ...(depthwise || separable ? [{ key: 'depth_multiplier', default: 1 }] : []),
  { key: 'dilation_rate', default: 1 },
  ...(depthwise || separable ? [] : [{ key: 'groups', default: 1 }]),
  ACTIVATION,
  USE_BIAS,
];
const pool: Arg[] = [{ key: 'pool_size', default: 2 }, { key: 'strides', default: 'pool_size' }, { key: 'padding', default: 'valid' }];
const globalPool: Arg[] = [{ key: 'keepdims', default: false }];

/** The Keras classes this writer knows, with the arguments that carry the architecture. */
const LAYER_ARGS: Record<string, Arg[]> = {
  Dense: [{ key: 'units', positional: true }, ACTIVATION, USE_BIAS],
  Activation: [{ key: 'activation', positional: true }],
  Dropout: [{ key: 'rate', positional: true }],
  Flatten: [],
  Rescaling: [{ key: 'scale', positional: true }, { key: 'offset', default: 0 }],
  Conv1D: conv(false, false),
  Conv2D: conv(false, false),
  Conv3D: conv(false, false),
  SeparableConv1D: conv(false, true),
  SeparableConv2D: conv(false, true),
  DepthwiseConv2D: conv(true, false),
  MaxPooling1D: pool,
  MaxPooling2D: pool,
  MaxPooling3D: pool,
  AveragePooling1D: pool,
  AveragePooling2D: pool,
  AveragePooling3D: pool,
  GlobalAveragePooling1D: globalPool,
  GlobalAveragePooling2D: globalPool,
  GlobalAveragePooling3D: globalPool,
  GlobalMaxPooling1D: globalPool,
  GlobalMaxPooling2D: globalPool,
  GlobalMaxPooling3D: globalPool,
  BatchNormalization: [
    { key: 'axis', default: -1 },
    { key: 'momentum', default: 0.99 },
    { key: 'epsilon', default: 0.001 },
    { key: 'center', default: true },
    { key: 'scale', default: true },
  ],
  ZeroPadding1D: [{ key: 'padding', default: 1 }],
  ZeroPadding2D: [{ key: 'padding', default: 1 }],
  Reshape: [{ key: 'target_shape', positional: true }],
  Permute: [{ key: 'dims', positional: true }],
  ReLU: [{ key: 'max_value', default: null }, { key: 'negative_slope', default: 0 }, { key: 'threshold', default: 0 }],
  Softmax: [{ key: 'axis', default: -1 }],
  LeakyReLU: [{ key: 'alpha', kw: 'negative_slope', default: 0.3 }],
  Add: [],
  Subtract: [],
  Multiply: [],
  Average: [],
  Maximum: [],
  Minimum: [],
  Concatenate: [{ key: 'axis', default: -1 }],
  RandomFlip: [{ key: 'mode', default: 'horizontal_and_vertical' }],
  RandomRotation: [{ key: 'factor', positional: true }],
  RandomZoom: [{ key: 'height_factor', positional: true }, { key: 'width_factor', default: null }],
  RandomTranslation: [{ key: 'height_factor', positional: true }, { key: 'width_factor', positional: true }],
  RandomContrast: [{ key: 'factor', positional: true }],
  RandomBrightness: [{ key: 'factor', positional: true }],
  RandomCrop: [{ key: 'height', positional: true }, { key: 'width', positional: true }],
};

/** The classes the generated code can build; any other is written as a comment that says so. */
export const KERAS_CODE_CLASSES = Object.keys(LAYER_ARGS);

/** A number as Python writes it: whole numbers without a fraction ("1", not "1.0" is fine in Keras). */
function pyNumber(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'float("inf")' : x < 0 ? '-float("inf")' : 'float("nan")';
  return String(x);
}

/** A config value as a Python literal: tuples for lists, an int when all entries are equal. */
function pyValue(v: unknown, collapse = false): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumber(v);
  if (typeof v === 'string') return pythonString(v);
  if (Array.isArray(v)) {
    if (collapse && v.length > 0 && v.every((e) => typeof e === 'number' && e === v[0])) return pyNumber(v[0] as number);
    const items = v.map((e) => pyValue(e, collapse));
    return `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
  }
  return 'None';
}

/** tfjs' spellings of values that Keras spells differently. */
function kerasValue(key: string, v: unknown): unknown {
  if (typeof v === 'string' && key === 'data_format') return v === 'channelsFirst' ? 'channels_first' : 'channels_last';
  if (key === 'padding' && Array.isArray(v) && v.every((p) => Array.isArray(p) && p[0] === p[1])) {
    return (v as number[][]).map((p) => p[0]); // ZeroPadding2D ((1, 1), (1, 1)) -> (1, 1)
  }
  return v;
}

function isDefault(arg: Arg, v: unknown, config: Record<string, unknown>): boolean {
  if (arg.default === undefined) return false;
  if (arg.default === 'pool_size') return JSON.stringify(v) === JSON.stringify(config.pool_size) || v == null;
  if (v === undefined) return true;
  const flat = Array.isArray(v) && v.every((e) => typeof e === 'number' && e === v[0]) ? v[0] : v;
  return JSON.stringify(flat) === JSON.stringify(arg.default);
}

/** `layers.Dense(128, activation="relu")` for one layer, or null when the class is unknown here. */
export function layerCall(className: string, rawConfig: Record<string, unknown>): string | null {
  const args = LAYER_ARGS[className];
  if (!args) return null;
  const config = toSnakeConfig(rawConfig) as Record<string, unknown>;
  const positional: string[] = [];
  const keywords: string[] = [];
  for (const arg of args) {
    const v = kerasValue(arg.key, config[arg.key]);
    if (!arg.positional && isDefault(arg, v, config)) continue;
    const text = pyValue(v, arg.key !== 'target_shape' && arg.key !== 'dims');
    if (arg.positional) positional.push(text);
    else keywords.push(`${arg.kw ?? arg.key}=${text}`);
  }
  if (config.data_format === 'channelsFirst') keywords.push('data_format="channels_first"');
  return `layers.${className}(${[...positional, ...keywords].join(', ')})`;
}

/** The slice of tfjs' graph the writer reads. */
interface CodeLayer {
  name: string;
  getClassName(): string;
  getConfig(): Record<string, unknown>;
  inboundNodes: { inboundLayers: CodeLayer[]; nodeIndices: number[]; tensorIndices: number[] }[];
  layers?: CodeLayer[];
  inputs?: { shape: (number | null)[] }[];
}

const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield keras layers model inputs outputs'.split(' '),
);

/** Python identifiers for layer names, unique within one script. */
function identifiers(): (name: string) => string {
  const used = new Map<string, string>();
  const taken = new Set<string>();
  return (name) => {
    const hit = used.get(name);
    if (hit) return hit;
    let id = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, '_') || 'x';
    if (PY_KEYWORDS.has(id)) id += '_';
    let unique = id;
    for (let k = 2; taken.has(unique); k++) unique = `${id}_${k}`;
    taken.add(unique);
    used.set(name, unique);
    return unique;
  };
}

function shapeOf(config: Record<string, unknown>, fallback: (number | null)[] | undefined): string {
  const batch = (config.batch_input_shape ?? config.batch_shape ?? fallback) as (number | null)[] | undefined;
  return pyValue((batch ?? []).slice(1), false);
}

/** The layer's constructor call, and a trailing comment when Layer Lens does not know its arguments. */
function callParts(layer: CodeLayer): { call: string; comment: string } {
  const config = layer.getConfig();
  // tfjs' SeparableConv getConfig leaves out depthMultiplier (tfjs 4.22): read it off the layer.
  const dm = (layer as { depthMultiplier?: unknown }).depthMultiplier;
  if (config.depthMultiplier === undefined && typeof dm === 'number') config.depthMultiplier = dm;
  const call = layerCall(layer.getClassName(), config);
  return call
    ? { call, comment: '' }
    : { call: `layers.${layer.getClassName()}()`, comment: "  # Layer Lens does not know this layer's arguments" };
}

/** Adds `name="..."` to a layer call so the functional code keeps the model's layer names. */
function withName(call: string, name: string): string {
  return call.endsWith('()') ? `${call.slice(0, -1)}name=${pythonString(name)})` : `${call.slice(0, -1)}, name=${pythonString(name)})`;
}

function sequentialCode(model: CodeLayer, variable: string): string[] {
  const layers = model.layers ?? [];
  const first = layers[0];
  const inputShape = first ? shapeOf(toSnakeConfig(first.getConfig()) as Record<string, unknown>, model.inputs?.[0]?.shape) : '()';
  const lines = [`${variable} = keras.Sequential([`, `    keras.Input(shape=${inputShape}),`];
  for (const l of layers) {
    const { call, comment } = callParts(l);
    lines.push(`    ${call},${comment}`);
  }
  lines.push(`], name=${pythonString(model.name)})`);
  return lines;
}

type CodeModel = CodeLayer & { inputLayers?: CodeLayer[]; outputLayers?: CodeLayer[] };

function functionalCode(model: CodeModel): string[] {
  const id = identifiers();
  const lines: string[] = [];
  const inputs = (model.inputLayers ?? []).map((layer) => {
    const v = id(layer.name);
    const config = toSnakeConfig(layer.getConfig()) as Record<string, unknown>;
    lines.push(`${v} = keras.Input(shape=${shapeOf(config, undefined)}, name=${pythonString(layer.name)})`);
    return v;
  });
  for (const layer of model.layers ?? []) {
    const cls = layer.getClassName();
    if (cls === 'InputLayer') continue;
    let callee: string;
    let comment = '';
    if (cls === 'Sequential') {
      callee = id(`${layer.name}_model`);
      lines.push(...sequentialCode(layer, callee));
    } else if (layer.layers) {
      callee = 'None';
      comment = '  # a nested functional model: Layer Lens cannot write it yet';
    } else {
      const parts = callParts(layer);
      callee = withName(parts.call, layer.name);
      comment = parts.comment;
    }
    // A layer used more than once (shared) is built once and called on each of its inputs.
    const shared = layer.inboundNodes.filter((n) => n.inboundLayers.length > 0).length > 1 && !layer.layers;
    if (shared) {
      const fn = id(`${layer.name}_layer`);
      lines.push(`${fn} = ${callee}${comment}`);
      callee = fn;
      comment = '';
    }
    layer.inboundNodes.forEach((node, n) => {
      const srcs = node.inboundLayers.map((src) => id(src.name));
      if (srcs.length === 0) return;
      const arg = srcs.length === 1 ? srcs[0] : `[${srcs.join(', ')}]`;
      lines.push(`${id(n === 0 ? layer.name : `${layer.name}_${n}`)} = ${callee}(${arg})${comment}`);
    });
  }
  const outs = (model.outputLayers ?? []).map((l) => id(l.name));
  const list = (xs: string[]) => (xs.length === 1 ? xs[0] : `[${xs.join(', ')}]`);
  lines.push(`model = keras.Model(${list(inputs)}, ${list(outs)}, name=${pythonString(model.name)})`);
  return lines;
}

export interface KerasCodeOptions {
  /** The `model.compile(...)` line, where known (a course recipe; a file's training config). */
  compile?: string;
  /** The `model.fit(...)` line, where known. */
  fit?: string;
}

/** Keras 3 code that builds the same architecture as `model` (weights not included). */
export function kerasCode(model: LayersModel, opts: KerasCodeOptions = {}): string {
  const m = model as unknown as CodeModel;
  const body = model.getClassName() === 'Sequential' && !(m.layers ?? []).some((l) => l.getClassName() === 'Sequential')
    ? sequentialCode(m, 'model')
    : functionalCode(m);
  const lines = ['import keras', 'from keras import layers', '', ...body];
  if (opts.compile) lines.push(opts.compile);
  if (opts.fit) lines.push(opts.fit);
  return lines.join('\n') + '\n';
}
