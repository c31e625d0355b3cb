/**
 * What the arithmetic panels show for one step: a discriminated union by layer kind. Built by the
 * layer modules (src/inspector/layers/*) from a TraceStep's captured numbers; no DOM here.
 */
import type { StepAxes } from './axes';
import type { NamedTensor, Tensor, TraceStep } from './types';

export type { AxisRole, Layout, StepAxes } from './axes';

/** Shared by every explanation: a one-line formula, the shapes and plain-language notes. */
export interface ExplanationBase {
  /** Short heading, e.g. "Dense layer dense_1". */
  title: string;
  /** e.g. "values_2 = values_1 @ kernel + bias". */
  formula: string;
  /** e.g. "(1, 4) @ (4, 8) + (8,) -> (1, 8)". */
  shapes: string;
  notes: string[];
}

/** One row (the last axis) of a softmax, computed with the max subtracted for stability. */
export interface SoftmaxRow {
  x: number[];
  max: number;
  /** x_i - max */
  shifted: number[];
  /** exp(x_i - max) */
  exp: number[];
  sum: number;
  /** exp_i / sum: the probabilities. */
  quotient: number[];
  /** What tfjs computed for the same row. */
  output: number[];
}

/** How an activation function turned its inputs into outputs, with the real numbers. */
export type ActivationDetail =
  | {
      fn: 'relu';
      formula: string;
      x: number[];
      /** tfjs's output. */
      y: number[];
      /** true where x < 0, i.e. the element was set to 0. */
      zeroed: boolean[];
      zeroCount: number;
    }
  | { fn: 'softmax'; formula: string; rows: SoftmaxRow[]; note: string }
  | {
      /** sigmoid, tanh, linear, elu, ...: one number in, one number out. */
      fn: 'elementwise';
      name: string;
      formula: string;
      x: number[];
      y: number[];
      /** An intermediate column where it helps, e.g. exp(-x) for sigmoid. */
      intermediate: { label: string; values: number[] } | null;
    }
  | { fn: 'unsupported'; name: string; message: string };

export type Explanation =
  | (ExplanationBase & {
      kind: 'dense';
      units: number;
      inputSize: number;
      useBias: boolean;
      activation: string;
      /** values @ kernel + bias before the activation (computed by the reference), batch row 0. */
      preActivation: number[];
      /** null for a linear Dense. */
      activationDetail: ActivationDetail | null;
    })
  | (ExplanationBase & { kind: 'activation'; detail: ActivationDetail })
  | (ExplanationBase & { kind: 'dropout'; rate: number })
  | (ExplanationBase & { kind: 'flatten' })
  | (ExplanationBase & { kind: 'concatenate'; axis: number })
  | (ExplanationBase & { kind: 'add' })
  | (ExplanationBase & { kind: 'input' })
  | (ExplanationBase & ConvExplanation)
  | (ExplanationBase & PoolExplanation)
  | (ExplanationBase & BatchNormExplanation)
  | (ExplanationBase & { kind: 'rescaling'; scale: number | number[]; offset: number | number[] })
  | (ExplanationBase & {
      kind: 'padding';
      /** Zeros added per spatial axis: [before, after], e.g. [[top, bottom], [left, right]]. */
      padding: [number, number][];
    })
  | (ExplanationBase & { kind: 'reshape'; targetShape: number[] })
  | (ExplanationBase & {
      kind: 'cropping';
      /** Cells removed per spatial axis: [before, after]. */
      cropping: [number, number][];
    })
  | (ExplanationBase & {
      kind: 'upsampling';
      /** Repeats per spatial axis. */
      size: number[];
      interpolation: string;
    })
  | (ExplanationBase & {
      /** A layer that passes its input through at inference (RandomFlip, RandomZoom, ...). */
      kind: 'identity';
      className: string;
      /** Why it is the identity here, e.g. "augmentation only acts while training". */
      reason: string;
    })
  | (ExplanationBase & { kind: 'unsupported'; className: string; message: string });

/** The geometry shared by convolution and pooling, per spatial axis (channels last). */
export interface WindowGeometry {
  /** 1, 2 or 3 spatial axes. */
  spatial: number;
  /** The window: kernel_size or pool_size. */
  size: number[];
  strides: number[];
  /** dilation_rate (1 for pooling). */
  dilation: number[];
  padding: 'valid' | 'same';
  /** Zeros (or ignored cells, for pooling) before and after the input per spatial axis: TensorFlow's 'same' puts the odd one after. */
  padBefore: number[];
  padAfter: number[];
  /** Spatial sizes of the input and of the output. */
  inputSize: number[];
  outputSize: number[];
  /** Keras' data_format; channels_first inputs are explained in channels-last terms. */
  dataFormat: 'channels_last' | 'channels_first';
}

/** Conv1D/2D/3D, DepthwiseConv2D, SeparableConv2D. */
export interface ConvExplanation extends WindowGeometry {
  kind: 'conv';
  /** conv: every filter sees all input channels; depthwise: each channel its own kernel(s);
   * separable: depthwise, then a 1x1 conv (pointwise) over the depthwise outputs. */
  variant: 'conv' | 'depthwise' | 'separable';
  inChannels: number;
  /** Output channels: filters, or in_channels * depth_multiplier for depthwise. */
  outChannels: number;
  /** depth_multiplier (1 for a plain conv). */
  depthMultiplier: number;
  useBias: boolean;
  activation: string;
}

/** MaxPooling/AveragePooling 1D/2D/3D and the global poolings. */
export interface PoolExplanation extends WindowGeometry {
  kind: 'pooling';
  op: 'max' | 'average';
  /** Global pooling: the window is the whole spatial extent. */
  global: boolean;
  /** Global pooling with keepdims: the spatial axes stay with size 1. */
  keepdims: boolean;
  channels: number;
}

/** The per-channel constants of a BatchNormalization at inference. */
export interface BatchNormChannel {
  channel: number;
  mean: number;
  variance: number;
  /** 1 when the layer has scale=False. */
  gamma: number;
  /** 0 when the layer has center=False. */
  beta: number;
  /** sqrt(variance + epsilon) */
  std: number;
  /** gamma / std: y = x * multiplier + shift. */
  multiplier: number;
  /** beta - mean * multiplier */
  shift: number;
}

export interface BatchNormExplanation {
  kind: 'batchnorm';
  /** The normalised axis (non-negative), usually the last (channels). */
  axis: number;
  epsilon: number;
  momentum: number;
  center: boolean;
  scale: boolean;
  /** With the moving statistics (inference). */
  channels: BatchNormChannel[];
}

/** One tap of a window: where it falls on the input and whether that is inside (else padding). */
export interface WindowTap {
  /** Input coordinates per spatial axis (may be < 0 or >= size: padding). */
  at: number[];
  inside: boolean;
}

/** One input channel's part of one output cell of a convolution. */
export interface ConvChannelTerm {
  /** The input channel. */
  channel: number;
  /** For depthwise/separable: which of the channel's depth_multiplier kernels; else 0. */
  multiplier: number;
  /** The window's values in tap order (0 where the tap is in the padding). */
  x: number[];
  /** The kernel's values in the same order. */
  w: number[];
  /** Σ x * w over the window. */
  sum: number;
  /** Separable only: the pointwise weight this channel's sum is multiplied by; null otherwise. */
  pointwise: number | null;
}

/** The arithmetic of one output cell of a convolution, with the real numbers (from `convCell`). */
export interface ConvCell {
  batch: number;
  /** Output coordinates per spatial axis. */
  position: number[];
  /** Output channel. */
  filter: number;
  /** The window's taps in row-major order over the kernel's spatial axes (same order as x, w). */
  taps: WindowTap[];
  /** Per spatial axis: the first input coordinate of the window (position * stride - padBefore). */
  origin: number[];
  channels: ConvChannelTerm[];
  bias: number | null;
  /** Σ channel sums (times pointwise weights for separable) + bias: before the activation. */
  total: number;
  activation: string;
  /** activation(total); for softmax over all filters of this position. */
  activated: number;
  /** What tfjs computed for this cell. */
  output: number;
  /** "0.120*0.500 + ... = 0.731" per channel, ASCII (pasteable into Python). */
  channelTexts: string[];
  /** "sum_0 + sum_1 + bias = total" and "relu(total) = y" (null when linear). */
  totalText: string;
  activationText: string | null;
}

/** The arithmetic of one output cell of a pooling layer (from `poolCell`). */
export interface PoolCell {
  batch: number;
  position: number[];
  channel: number;
  op: 'max' | 'average';
  taps: WindowTap[];
  origin: number[];
  /** Window values in tap order; NaN where the tap is in the padding (ignored by max and mean). */
  x: number[];
  /** How many taps were inside the input (the mean divides by this, as TensorFlow). */
  count: number;
  /** Max: index into taps of the (first) largest value; null for average. */
  argmax: number | null;
  /** The max or the mean of the inside values. */
  result: number;
  output: number;
  text: string;
}

/** One element of a BatchNormalization, inference or training mode (from `batchNormElement`). */
export interface BatchNormElement {
  /** The element's coordinates in the input. */
  index: number[];
  channel: number;
  mode: 'inference' | 'training';
  x: number;
  /** moving_mean (inference) or the batch mean (training). */
  mean: number;
  variance: number;
  epsilon: number;
  gamma: number;
  beta: number;
  /** (x - mean) / sqrt(variance + epsilon) */
  normalised: number;
  /** normalised * gamma + beta */
  y: number;
  /** What tfjs computed (inference mode); null for training mode (not traced). */
  output: number | null;
  /** "(0.500 - 0.100) / sqrt(0.0400 + 0.00100) * 1.00 + 0.00 = 1.98" */
  text: string;
}

/** BatchNormalization in training mode on the traced batch (from `batchNormTraining`). */
export interface BatchNormTraining {
  /** The output with the batch's statistics. */
  output: Tensor;
  /** Per channel: the batch mean and (biased) variance, and the constants they give. */
  channels: BatchNormChannel[];
  /** moving_mean/variance after one training step: moving * momentum + batch * (1 - momentum). */
  nextMovingMean: number[];
  nextMovingVariance: number[];
  /** How many values each channel's statistics are taken over (batch x spatial positions). */
  count: number;
  notes: string[];
}

/** A layer kind: its plain-TypeScript reference and its explanation builder. */
export interface LayerKind {
  /** Keras class names handled by this module, e.g. ["Dense"]. */
  classNames: string[];
  /** The layer's maths in plain TypeScript (no tfjs); config keys are snake_case as in Keras JSON. */
  reference(inputs: Tensor[], params: NamedTensor[], config: Record<string, unknown>): Tensor;
  explain(step: TraceStep): Explanation;
  /** What the axes of the step's inputs, parameters and output mean; absent: `defaultRoles` by rank. */
  axes?(step: TraceStep): StepAxes;
  /** The kind's numpy code in the exported Python script; absent: the script's built-in branches. */
  python?: PythonPart;
}

/**
 * A kind's part of the "Reproduce in Python" script: numpy only, fixed text (never a name from a
 * model). `code` defines `fn(layer, inputs)`, which returns the layer's output as an array; the
 * layer dict holds "name", "class_name", "activation", "config" (the keys in `configKeys`) and
 * "weights" (short name -> float32 array). It may call the script's shared helpers (_windows, ...).
 */
export interface PythonPart {
  fn: string;
  code: string;
  configKeys: string[];
}

/** The name a step's input has in the course's words: values_k. */
export function inputLabel(step: TraceStep, i: number): string {
  const k = step.inputValues?.[i];
  return k === undefined ? step.inputNames[i] ?? `input_${i}` : `values_${k}`;
}

/** The name of a step's output: values_{index+1}. */
export function outputLabel(step: TraceStep): string {
  return `values_${step.index + 1}`;
}
