/**
 * How a tensor of any rank is laid out as a 2-D grid: the last dimension becomes the columns,
 * everything before it is flattened into rows. A 1-D tensor (a bias) is one row.
 */
import { formatShape } from './format';
import { viewMatrix as m } from '../../i18n/messages/view-matrix';

export interface MatrixLayout {
  rows: number;
  cols: number;
  /** A note for the heading when the layout is not the tensor's own shape; null otherwise. */
  note: string | null;
  /** Python-style index of a flat position, e.g. "[2][5]". */
  indexLabel(flat: number): string;
}

export function matrixLayout(shape: readonly number[]): MatrixLayout {
  const dims = shape.length === 0 ? [1] : shape;
  const cols = dims[dims.length - 1];
  const rows = dims.slice(0, -1).reduce((a, b) => a * b, 1);
  let note: string | null = null;
  if (dims.length > 2) {
    note = m.reshaped(rows, cols, dims.length - 1);
  }
  return {
    rows,
    cols,
    note,
    indexLabel(flat: number): string {
      const idx: number[] = [];
      let rest = flat;
      for (let d = dims.length - 1; d >= 0; d--) {
        idx.unshift(rest % dims[d]);
        rest = Math.floor(rest / dims[d]);
      }
      return idx.map((i) => `[${i}]`).join('');
    },
  };
}

/** The label of the shape for a heading: "(4, 8)". */
export const shapeLabel = formatShape;

/** Above this many cells a matrix is drawn as a canvas heatmap instead of a table of numbers. */
export const CANVAS_THRESHOLD = 500;
