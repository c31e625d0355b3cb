/**
 * Shapes and weight counts from a tfjs-ready model config, BEFORE tfjs builds anything: each layer's
 * output shape follows Keras' rules from the shape that really reaches it (a Dense after Flatten
 * reads the conv/pool output, not the model's input), so the "more weights than the file holds"
 * guard can refuse a broken file without refusing real image networks.
 *
 * Shapes are without the batch axis; `null` is "not known here" (a layer kind without a rule, or
 * a size Keras itself leaves open). The counts are a LOWER bound of the weights a model needs:
 * layers without a rule count 0, so the guard never refuses a model because of a missing rule.
 */
import { isPlainObject } from './file-like';
import { IDENTITY_AT_INFERENCE } from './augmentation-layers';

type Dict = Record<string, unknown>;
export type Shape = (number | null)[];

export interface LayerEstimate {
  name: string;
  className: string;
  /** Output shape(s) of the layer's first call, or null when not known. */
  output: Shape | null;
  /** Weights the layer needs (0 when it has none or there is no rule for it). */
  params: number;
}

const IDENTITY = new Set<string>([
  'Activation', 'Dropout', 'ReLU', 'LeakyReLU', 'ELU', 'Softmax', 'ThresholdedReLU', 'Rescaling',
  'GaussianNoise', 'GaussianDropout', 'AlphaDropout', 'SpatialDropout1D', 'SpatialDropout2D',
  'SpatialDropout3D', 'Masking', 'Identity', 'ActivityRegularization', 'Normalization',
  ...IDENTITY_AT_INFERENCE,
]);
const ELEMENTWISE_MERGE = new Set(['Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum']);

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A Keras tuple argument: 3 or [3] or [3, 3] -> `rank` numbers (null when malformed). */
function tuple(v: unknown, rank: number, fallback?: number[]): number[] | null {
  if (v == null && fallback) return fallback;
  if (typeof v === 'number') return Array(rank).fill(v);
  if (Array.isArray(v) && v.length === 1 && rank > 1 && typeof v[0] === 'number') return Array(rank).fill(v[0]);
  if (Array.isArray(v) && v.length === rank && v.every((x) => typeof x === 'number' && x > 0)) return v as number[];
  return null;
}

const product = (xs: number[]) => xs.reduce((a, b) => a * b, 1);

/** Keras' conv_output_length. */
function convLength(n: number | null, k: number, padding: unknown, s: number, d = 1): number | null {
  if (n == null) return null;
  const dk = k + (k - 1) * (d - 1);
  if (padding === 'same' || padding === 'causal') return Math.ceil(n / s);
  return Math.floor((n - dk + s) / s);
}

/** Splits a shape into spatial axes and channels per data_format. */
function split(shape: Shape, rank: number, cfg: Dict): { spatial: (number | null)[]; channels: number | null; first: boolean } | null {
  if (shape.length !== rank + 1) return null;
  const first = cfg.data_format === 'channels_first';
  return first ? { spatial: shape.slice(1), channels: shape[0], first } : { spatial: shape.slice(0, rank), channels: shape[rank], first };
}

function join(spatial: (number | null)[], channels: number | null, first: boolean): Shape {
  return first ? [channels, ...spatial] : [...spatial, channels];
}

function rankOf(className: string): number {
  const m = /([123])D/.exec(className);
  return m ? Number(m[1]) : 2;
}

/** One layer: output shape and weight count from its input shape(s). */
export function layerEstimate(className: string, cfg: Dict, inputs: (Shape | null)[]): { output: Shape | null; params: number } {
  const x = inputs[0] ?? null;
  const none = { output: null, params: 0 };
  if (className === 'InputLayer') {
    const s = cfg.batch_input_shape;
    return { output: Array.isArray(s) ? (s.slice(1) as Shape) : null, params: 0 };
  }
  if (IDENTITY.has(className)) return { output: x, params: 0 };
  if (ELEMENTWISE_MERGE.has(className)) return { output: x, params: 0 };
  if (className === 'Concatenate') {
    if (inputs.some((s) => s == null)) return none;
    const shapes = inputs as Shape[];
    const axisRaw = num(cfg.axis) ?? -1;
    const axis = axisRaw < 0 ? shapes[0].length + axisRaw : axisRaw - 1;
    const out = shapes[0].slice();
    if (axis < 0 || axis >= out.length) return none;
    out[axis] = shapes.every((s) => s[axis] != null) ? shapes.reduce((a, s) => a + (s[axis] as number), 0) : null;
    return { output: out, params: 0 };
  }
  if (x == null) return none;
  const last = x[x.length - 1];
  switch (className) {
    case 'Dense': {
      const units = num(cfg.units);
      if (units == null) return none;
      const useBias = cfg.use_bias !== false;
      return { output: [...x.slice(0, -1), units], params: last == null ? 0 : last * units + (useBias ? units : 0) };
    }
    case 'Flatten':
      return { output: [x.every((d) => d != null) ? product(x as number[]) : null], params: 0 };
    case 'Reshape': {
      const t = cfg.target_shape;
      if (!Array.isArray(t) || !t.every((d) => typeof d === 'number')) return none;
      const known = x.every((d) => d != null) ? product(x as number[]) : null;
      const fixed = product((t as number[]).filter((d) => d !== -1));
      return { output: (t as number[]).map((d) => (d === -1 ? (known != null && fixed > 0 ? known / fixed : null) : d)), params: 0 };
    }
    case 'BatchNormalization':
    case 'LayerNormalization': {
      const axis = Array.isArray(cfg.axis) && cfg.axis.length === 1 ? num(cfg.axis[0]) : (num(cfg.axis) ?? -1);
      const a = axis == null ? null : axis < 0 ? x.length + axis : axis - 1;
      const c = a == null ? null : (x[a] ?? null);
      const per = className === 'BatchNormalization' ? 2 + (cfg.center !== false ? 1 : 0) + (cfg.scale !== false ? 1 : 0) : (cfg.center !== false ? 1 : 0) + (cfg.scale !== false ? 1 : 0);
      return { output: x, params: c == null ? 0 : per * c };
    }
    case 'Embedding': {
      const i = num(cfg.input_dim);
      const o = num(cfg.output_dim);
      return { output: o == null ? null : [...x, o], params: i != null && o != null ? i * o : 0 };
    }
    case 'GlobalAveragePooling1D':
    case 'GlobalMaxPooling1D':
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
    case 'GlobalAveragePooling3D':
    case 'GlobalMaxPooling3D': {
      const p = split(x, rankOf(className), cfg);
      return p ? { output: [p.channels], params: 0 } : none;
    }
  }
  const conv = /^(Conv|SeparableConv|DepthwiseConv|Conv(?=\dDTranspose))([123])D(Transpose)?$/.exec(className);
  if (conv) {
    const rank = Number(conv[2]);
    const p = split(x, rank, cfg);
    const k = tuple(cfg.kernel_size, rank);
    const s = tuple(cfg.strides, rank, Array(rank).fill(1));
    const d = tuple(cfg.dilation_rate, rank, Array(rank).fill(1));
    if (!p || !k || !s || !d) return none;
    const filters = num(cfg.filters);
    const c = p.channels;
    const useBias = cfg.use_bias !== false;
    if (conv[3]) {
      const spatial = p.spatial.map((n, i) => (n == null ? null : cfg.padding === 'same' ? n * s[i] : n * s[i] + Math.max(k[i] - s[i], 0)));
      return { output: join(spatial, filters, p.first), params: c == null || filters == null ? 0 : product(k) * c * filters + (useBias ? filters : 0) };
    }
    const spatial = p.spatial.map((n, i) => convLength(n, k[i], cfg.padding, s[i], d[i]));
    if (conv[1] === 'DepthwiseConv') {
      const m = num(cfg.depth_multiplier) ?? 1;
      return { output: join(spatial, c == null ? null : c * m, p.first), params: c == null ? 0 : product(k) * c * m + (useBias ? c * m : 0) };
    }
    if (conv[1] === 'SeparableConv') {
      const m = num(cfg.depth_multiplier) ?? 1;
      return { output: join(spatial, filters, p.first), params: c == null || filters == null ? 0 : product(k) * c * m + c * m * filters + (useBias ? filters : 0) };
    }
    return { output: join(spatial, filters, p.first), params: c == null || filters == null ? 0 : product(k) * c * filters + (useBias ? filters : 0) };
  }
  const pool = /^(Max|Average)Pooling([123])D$/.exec(className);
  if (pool) {
    const rank = Number(pool[2]);
    const p = split(x, rank, cfg);
    const k = tuple(cfg.pool_size, rank, Array(rank).fill(2));
    const s = cfg.strides == null ? k : tuple(cfg.strides, rank);
    if (!p || !k || !s) return none;
    return { output: join(p.spatial.map((n, i) => convLength(n, k[i], cfg.padding, s[i])), p.channels, p.first), params: 0 };
  }
  const pad = /^(ZeroPadding|Cropping|UpSampling)([123])D$/.exec(className);
  if (pad) {
    const rank = Number(pad[2]);
    const p = split(x, rank, cfg);
    if (!p) return none;
    if (pad[1] === 'UpSampling') {
      const f = tuple(cfg.size, rank, Array(rank).fill(2));
      return f ? { output: join(p.spatial.map((n, i) => (n == null ? null : n * f[i])), p.channels, p.first), params: 0 } : none;
    }
    const key = pad[1] === 'ZeroPadding' ? 'padding' : 'cropping';
    const v = cfg[key];
    const perAxis: [number, number][] = [];
    for (let i = 0; i < rank; i++) {
      const a = typeof v === 'number' ? v : Array.isArray(v) ? (rank === 1 ? v : v[i]) : 1;
      const pair = typeof a === 'number' ? [a, a] : Array.isArray(a) && a.length === 2 ? a : Array.isArray(v) && rank === 1 && v.length === 2 ? v : null;
      if (!pair || !pair.every((z) => typeof z === 'number')) return none;
      perAxis.push(pair as [number, number]);
    }
    const sign = pad[1] === 'ZeroPadding' ? 1 : -1;
    return { output: join(p.spatial.map((n, i) => (n == null ? null : n + sign * (perAxis[i][0] + perAxis[i][1]))), p.channels, p.first), params: 0 };
  }
  return none;
}

interface ConfigLayer {
  className: string;
  name: string;
  config: Dict;
  inbound: unknown[];
}

function listLayers(modelConfig: Dict): ConfigLayer[] {
  const cfg = modelConfig.config;
  const list = Array.isArray(cfg) ? cfg : isPlainObject(cfg) && Array.isArray(cfg.layers) ? cfg.layers : [];
  return list.filter(isPlainObject).map((l, i) => {
    const config = isPlainObject(l.config) ? l.config : {};
    const name = typeof config.name === 'string' ? config.name : typeof l.name === 'string' ? l.name : `layer ${i + 1}`;
    return { className: String(l.class_name), name, config, inbound: Array.isArray(l.inbound_nodes) ? l.inbound_nodes : [] };
  });
}

/**
 * Every layer's output shape and weight count, in config order. Sequential: each layer reads the
 * one before (the first from its batch_input_shape). Functional: each call reads the shapes of
 * the calls it names; a layer is estimated from its first call.
 */
export function estimateLayers(modelConfig: Dict): LayerEstimate[] {
  const layers = listLayers(modelConfig);
  if (modelConfig.class_name === 'Sequential') {
    let shape: Shape | null = null;
    return layers.map((l, i) => {
      const given = l.config.batch_input_shape;
      if (Array.isArray(given)) shape = given.slice(1) as Shape;
      else if (i === 0) shape = null;
      const e = layerEstimate(l.className, l.config, [shape]);
      shape = e.output;
      return { name: l.name, className: l.className, ...e };
    });
  }
  const outputs = new Map<string, Shape | null>();
  const result = new Map<string, LayerEstimate>();
  // Config order is topological in files Keras writes; a few extra rounds cover the rest.
  for (let round = 0; round < 4 && result.size < layers.length; round++) {
    for (const l of layers) {
      if (result.has(l.name)) continue;
      if (l.className === 'InputLayer') {
        const e = layerEstimate(l.className, l.config, []);
        outputs.set(`${l.name}#0`, e.output);
        result.set(l.name, { name: l.name, className: l.className, ...e });
        continue;
      }
      const calls = l.inbound.filter(Array.isArray) as unknown[][];
      if (calls.length === 0) continue;
      const shapesOf = (node: unknown[]) =>
        node.map((r) => (Array.isArray(r) && typeof r[0] === 'string' && typeof r[1] === 'number' ? outputs.get(`${r[0]}#${r[1]}`) : undefined));
      const firstIns = shapesOf(calls[0]);
      if (firstIns.some((s) => s === undefined)) continue;
      calls.forEach((node, k) => {
        const ins = shapesOf(node);
        outputs.set(`${l.name}#${k}`, ins.some((s) => s === undefined) ? null : layerEstimate(l.className, l.config, ins as (Shape | null)[]).output);
      });
      result.set(l.name, { name: l.name, className: l.className, ...layerEstimate(l.className, l.config, firstIns as (Shape | null)[]) });
    }
  }
  return layers.map((l) => result.get(l.name) ?? { name: l.name, className: l.className, output: null, params: 0 });
}
