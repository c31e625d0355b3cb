/**
 * Where a trace's numbers are pictures: the model input's [height, width] when it is a grey
 * picture (shape (1, h, w) or (1, h, w, 1)), and whether a Dense layer reads that picture
 * flattened (its kernel has h * w rows), so its kernel can be shown per unit as an h x w picture
 * and its arithmetic can name inputs by (row, col). Pure functions, no DOM.
 */
import type { Trace, TraceStep } from '../../inspector/types';

/** [height, width] of a grey picture input (any size), or null (Iris' (1, 4), a flat input, colour). */
export function inputPictureShape(trace: Trace): [number, number] | null {
  const s = trace.values[0]?.shape ?? [];
  if (s.length === 3 && s[1] > 1 && s[2] > 1) return [s[1], s[2]];
  if (s.length === 4 && s[3] === 1 && s[1] > 1 && s[2] > 1) return [s[1], s[2]];
  return null;
}

/** The [height, width] a Dense step's kernel rows form, when it reads the input picture flattened; else null. */
export function densePictureShape(trace: Trace, step: TraceStep): [number, number] | null {
  const pic = inputPictureShape(trace);
  if (!pic || step.className !== 'Dense') return null;
  const kernel = step.params.find((p) => p.name === 'kernel' || p.name.endsWith('/kernel'));
  return kernel && kernel.shape.length === 2 && kernel.shape[0] === pic[0] * pic[1] ? pic : null;
}
