/** Shape helpers shared by the exporters: sizes, checks, nested arrays, 2-D table views. */
import { inspectorExport as X } from '../../i18n/messages/inspector-export';

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Throws a clear error when a tensor's shape and number of values disagree. */
export function checkTensor(what: string, shape: readonly number[], values: ArrayLike<number>): void {
  if (!shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new Error(X.notSizes(what, shape.join(', ')));
  }
  if (sizeOf(shape) !== values.length) {
    throw new Error(X.sizeMismatch(what, shape.join(', '), sizeOf(shape), values.length));
  }
}

/** Values in C order as nested arrays of the given shape, each leaf mapped by `leaf`. */
export function nest<T>(shape: readonly number[], values: ArrayLike<number>, leaf: (v: number) => T): unknown {
  if (shape.length === 0) return leaf(values[0]);
  let pos = 0;
  const build = (dim: number): unknown[] => {
    const out: unknown[] = [];
    for (let i = 0; i < shape[dim]; i++) {
      out.push(dim === shape.length - 1 ? leaf(values[pos++]) : build(dim + 1));
    }
    return out;
  };
  return build(0);
}

/**
 * A tensor laid out as a table: the last axis runs across the columns ("units" for a kernel),
 * all other axes down the rows. A 1-D tensor (a bias) is one row, so it lines up under the kernel.
 */
export interface TableView {
  rowLabels: string[];
  columnLabels: string[];
  /** rows x columns, row-major. */
  cell(r: number, c: number): number;
  rows: number;
  columns: number;
}

export function tableView(shape: readonly number[], values: ArrayLike<number>, rowName: string): TableView {
  const columns = shape.length === 0 ? 1 : shape[shape.length - 1];
  const lead = shape.slice(0, -1);
  const rows = shape.length <= 1 ? 1 : sizeOf(lead);
  const rowLabels: string[] = [];
  if (shape.length <= 1) rowLabels.push(rowName);
  else if (shape.length === 2) for (let r = 0; r < rows; r++) rowLabels.push(`${rowName}_${r}`);
  else
    for (let r = 0; r < rows; r++) {
      const idx: number[] = [];
      let rest = r;
      for (let d = lead.length - 1; d >= 0; d--) {
        idx.unshift(rest % lead[d]);
        rest = Math.floor(rest / lead[d]);
      }
      rowLabels.push(`${rowName}[${idx.join('][')}]`);
    }
  const columnLabels = Array.from({ length: columns }, (_, c) => `unit_${c}`);
  return { rowLabels, columnLabels, rows, columns, cell: (r, c) => values[r * columns + c] };
}
