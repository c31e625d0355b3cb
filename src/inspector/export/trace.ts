/** The trace for the current input (values_0 .. values_n) as JSON and as long-format CSV. */
import type { Tensor, Trace } from '../types';
import { toCsv, type CsvCell } from './csv';
import { F32, writeJson } from './json';
import { safeFilename } from './names';
import { nest } from './tensors';
import type { CsvStyle, ExportFile } from './types';
import type { Scaler } from '../../models/types';
import { scalerJson } from './model';

export const TRACE_JSON_FORMAT = 'layer-lens-trace';

export interface TraceValue {
  /** "values_0" .. "values_n". */
  name: string;
  /** The layer that produced it; "input" for values_0. */
  layer: string;
  /** Its Keras class; "" for the input. */
  className: string;
  tensor: Tensor;
}

/** values_0 is the model input; values_{i+1} is what step i put out. */
export function traceValues(trace: Trace): TraceValue[] {
  return trace.values.map((tensor, i) => {
    const step = i === 0 ? null : trace.steps[i - 1];
    return {
      name: `values_${i}`,
      layer: step ? step.name : 'input',
      className: step ? step.className : '',
      tensor,
    };
  });
}

/** The predicted class: argmax of the last output when it has more than one unit. */
export function predictedClass(trace: Trace, classNames: string[] | null): { index: number; name: string | null } | null {
  const last = trace.values[trace.values.length - 1];
  if (!last || last.values.length < 2) return null;
  let best = 0;
  for (let i = 1; i < last.values.length; i++) if (last.values[i] > last.values[best]) best = i;
  const name = classNames && classNames.length === last.values.length ? classNames[best] : null;
  return { index: best, name };
}

export function traceJsonText(trace: Trace, title: string, classNames: string[] | null = null, scaler: Scaler | null = null): string {
  const tensorJson = (t: Tensor) => ({ shape: t.shape, values: nest(t.shape, t.values, (v) => new F32(v)) });
  return (
    writeJson({
      format: TRACE_JSON_FORMAT,
      version: 1,
      title,
      classNames,
      layers: trace.steps.map((s) => s.name),
      raw: tensorJson(trace.raw),
      ...(scaler ? { scaler: scalerJson(scaler) } : {}),
      values: traceValues(trace).map((v) => ({
        name: v.name,
        layer: v.layer,
        className: v.className,
        ...tensorJson(v.tensor),
      })),
      prediction: predictedClass(trace, classNames),
    }) + '\n'
  );
}

export function traceJsonFile(trace: Trace, title: string, classNames: string[] | null = null, scaler: Scaler | null = null): ExportFile {
  return { filename: safeFilename([title, 'trace'], 'json'), mime: 'application/json', data: traceJsonText(trace, title, classNames, scaler) };
}

/**
 * Long format, one row per number: step (0 for values_0), values (its name), layer, index (the
 * position in C order, batch included), value.
 */
export function traceCsvText(trace: Trace, style: CsvStyle): string {
  const rows: CsvCell[][] = [['step', 'values', 'layer', 'index', 'value']];
  traceValues(trace).forEach((v, step) => {
    for (let i = 0; i < v.tensor.values.length; i++) {
      rows.push([String(step), v.name, v.layer, String(i), v.tensor.values[i]]);
    }
  });
  return toCsv(rows, style);
}

export function traceCsvFile(trace: Trace, style: CsvStyle, title: string): ExportFile {
  const suffix = style === 'semicolon' ? 'de' : 'en';
  return {
    filename: safeFilename([title, 'trace', suffix], 'csv'),
    mime: 'text/csv',
    data: '\ufeff' + traceCsvText(trace, style),
  };
}
