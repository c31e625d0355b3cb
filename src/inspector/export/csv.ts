/**
 * CSV per RFC 4180 (CRLF line ends, quotes doubled) in two dialects: "comma" (separator ",",
 * decimal point) and "semicolon" (separator ";", decimal comma), which German Excel opens as numbers.
 * Text cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) get a
 * leading apostrophe; numbers stay numbers.
 */
import { formatFloat32, formatFloat32Comma } from './floats';
import { tableView } from './tensors';
import { checkTensor } from './tensors';
import type { CsvStyle } from './types';

/** A cell: text (escaped and protected) or a float32 number (written with full precision). */
export type CsvCell = string | number;

export function separatorOf(style: CsvStyle): string {
  return style === 'semicolon' ? ';' : ',';
}

/** One text cell, protected against formula injection and quoted when it needs to be. */
export function csvText(text: string, style: CsvStyle): string {
  let s = String(text);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  const sep = separatorOf(style);
  if (s.includes(sep) || /["\r\n]/.test(s) || s !== s.trim()) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** One number cell: shortest float32-exact digits, with a decimal comma in the semicolon style. */
export function csvNumber(x: number, style: CsvStyle): string {
  return style === 'semicolon' ? formatFloat32Comma(x) : formatFloat32(x);
}

export function csvCell(cell: CsvCell, style: CsvStyle): string {
  return typeof cell === 'number' ? csvNumber(cell, style) : csvText(cell, style);
}

/** Rows of cells as CSV text, CRLF after every row (RFC 4180). */
export function toCsv(rows: CsvCell[][], style: CsvStyle): string {
  const sep = separatorOf(style);
  return rows.map((row) => row.map((c) => csvCell(c, style)).join(sep) + '\r\n').join('');
}

/**
 * A kernel or bias as a CSV table: a header row (the corner cell names the tensor, then unit_0 ..),
 * one row per input (input_0 ..), or a single row for a bias. With header=false: numbers only,
 * the layout np.loadtxt reads.
 */
export function tensorCsv(
  label: string,
  tensor: { shape: number[]; values: ArrayLike<number> },
  style: CsvStyle,
  options: { header?: boolean; rowName?: string } = {},
): string {
  checkTensor(label, tensor.shape, tensor.values);
  const header = options.header ?? true;
  const view = tableView(tensor.shape, tensor.values, options.rowName ?? (tensor.shape.length <= 1 ? label : 'input'));
  const rows: CsvCell[][] = [];
  if (header) rows.push([label, ...view.columnLabels]);
  for (let r = 0; r < view.rows; r++) {
    const nums: CsvCell[] = [];
    for (let c = 0; c < view.columns; c++) nums.push(view.cell(r, c));
    rows.push(header ? [view.rowLabels[r], ...nums] : nums);
  }
  return toCsv(rows, style);
}
