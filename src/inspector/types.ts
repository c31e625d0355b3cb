/**
 * The trace: one layer-by-layer run of a model on one input, as plain typed arrays.
 * Every view and every export reads the same Trace, so what is shown and what is exported agree.
 */

/** A dense array with its shape. Shapes include the batch dimension (batch size 1 in a trace). */
export interface Tensor {
  shape: number[];
  values: Float32Array;
}

/** A layer parameter: "kernel", "bias", "gamma", "moving_mean", ... */
export interface NamedTensor extends Tensor {
  name: string;
}

/** One layer of the run (layer_i in the course's words): what went in, its weights, what came out. */
export interface TraceStep {
  /** Position in topological order: layer_0, layer_1, ... */
  index: number;
  /** The layer's own name, e.g. "dense_1". */
  name: string;
  /** Keras class name, e.g. "Dense", "Activation", "Concatenate". */
  className: string;
  /** The layer's config as tfjs reports it (snake_case keys as in Keras JSON). */
  config: Record<string, unknown>;
  paramCount: number;
  /** Names of the values that fed it: "values_0" for the model input, else the producing layer's name. */
  inputNames: string[];
  /** For each input, its index k in Trace.values (values_k). Filled by traceModel. */
  inputValues?: number[];
  inputs: Tensor[];
  params: NamedTensor[];
  /** What tfjs computed. */
  output: Tensor;
  /** What the plain-TypeScript reference computed; null where no reference exists for the kind, or it failed. */
  reference: Tensor | null;
  /**
   * max |output - reference|; null where the kind has no reference; Infinity where the reference
   * failed (see `failure`).
   */
  maxAbsDiff: number | null;
  /**
   * The size of the values compared: the largest |reference| of the step (where there is one).
   * The check allows 1e-5 * max(1, checkScale) (see src/inspector/check.ts).
   */
  checkScale?: number | null;
  /**
   * Set when the kind has a reference and it threw: the error's message. Such a step is a failed
   * check (maxAbsDiff Infinity), never "no reference". Absent or null when the reference ran or
   * the kind has none.
   */
  failure?: string | null;
  /** Why there is no reference for this step (no kind for the class, or none for its configuration). */
  noReference?: string | null;
  /**
   * True while the step's reference check is still to come (a trace that checked only the steps on
   * screen first; see TraceOptions.check in trace.ts): neither OK nor failed yet.
   */
  checkPending?: boolean;
}

export interface Trace {
  /** The input as the user gave it (before any scaler); equals values[0] when there is no scaler. */
  raw: Tensor;
  /** values_0 .. values_n: the model input, then each step's output in order. */
  values: Tensor[];
  steps: TraceStep[];
  /** The largest maxAbsDiff over all steps checked so far (0 when no step has a reference; Infinity when a reference failed). */
  maxAbsDiff: number;
}
