/**
 * Legacy Keras HDF5 (`model.save("x.h5")`), from Keras 2 and Keras 3: the config is the root
 * attribute `model_config`; weights live under model_weights/<layer>/ at the paths listed in that
 * group's `weight_names` attribute (Keras 2: "dense_1/kernel:0"; Keras 3: "sequential/dense/kernel").
 */
import type { ModelBundle, WeightTensor } from '../types';
import { ModelFileError } from './errors';
import { modelsFormats as m } from '../../i18n/messages/models-formats';
import { isHdf5, type FileLike } from './file-like';
import { H5Reader } from './hdf5-read';
import { toTfjsModelConfig } from './keras3-config';
import { assignWeights, buildModel, weightShortName } from './build-model';
import { infoFor } from './info';

const MAX_WEIGHTS_PER_LAYER = 64;

export const id = 'keras-h5';

export function match(files: FileLike[]): boolean {
  return files.length === 1 && isHdf5(files[0].bytes);
}

export async function open(files: FileLike[]): Promise<ModelBundle> {
  const file = files[0];
  const h5 = new H5Reader(file.bytes, file.name);
  const raw = h5.attr('', 'model_config');
  if (typeof raw !== 'string') {
    const keys = h5.keys('');
    if (keys.includes('layers') || keys.includes('vars') || keys.includes('model_weights') || h5.attr('', 'layer_names') !== undefined) {
      throw new ModelFileError(m.weightsOnly(file.name));
    }
    throw new ModelFileError(m.noModelConfig(file.name));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ModelFileError(m.configNotJson(file.name));
  }
  const config = toTfjsModelConfig(parsed);
  const weights = readLayerWeights(h5, file.name);
  const model = await buildModel(config, file.bytes.length);
  try {
    assignWeights(model, (layer) => weights.get(layer.name) ?? null);
  } catch (err) {
    model.dispose();
    throw err;
  }
  const info = infoFor(model, file.name);
  // Optional: a damaged training_config is left out rather than refusing a model that opened.
  let training: unknown;
  try {
    training = h5.attr('', 'training_config');
  } catch {
    training = undefined;
  }
  if (typeof training === 'string') info.trainingConfig = parseOrUndefined(training);
  return { model, info };
}

function readLayerWeights(h5: H5Reader, fileName: string): Map<string, WeightTensor[]> {
  const root = h5.has('model_weights') ? 'model_weights' : '';
  const names = h5.attr(root, 'layer_names');
  if (!Array.isArray(names)) throw new ModelFileError(m.noLayerNames(fileName));
  const out = new Map<string, WeightTensor[]>();
  for (const layer of names.slice(0, 10_000)) {
    if (typeof layer !== 'string') continue;
    const group = root ? `${root}/${layer}` : layer;
    if (!h5.has(group)) continue;
    const weightNames = h5.attr(group, 'weight_names');
    if (!Array.isArray(weightNames)) continue;
    if (weightNames.length > MAX_WEIGHTS_PER_LAYER) throw new ModelFileError(m.tooManyWeights(fileName, layer, weightNames.length), layer);
    const list = weightNames.map((wn) => {
      if (typeof wn !== 'string') throw new ModelFileError(m.weightNoName(fileName, layer), layer);
      const path = `${group}/${wn}`;
      if (!h5.has(path)) throw new ModelFileError(m.weightListedMissing(fileName, wn, layer), layer);
      const arr = h5.dataset(path);
      return { layer, name: weightShortName(wn).replace(/:\d+$/, ''), shape: arr.shape, values: arr.values };
    });
    out.set(layer, list);
    // A nested model's group lists the weights of its inner layers ("dense/kernel:0"): those layers
    // are spliced into the outer model (keras3-config.ts), so they are found by their own names too.
    weightNames.forEach((wn, i) => {
      const parts = String(wn).split('/');
      const inner = parts.length >= 2 ? parts[parts.length - 2] : '';
      if (inner && inner !== layer && !names.includes(inner)) {
        const t = list[i];
        out.set(inner, [...(out.get(inner) ?? []), { ...t, layer: inner }]);
      }
    });
  }
  return out;
}

/** JSON text parsed, or undefined when it is not valid JSON (a damaged training_config is left out). */
function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
