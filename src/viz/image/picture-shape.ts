/**
 * Where a trace's numbers are pictures: the model input's [height, width] when it is a grey
 * picture (shape (1, h, w) or (1, h, w, 1)), and whether a Dense layer reads that picture
 * flattened (its kernel has h * w rows), so its kernel can be shown per unit as an h x w picture
 * and its arithmetic can name inputs by (row, col). Pure functions, no DOM.
 */
import type { Trace, TraceStep } from '../../inspector/types';

/** [height, width] of a grey picture input, or null (Iris' (1, 4), a flat input, colour, a sequence). */
export function inputPictureShape(trace: Trace): [number, number] | null {
  const s = trace.values[0]?.shape ?? [];
  const hw = s.length === 3 || (s.length === 4 && s[3] === 1) ? [s[1], s[2]] : null;
  // a grey picture, not a sequence of feature vectors (e.g. Conv1D's (1, 128, 9)): both sides >= 8, at most 4:1
  if (!hw || Math.min(hw[0], hw[1]) < 8 || Math.max(hw[0], hw[1]) > 4 * Math.min(hw[0], hw[1])) return null;
  return [hw[0], hw[1]];
}

/** The [height, width] a Dense step's kernel rows form, when it reads the input picture flattened; else null. */
export function densePictureShape(trace: Trace, step: TraceStep): [number, number] | null {
  const pic = inputPictureShape(trace);
  if (!pic || step.className !== 'Dense') return null;
  const kernel = step.params.find((p) => p.name === 'kernel' || p.name.endsWith('/kernel'));
  return kernel && kernel.shape.length === 2 && kernel.shape[0] === pic[0] * pic[1] ? pic : null;
}
