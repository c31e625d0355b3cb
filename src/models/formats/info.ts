/** ModelInfo for an opened file: generic feature names unless the file says more. */
import type { LayersModel } from '../tf';
import type { ModelInfo, Scaler } from '../types';
import { isPlainObject } from './file-like';

/** Number of input features: the product of the input shape without the batch dimension. */
export function inputFeatureCount(model: LayersModel): number {
  const shape = model.inputs[0]?.shape ?? [];
  return shape.slice(1).reduce<number>((a, d) => a * (d ?? 1), 1);
}

/** `extra` is what a file may carry about itself (Layer Lens writes it into metadata.json). */
export function infoFor(model: LayersModel, title: string, extra?: unknown): ModelInfo {
  const n = inputFeatureCount(model);
  const info: ModelInfo = {
    title,
    featureNames: Array.from({ length: n }, (_, i) => `x${i}`),
    classNames: null,
    scaler: null,
    featureRanges: null,
  };
  if (!isPlainObject(extra)) return info;
  const names = extra.featureNames;
  if (Array.isArray(names) && names.length === n && names.every((s) => typeof s === 'string')) info.featureNames = names as string[];
  const classes = extra.classNames;
  if (Array.isArray(classes) && classes.every((s) => typeof s === 'string')) info.classNames = classes as string[];
  if (typeof extra.title === 'string' && extra.title.trim()) info.title = extra.title;
  const scaler = extra.scaler;
  if (isPlainObject(scaler) && isNumbers(scaler.mean, n) && isNumbers(scaler.scale, n) && (scaler.scale as number[]).every((s) => s !== 0)) {
    info.scaler = { mean: scaler.mean, scale: scaler.scale } as Scaler;
  }
  const ranges = extra.featureRanges;
  if (Array.isArray(ranges) && ranges.length === n && ranges.every((r) => isPlainObject(r) && Number.isFinite(r.min) && Number.isFinite(r.max))) {
    info.featureRanges = ranges.map((r) => ({ min: r.min as number, max: r.max as number }));
  }
  return info;
}

function isNumbers(v: unknown, n: number): v is number[] {
  return Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}
