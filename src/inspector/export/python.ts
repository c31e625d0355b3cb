/**
 * "Reproduce in Python": a self-contained script (numpy only) holding the weights and the current
 * input as exact float32 literals, with a forward pass that prints values_0 .. values_n the way
 * the course's predict_and_log does, then the predicted class.
 *
 * Safety: every name from a model goes into the script only as an ASCII Python string literal
 * (pythonString), never into code or comments, so a name cannot inject code. The whole script is
 * ASCII.
 */
import type { Tensor, Trace } from '../types';
import { formatFloat32 } from './floats';
import { safeFilename, weightShortName } from './names';
import { checkTensor } from './tensors';
import type { ExportFile } from './types';
import { inspectorExport as X } from '../../i18n/messages/inspector-export';
import { PYTHON_FORWARD_PASS, PYTHON_KIND_CLASSES, PYTHON_KIND_CONFIG_KEYS } from './pythonForward';
import type { Scaler } from '../../models/types';

/** The Keras classes the script can run; any other class raises NotImplementedError when reached. */
export const PYTHON_LAYER_CLASSES: readonly string[] = [
  'InputLayer',
  'Dense',
  'Activation',
  'Dropout',
  'Flatten',
  'Add',
  'Concatenate',
  ...PYTHON_KIND_CLASSES,
];

/** The config entries the script reads (numbers, booleans, strings, lists of numbers). */
const CONFIG_KEYS: readonly string[] = [...new Set(['axis', 'epsilon', 'center', 'scale', 'offset', ...PYTHON_KIND_CONFIG_KEYS])];
export const PYTHON_ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'relu6', 'elu', 'selu', 'softplus', 'softsign', 'swish', 'silu', 'mish'] as const;

/** A Python string literal for any JavaScript string, ASCII only: "a\"b", "\n", "\u00e4". */
export function pythonString(s: string): string {
  let out = '"';
  for (const ch of String(s)) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** A float32 as a Python float literal that np.float32 turns back into the same bits. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'np.nan';
  if (x === Infinity) return 'np.inf';
  if (x === -Infinity) return '-np.inf';
  if (Object.is(x, -0)) return '-0.0';
  return formatFloat32(x);
}

/** np.array([...], dtype=np.float32) with the exact shape; rows of the last axis on one line each. */
export function pythonArray(t: { shape: number[]; values: ArrayLike<number> }, indent: string): string {
  checkTensor('python array', t.shape, t.values);
  const { shape, values } = t;
  if (shape.length === 0) return `np.array(${pythonFloat(values[0])}, dtype=np.float32)`;
  if (values.length === 0) return `np.zeros((${shape.join(', ')}${shape.length === 1 ? ',' : ''}), dtype=np.float32)`;
  let pos = 0;
  const build = (dim: number, ind: string): string => {
    if (dim === shape.length - 1) {
      const items: string[] = [];
      for (let i = 0; i < shape[dim]; i++) items.push(pythonFloat(values[pos++]));
      return `[${items.join(', ')}]`;
    }
    const parts: string[] = [];
    if (values.length <= 16) {
      for (let i = 0; i < shape[dim]; i++) parts.push(build(dim + 1, ind));
      return `[${parts.join(', ')}]`;
    }
    const inner = ind + '    ';
    for (let i = 0; i < shape[dim]; i++) parts.push(inner + build(dim + 1, inner));
    return `[\n${parts.join(',\n')},\n${ind}]`;
  };
  return `np.array(${build(0, indent)}, dtype=np.float32)`;
}

function pythonValue(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'None';
  if (Array.isArray(v)) return `[${v.map(pythonValue).join(', ')}]`;
  return pythonString(String(v));
}

/** The few config entries the forward pass needs, as a Python dict literal. */
function pythonConfig(config: Record<string, unknown>): string {
  const items = CONFIG_KEYS.filter((k) => config[k] !== undefined).map(
    (k) => `${pythonString(k)}: ${pythonValue(config[k])}`,
  );
  return `{${items.join(', ')}}`;
}


/** The activation as a name: "relu", or Keras' serialized form {class_name: "relu"}; null when absent. */
export function activationName(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const name = o.class_name ?? o.className ?? o.name;
    if (typeof name === 'string') return name;
  }
  return String(value);
}

/**
 * For step i, the k of each values_k that feeds it: the trace's inputValues when present, else
 * found by name ("values_0", or the latest earlier step of that name); the previous value when
 * a name is unknown.
 */
export function inputValueIndices(trace: Trace, i: number): number[] {
  const step = trace.steps[i];
  if (step.inputValues && step.inputValues.length === step.inputNames.length && step.inputValues.every((k) => k >= 0 && k <= i)) {
    return step.inputValues;
  }
  const found = step.inputNames.map((n) => {
    if (n === 'values_0') return 0;
    for (let j = i - 1; j >= 0; j--) if (trace.steps[j].name === n) return j + 1;
    return -1;
  });
  return found.length > 0 && found.every((k) => k >= 0) ? found : [i];
}

function tensorEquals(a: Tensor, b: Tensor): boolean {
  if (a.shape.join() !== b.shape.join() || a.values.length !== b.values.length) return false;
  for (let i = 0; i < a.values.length; i++) if (!Object.is(a.values[i], b.values[i])) return false;
  return true;
}

export function pythonScript(trace: Trace, title: string, classNames: string[] | null = null, scaler: Scaler | null = null): string {
  if (trace.values.length === 0) throw new Error(X.noInput);
  const lines: string[] = [
    '#!/usr/bin/env python3',
    '# Made by Layer Lens: reproduces one layer-by-layer run of a Keras-style model with numpy only.',
    '# Run it with: python3 <this file>. It prints values_0 .. values_n as the course\'s',
    '# predict_and_log does (values_0 is the input, values_{i+1} the output of layer_i), then the',
    '# predicted class. Weights and input are float32, written with digits that read back exactly.',
    'import numpy as np',
    '',
    `TITLE = ${pythonString(title)}`,
    `CLASS_NAMES = ${classNames ? `[${classNames.map(pythonString).join(', ')}]` : 'None'}`,
    '',
  ];
  const values0 = trace.values[0];
  const scaled = scaler !== null && scaler.mean.length === trace.raw.values.length;
  if (scaled || !tensorEquals(trace.raw, values0)) {
    lines.push(`# The input as the user gave it, before the scaling the model expects${scaled ? '' : ' (not used below)'}.`);
    lines.push(`raw_input = ${pythonArray(trace.raw, '')}`);
  }
  if (scaled && scaler) {
    const list = (v: number[]) => `np.array([${v.map((x) => String(x)).join(', ')}], dtype=np.float64)`;
    lines.push(
      "# The StandardScaler the model expects (sklearn's mean_ and scale_): values_0 = (raw - mean) / scale.",
      `SCALER_MEAN = ${list(scaler.mean)}`,
      `SCALER_SCALE = ${list(scaler.scale)}`,
    );
  }
  lines.push('# values_0: the model input.');
  lines.push(`values_0 = ${pythonArray(values0, '')}`);
  if (scaled) {
    lines.push(
      '# values_0 is the raw input scaled (computed in float64, stored as float32), as this check shows:',
      'assert np.allclose(((raw_input.astype(np.float64) - SCALER_MEAN) / SCALER_SCALE).astype(np.float32), values_0, rtol=1e-6, atol=1e-6)',
    );
  }
  lines.push('', 'LAYERS = [');
  for (const [i, step] of trace.steps.entries()) {
    const ind = '        ';
    lines.push('    {');
    lines.push(`        "name": ${pythonString(step.name)},`);
    lines.push(`        "class_name": ${pythonString(step.className)},`);
    lines.push(`        "inputs": [${inputValueIndices(trace, i).join(', ')}],`);
    lines.push(`        "activation": ${pythonValue(activationName(step.config.activation))},`);
    lines.push(`        "config": ${pythonConfig(step.config)},`);
    if (step.params.length === 0) lines.push('        "weights": {},');
    else {
      lines.push('        "weights": {');
      for (const p of step.params) {
        lines.push(`            ${pythonString(weightShortName(p.name))}: ${pythonArray(p, ind + '    ')},`);
      }
      lines.push('        },');
    }
    lines.push('    },');
  }
  lines.push(']', '', '', PYTHON_FORWARD_PASS);
  return lines.join('\n');
}

export function pythonFile(trace: Trace, title: string, classNames: string[] | null = null, scaler: Scaler | null = null): ExportFile {
  return {
    filename: safeFilename([title, 'reproduce'], 'py'),
    mime: 'text/x-python',
    data: pythonScript(trace, title, classNames, scaler),
  };
}
