/** The whole model as one JSON file and as a NumPy .npz (a zip of .npy files, "dense/kernel.npy"). */
import { zipSync } from 'fflate';
import { F32, writeJson } from './json';
import { npyBytes } from './npy';
import { archiveSegment, safeFilename } from './names';
import { nest } from './tensors';
import type { ExportFile, LayerParams } from './types';
import type { Scaler } from '../../models/types';

export const MODEL_JSON_FORMAT = 'layer-lens-model';

/**
 * The JSON document: title, class names, the input shape (without the batch dimension, when
 * known), the StandardScaler the model expects (when it has one), and per layer its name, class,
 * config and weights.
 */
export function modelJsonText(
  layers: LayerParams[],
  title: string,
  classNames: string[] | null = null,
  inputShape: number[] | null = null,
  scaler: Scaler | null = null,
): string {
  return (
    writeJson({
      format: MODEL_JSON_FORMAT,
      version: 1,
      title,
      classNames,
      inputShape,
      ...(scaler ? { scaler: scalerJson(scaler) } : {}),
      layers: layers.map((l, index) => ({
        index,
        name: l.name,
        className: l.className,
        config: l.config,
        weights: l.params.map((p) => ({
          name: p.name,
          dtype: 'float32',
          shape: p.shape,
          values: nest(p.shape, p.values, (v) => new F32(v)),
        })),
      })),
    }) + '\n'
  );
}

export function modelJsonFile(
  layers: LayerParams[],
  title: string,
  classNames: string[] | null = null,
  inputShape: number[] | null = null,
  scaler: Scaler | null = null,
): ExportFile {
  return {
    filename: safeFilename([title, 'model'], 'json'),
    mime: 'application/json',
    data: modelJsonText(layers, title, classNames, inputShape, scaler),
  };
}

/** The scaler as the exports write it: sklearn's names, float64 numbers, and the formula. */
export function scalerJson(scaler: Scaler): { kind: string; formula: string; mean: number[]; scale: number[] } {
  return { kind: 'StandardScaler', formula: 'values_0 = (raw - mean) / scale', mean: [...scaler.mean], scale: [...scaler.scale] };
}

/**
 * Archive names for every weight, "layer/param", made safe and unique: a second "dense/kernel"
 * (possible in hand-made files) becomes "dense/kernel_2".
 */
export function npzKeys(layers: LayerParams[]): string[][] {
  const used = new Set<string>();
  return layers.map((l) =>
    l.params.map((p) => {
      const base = `${archiveSegment(l.name)}/${archiveSegment(p.name)}`;
      let key = base;
      for (let n = 2; used.has(key.toLowerCase()); n++) key = `${base}_${n}`;
      used.add(key.toLowerCase());
      return key;
    }),
  );
}

/** Every weight as "<layer>/<param>.npy" in one zip: np.load(f)["dense/kernel"]. */
export function npzBytes(layers: LayerParams[]): Uint8Array {
  const keys = npzKeys(layers);
  const files: Record<string, Uint8Array> = {};
  layers.forEach((l, i) =>
    l.params.forEach((p, j) => {
      files[`${keys[i][j]}.npy`] = npyBytes(p.shape, p.values);
    }),
  );
  // Fixed timestamp: the same weights give the same bytes.
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

export function modelNpzFile(layers: LayerParams[], title: string): ExportFile {
  return { filename: safeFilename([title, 'weights'], 'npz'), mime: 'application/zip', data: npzBytes(layers) };
}
