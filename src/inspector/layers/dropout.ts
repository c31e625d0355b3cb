/**
 * Keras Dropout, in both modes. Inference (what `predict` and the trace run): the identity.
 * Training: inverted dropout; each value is kept with probability 1 - rate and then multiplied by
 * 1 / (1 - rate), the rest set to 0, so the expected sum stays the same. `dropoutTrainingPass`
 * draws one such mask from a seed (reproducible: the same seed, the same mask) with the rule the
 * training engine uses (keep when uniform() >= rate, src/models/train/network.ts), and recomputes
 * the pass in plain TypeScript.
 */
import type { LayerKind } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatPlain, formatShape } from '../format';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import { createRng } from '../../models/random';
import type { Tensor } from '../types';
import { configNumber, requireInputs } from './util';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

export const dropout: LayerKind = {
  classNames: ['Dropout'],
  reference(inputs) {
    requireInputs(inputs, 1, 'Dropout');
    return { shape: [...inputs[0].shape], values: Float32Array.from(inputs[0].values) };
  },
  explain(step) {
    const rate = configNumber(step.config, 'rate', 0);
    return {
      kind: 'dropout',
      title: L.dropoutTitle(step.name, formatPlain(rate)),
      formula: `${outputLabel(step)} = ${inputLabel(step, 0)}`,
      shapes: `${formatShape(step.inputs[0].shape)} -> ${formatShape(step.output.shape)}`,
      notes: [
        L.dropout.inference,
        L.dropout.training(Math.round(rate * 100), formatPlain(rate)),
      ],
      rate,
    };
  },
};

/** One training-mode pass of Dropout over a tensor, with its mask. */
export interface DropoutTrainingPass {
  rate: number;
  seed: number;
  /** 1 / (1 - rate): what a kept value is multiplied by. */
  scale: number;
  /** true where the value was kept. */
  kept: boolean[];
  keptCount: number;
  input: Float32Array;
  /** input * scale where kept, else 0 (float32, as the engines compute it). */
  output: Float32Array;
}

/** Draws the mask for `input` from `seed` and applies inverted dropout. */
export function dropoutTrainingPass(input: Tensor, rate: number, seed: number): DropoutTrainingPass {
  if (!(rate >= 0 && rate < 1)) throw new Error(E.dropoutRate(formatPlain(rate)));
  const rng = createRng(seed);
  const scale = 1 / (1 - rate);
  const n = input.values.length;
  const kept: boolean[] = new Array(n);
  const output = new Float32Array(n);
  let keptCount = 0;
  for (let i = 0; i < n; i++) {
    // rate 0 keeps everything without drawing, as the engine does.
    kept[i] = rate === 0 || rng.uniform() >= rate;
    if (kept[i]) keptCount++;
    output[i] = input.values[i] * (kept[i] ? Math.fround(scale) : 0); // -0 for a dropped negative, as the engine
  }
  return { rate, seed, scale, kept, keptCount, input: Float32Array.from(input.values), output };
}

/**
 * The check of a training pass: recomputes every value from the mask alone (0 where dropped,
 * x / (1 - rate) where kept) in float64 and returns the largest difference. 0 up to float32 rounding.
 */
export function checkDropoutTraining(pass: DropoutTrainingPass): number {
  let worst = 0;
  for (let i = 0; i < pass.output.length; i++) {
    const expected = pass.kept[i] ? pass.input[i] / (1 - pass.rate) : 0;
    worst = Math.max(worst, Math.abs(expected - pass.output[i]));
  }
  return worst;
}
