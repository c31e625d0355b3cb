/** One parameter of one layer (a kernel or a bias) as CSV, .npy, Markdown or LaTeX. */
import { tensorCsv } from './csv';
import { npyBytes } from './npy';
import { safeFilename } from './names';
import { latexTable, markdownTable } from './tables';
import type { CsvStyle, ExportFile } from './types';

export interface ParamRef {
  layer: string;
  param: { name: string; shape: number[]; values: Float32Array };
}

/** "dense/kernel": how the tables name the tensor. */
export function paramLabel(ref: ParamRef): string {
  return `${ref.layer}/${ref.param.name}`;
}

/** Rows are "input_i" for a kernel; a 1-D parameter is a single row named after it ("bias"). */
function rowName(ref: ParamRef): string {
  return ref.param.shape.length <= 1 ? ref.param.name : 'input';
}

export function paramCsvFile(ref: ParamRef, style: CsvStyle, title: string): ExportFile {
  const suffix = style === 'semicolon' ? 'de' : 'en';
  return {
    filename: safeFilename([title, ref.layer, ref.param.name, suffix], 'csv'),
    mime: 'text/csv',
    // A UTF-8 byte order mark, so Excel reads non-ASCII names right.
    data: '\ufeff' + tensorCsv(paramLabel(ref), ref.param, style, { rowName: rowName(ref) }),
  };
}

export function paramNpyFile(ref: ParamRef, title: string): ExportFile {
  return {
    filename: safeFilename([title, ref.layer, ref.param.name], 'npy'),
    mime: 'application/octet-stream',
    data: npyBytes(ref.param.shape, ref.param.values),
  };
}

export function paramMarkdown(ref: ParamRef): string {
  return markdownTable(paramLabel(ref), ref.param, rowName(ref));
}

export function paramLatex(ref: ParamRef): string {
  return latexTable(paramLabel(ref), ref.param, rowName(ref));
}
