/**
 * The trace: runs any tfjs LayersModel (Sequential or functional DAG) layer by layer in topological
 * order (model.layers), capturing each layer's inputs, parameters and output as Float32Arrays, and
 * checks each step against its kind's plain-TypeScript reference.
 *
 * All tfjs work happens inside one tf.tidy and is read with dataSync, so a trace leaves no tensor
 * behind. `createTracer(model)` does the per-model planning once (layer order, graph wiring,
 * configs) for callers that trace the same model many times, e.g. as the user drags a slider.
 */
import { tf } from '../models/tf';
import type { LayersModel } from '../models/tf';
import type { Scaler } from '../models/types';
import { checkAgainstReference, checkCost, worstDiff } from './lazy-check';
import { toSnakeConfig } from './snake-config';
import { inspectorTrace as T } from '../i18n/messages/inspector-trace';
import type { NamedTensor, Tensor, Trace, TraceStep } from './types';

/** The parts of tfjs-layers' graph bookkeeping (Node, SymbolicTensor) the trace reads. */
interface GraphNode {
  inputTensors: { id: number }[];
  outputTensors: { id: number }[];
}
interface GraphLayer {
  name: string;
  getClassName(): string;
  getConfig(): Record<string, unknown>;
  countParams(): number;
  getWeights(): tf.Tensor[];
  weights: { name: string; originalName?: string }[];
  apply(inputs: tf.Tensor | tf.Tensor[], kwargs?: Record<string, unknown>): unknown;
  inboundNodes: GraphNode[];
}

interface PlannedStep {
  layer: GraphLayer;
  className: string;
  config: Record<string, unknown>;
  paramCount: number;
  /** "kernel", "bias", ...: tfjs uniquifies variable names ("dense/kernel_1"), so use the original. */
  paramNames: string[];
  inputIds: number[];
  outputIds: number[];
}

export interface TraceOptions {
  /**
   * Which steps to check against their reference during the trace: 'all' (the default), or the
   * indices of the steps on screen. The others are left `checkPending`, for `withStepsChecked` /
   * `completeChecks` to check afterwards (a photo CNN's references take a few hundred ms in all).
   */
  check?: 'all' | number[];
  /**
   * With `check` a list: the other steps are checked at once too, in order, each while its estimated
   * cost (multiply-adds, see `checkCost`) fits in what is left of this after the steps on screen;
   * the rest wait. Default 4e6, a few
   * ms: an Iris, MNIST or small CNN trace is still checked whole, a photo CNN's large Conv2Ds wait.
   */
  checkBudget?: number;
}

export type Tracer = (input: Float32Array | number[], scaler?: Scaler | null, options?: TraceOptions) => Trace;

// Kept tfjs-free beside the trace (the Keras code writer uses it too).
export { toSnakeConfig };
export { checkCost, completeChecks, pendingChecks, withStepsChecked } from './lazy-check';

function plan(model: LayersModel): { inputId: number; inputShape: number[]; steps: PlannedStep[] } {
  if (!model.inputs || model.inputs.length === 0) {
    throw new Error(T.noInputShape);
  }
  if (model.inputs.length !== 1) {
    throw new Error(T.oneInput(model.inputs.length));
  }
  const inputShape = model.inputs[0].shape.slice(1);
  if (inputShape.some((d) => d == null || d < 1)) {
    throw new Error(T.unknownSize(inputShape.join(', ')));
  }
  const known = new Set<number>([model.inputs[0].id]);
  const steps: PlannedStep[] = [];
  for (const l of model.layers) {
    const layer = l as unknown as GraphLayer;
    const className = layer.getClassName();
    if (className === 'InputLayer') continue; // its output is values_0
    for (const node of layer.inboundNodes) {
      const inputIds = node.inputTensors.map((t) => t.id);
      const outputIds = node.outputTensors.map((t) => t.id);
      if (!inputIds.every((id) => known.has(id)) || outputIds.every((id) => known.has(id))) continue;
      outputIds.forEach((id) => known.add(id));
      steps.push({
        layer,
        className,
        config: toSnakeConfig(layer.getConfig()) as Record<string, unknown>,
        paramCount: layer.countParams(),
        paramNames: layer.weights.map((w) => paramName(w.originalName ?? w.name)),
        inputIds,
        outputIds,
      });
    }
  }
  return { inputId: model.inputs[0].id, inputShape: inputShape as number[], steps };
}

/**
 * A step's parameters as captured copies. Weights do not change between two traces of one model
 * unless someone assigns them, and an assignment gives the variable new data (a new dataId, which
 * tfjs never reuses for other data): so the copies are reused while the dataIds are the same. Views that see the same objects skip redrawing them.
 */
function paramsOf(s: PlannedStep, cache: Map<PlannedStep, { ids: object[]; params: NamedTensor[] }>): NamedTensor[] {
  const weights = s.layer.getWeights();
  const ids = weights.map((w) => w.dataId);
  const hit = cache.get(s);
  if (hit && hit.ids.length === ids.length && hit.ids.every((id, i) => id === ids[i])) return hit.params;
  const params = weights.map((w, i) => ({ name: s.paramNames[i], ...capture(w) }));
  cache.set(s, { ids, params });
  return params;
}

function capture(t: tf.Tensor): Tensor {
  // dataSync on the cpu backend hands out the tensor's own buffer: copy it. wasm's is a fresh copy of its heap already.
  const data = t.dataSync();
  if (data instanceof Float32Array && tf.getBackend() === 'wasm') return { shape: t.shape.slice(), values: data };
  return { shape: t.shape.slice(), values: data instanceof Float32Array ? data.slice() : Float32Array.from(data as ArrayLike<number>) };
}

function paramName(variableName: string): string {
  const last = variableName.slice(variableName.lastIndexOf('/') + 1);
  return last.replace(/:\d+$/, '');
}

function scaleInput(raw: Float32Array, scaler: Scaler | null): Float32Array {
  if (!scaler) return Float32Array.from(raw);
  if (scaler.mean.length !== raw.length || scaler.scale.length !== raw.length) {
    throw new Error(T.scalerSize(scaler.mean.length, raw.length));
  }
  return raw.map((v, i) => (v - scaler.mean[i]) / (scaler.scale[i] === 0 ? 1 : scaler.scale[i]));
}

/** Plans the model once and returns a function that traces one input. */
export function createTracer(model: LayersModel): Tracer {
  const p = plan(model);
  /** Captured weights per step, reused while the layer holds the same weight tensors. */
  const paramCache = new Map<PlannedStep, { ids: object[]; params: NamedTensor[] }>();
  const width = p.inputShape.reduce((a, b) => a * b, 1);
  return (input, scaler = null, options = {}) => {
    if (input.length !== width) {
      throw new Error(T.inputSize(width, input.length));
    }
    const raw = Float32Array.from(input);
    if (raw.some((v) => !Number.isFinite(v))) throw new Error(T.notFinite);
    const values0: Tensor = { shape: [1, ...p.inputShape], values: scaleInput(raw, scaler) };
    const steps: TraceStep[] = [];
    const producer = new Map<number, { name: string; value: number }>([[p.inputId, { name: 'values_0', value: 0 }]]);
    tf.tidy(() => {
      const live = new Map<number, tf.Tensor>([[p.inputId, tf.tensor(values0.values, values0.shape)]]);
      const captured = new Map<number, Tensor>([[p.inputId, values0]]);
      for (const s of p.steps) {
        const ins = s.inputIds.map((id) => live.get(id) as tf.Tensor);
        const result = s.layer.apply(ins.length === 1 ? ins[0] : ins, { training: false });
        const outs = (Array.isArray(result) ? result : [result]) as tf.Tensor[];
        s.outputIds.forEach((id, i) => live.set(id, outs[i]));
        const output = capture(outs[0]);
        captured.set(s.outputIds[0], output);
        s.outputIds.slice(1).forEach((id, i) => captured.set(id, capture(outs[i + 1])));
        const params = paramsOf(s, paramCache);
        const index = steps.length;
        steps.push({
          index,
          name: s.layer.name,
          className: s.className,
          config: s.config,
          paramCount: s.paramCount,
          inputNames: s.inputIds.map((id) => producer.get(id)?.name ?? '?'),
          inputValues: s.inputIds.map((id) => producer.get(id)?.value ?? -1),
          inputs: s.inputIds.map((id) => captured.get(id) as Tensor),
          params,
          output,
          reference: null,
          maxAbsDiff: null,
          failure: null,
          noReference: null,
          checkScale: null,
        });
        s.outputIds.forEach((id) => producer.set(id, { name: s.layer.name, value: index + 1 }));
      }
    });
    const now = options.check === undefined || options.check === 'all' ? null : new Set(options.check);
    // The steps on screen are checked whatever they cost, and spend the budget first.
    let budget = (options.checkBudget ?? 4e6) - (now ? steps.filter((s) => now.has(s.index)).reduce((n, s) => n + checkCost(s), 0) : 0);
    for (const step of steps) {
      if (now && !now.has(step.index)) {
        const cost = checkCost(step);
        if (cost > budget) {
          step.checkPending = true;
          continue;
        }
        budget -= cost;
      }
      checkAgainstReference(step);
    }
    return {
      raw: { shape: [1, ...p.inputShape], values: raw },
      values: [values0, ...steps.map((s) => s.output)],
      steps,
      maxAbsDiff: worstDiff(steps),
    };
  };
}

/**
 * One layer-by-layer run of `model` on one input (batch 1). With a scaler, `raw` is the input as
 * given and values_0 = (raw - mean) / scale. Throws an Error with a clear message for an input of
 * the wrong length or a non-finite value.
 */
export function traceModel(model: LayersModel, input: Float32Array | number[], scaler?: Scaler | null): Trace {
  return createTracer(model)(input, scaler ?? null);
}
