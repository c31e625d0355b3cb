/**
 * What the arithmetic panels show for one step: a discriminated union by layer kind. Built by the
 * layer modules (src/inspector/layers/*) from a TraceStep's captured numbers; no DOM here.
 */
import type { NamedTensor, Tensor, TraceStep } from './types';

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
  | (ExplanationBase & { kind: 'unsupported'; className: string; message: string });

/** A layer kind: its plain-TypeScript reference and its explanation builder. */
export interface LayerKind {
  /** Keras class names handled by this module, e.g. ["Dense"]. */
  classNames: string[];
  /** The layer's maths in plain TypeScript (no tfjs); config keys are snake_case as in Keras JSON. */
  reference(inputs: Tensor[], params: NamedTensor[], config: Record<string, unknown>): Tensor;
  explain(step: TraceStep): Explanation;
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
