/**
 * Keras 3 native `.keras`: a zip of config.json, metadata.json and model.weights.h5. The weights
 * file addresses layers not by their names but by position: layers/<snake_case(class)>[_k]/vars/<i>
 * (k counts earlier layers of the same class; InputLayer is not among them), variables in order.
 */
import { unzipSync } from 'fflate';
import type { ModelBundle, WeightTensor } from '../types';
import { ModelFileError } from './errors';
import { modelsFormats as m } from '../../i18n/messages/models-formats';
import { isPlainObject, isZip, MAX_MODEL_BYTES, tryParseJson, type FileLike } from './file-like';
import { H5Reader } from './hdf5-read';
import { toSnakeCase, toTfjsModelConfig } from './keras3-config';
import { assignWeights, buildModel } from './build-model';
import { infoFor } from './info';

export const id = 'keras-zip';

const WANTED = new Set(['config.json', 'metadata.json', 'model.weights.h5']);

/** Names of the entries in a zip, read from its directory without inflating anything; null if unreadable. */
export function zipEntries(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

export function match(files: FileLike[]): boolean {
  return files.length === 1 && isZip(files[0].bytes) && (zipEntries(files[0].bytes)?.includes('config.json') ?? false);
}

function unzipModel(file: FileLike): Record<string, Uint8Array> {
  try {
    return unzipSync(file.bytes, {
      filter: (f) => {
        if (!WANTED.has(f.name)) return false;
        if (f.originalSize > MAX_MODEL_BYTES) throw new ModelFileError(m.innerTooLarge(file.name, f.name));
        return true;
      },
    });
  } catch (err) {
    if (err instanceof ModelFileError) throw err;
    throw new ModelFileError(m.zipUnpack(file.name));
  }
}

export async function open(files: FileLike[]): Promise<ModelBundle> {
  const file = files[0];
  const entries = unzipModel(file);
  if (!entries['config.json']) throw new ModelFileError(m.zipNoConfig(m.quote(file.name)));
  const parsed = tryParseJson(entries['config.json']);
  if (parsed === undefined) throw new ModelFileError(m.configJsonInvalid(file.name));
  if (!entries['model.weights.h5']) {
    const npz = zipEntries(file.bytes)?.includes('model.weights.npz');
    throw new ModelFileError(
      npz
        ? m.npzWeights(file.name)
        : m.noWeightsH5(file.name),
    );
  }
  const metadata = entries['metadata.json'] ? tryParseJson(entries['metadata.json']) : undefined;
  const config = toTfjsModelConfig(parsed);
  const h5 = new H5Reader(entries['model.weights.h5'], `${file.name}: model.weights.h5`);
  const weights = readKeras3Weights(h5, parsed);
  const model = await buildModel(config, entries['model.weights.h5'].length);
  try {
    assignWeights(model, (layer) => weights.get(layer.name) ?? null);
  } catch (err) {
    model.dispose();
    throw err;
  }
  const extra = isPlainObject(metadata) ? metadata.layer_lens : undefined;
  const info = infoFor(model, file.name, extra);
  if (isPlainObject(parsed) && isPlainObject(parsed.compile_config)) info.trainingConfig = parsed.compile_config;
  return { model, info };
}

/** Keras 3's weight paths for the layers of a (Keras 3) model config, by layer name. */
export function keras3LayerPaths(kerasConfig: unknown, prefix = 'layers', paths = new Map<string, string>(), depth = 0): Map<string, string> {
  if (depth > 8) return paths;
  const cfg = isPlainObject(kerasConfig) ? kerasConfig.config : undefined;
  const layers = isPlainObject(cfg) && Array.isArray(cfg.layers) ? cfg.layers : [];
  const used = new Map<string, number>();
  for (const l of layers.slice(0, 10_000)) {
    if (!isPlainObject(l) || typeof l.class_name !== 'string' || l.class_name === 'InputLayer') continue;
    const base = toSnakeCase(l.class_name);
    const n = used.get(base);
    const key = n === undefined ? base : `${base}_${n + 1}`;
    used.set(base, n === undefined ? 0 : n + 1);
    const name = isPlainObject(l.config) && typeof l.config.name === 'string' ? l.config.name : typeof l.name === 'string' ? l.name : key;
    // A nested model's layers are spliced into the outer one (keras3-config.ts); their weights sit
    // under the nested model's path: layers/sequential/layers/dense/vars.
    if (l.class_name === 'Sequential' || l.class_name === 'Functional') keras3LayerPaths(l, `${prefix}/${key}/layers`, paths, depth + 1);
    else paths.set(name, `${prefix}/${key}/vars`);
  }
  return paths;
}

function readKeras3Weights(h5: H5Reader, kerasConfig: unknown): Map<string, WeightTensor[]> {
  const out = new Map<string, WeightTensor[]>();
  for (const [layer, path] of keras3LayerPaths(kerasConfig)) {
    if (!h5.has(path)) continue;
    const keys = h5.keys(path).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
    if (keys.length === 0) continue;
    keys.forEach((k, i) => {
      if (Number(k) !== i) throw new ModelFileError(m.keras3WeightMissing(layer, i), layer);
    });
    out.set(
      layer,
      keys.map((k) => {
        const arr = h5.dataset(`${path}/${k}`);
        return { layer, name: k, shape: arr.shape, values: arr.values };
      }),
    );
  }
  return out;
}
