/**
 * TensorFlow.js layers model: model.json (modelTopology + weightsManifest) with its .bin shards,
 * picked or dropped together. A model.json converted from Keras 3 (tfjs issue #8328: InputLayer
 * with `batch_shape`, Keras 3 inbound_nodes, DTypePolicy objects) is repaired by keras3-config.ts.
 */
import { tf } from '../tf';
import type { ModelBundle, WeightTensor } from '../types';
import { ModelFileError, asModelFileError } from './errors';
import { modelsFormats as m } from '../../i18n/messages/models-formats';
import { baseName, isPlainObject, looksLikeJson, tryParseJson, type FileLike } from './file-like';
import { isKeras3Config, toTfjsModelConfig } from './keras3-config';
import { assignWeights, buildModel } from './build-model';
import { infoFor } from './info';

export const id = 'tfjs-layers';

const JSON_LIMIT = 50 * 1024 * 1024;

type Dict = Record<string, unknown>;

interface Found {
  file: FileLike;
  json: Dict;
}

function findModelJson(files: FileLike[]): Found | null {
  for (const file of files) {
    if (file.bytes.length > JSON_LIMIT || !looksLikeJson(file.bytes)) continue;
    const json = tryParseJson(file.bytes);
    if (isPlainObject(json) && isPlainObject(json.modelTopology)) return { file, json };
  }
  return null;
}

export function match(files: FileLike[]): boolean {
  return findModelJson(files) !== null;
}

const BYTES_PER: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

function specBytes(spec: Dict): number {
  const shape = spec.shape as number[];
  const count = shape.reduce((a, b) => a * b, 1);
  const q = spec.quantization;
  const dtype = isPlainObject(q) ? q.dtype : spec.dtype;
  const per = BYTES_PER[String(dtype)];
  if (per === undefined) {
    throw new ModelFileError(typeof dtype === 'string' ? m.weightTypeNamed(String(spec.name), dtype) : m.weightTypeNone(String(spec.name)));
  }
  return count * per;
}

export async function open(files: FileLike[]): Promise<ModelBundle> {
  const found = findModelJson(files);
  if (!found) throw new ModelFileError(m.noModelJson);
  const { file, json } = found;
  if (json.format === 'graph-model') {
    throw new ModelFileError(m.graphModel(file.name));
  }
  const topology = json.modelTopology as Dict;
  const modelConfig = isPlainObject(topology.model_config) ? topology.model_config : topology;
  const repaired = isKeras3Config(modelConfig);
  const config = toTfjsModelConfig(modelConfig);
  const { specs, data } = readShards(json, files, file.name);
  const byName = decode(specs, data, file.name);
  // A quantized or float16 weight takes fewer than 4 bytes: the guard counts the bytes as float32.
  const bytesPerWeight = Math.min(4, ...specs.map((spec) => specBytes({ ...spec, shape: [1] })));
  const model = await buildModel(config, (data.length / Math.max(1, bytesPerWeight)) * 4);
  try {
    // By name, as tfjs does; when the names differ (e.g. a converter prefixed the model's name),
    // by position: the manifest lists weights layer by layer, in the layers' own order.
    const ordered = [...byName.values()];
    const byNameWorks = model.layers.every((l) => l.weights.every((w) => byName.has(w.originalName)));
    let cursor = 0;
    assignWeights(model, (layer) => {
      if (byNameWorks) return layer.weights.map((w) => byName.get(w.originalName)!);
      const ws = ordered.slice(cursor, cursor + layer.weights.length);
      cursor += layer.weights.length;
      return ws.length === layer.weights.length ? ws : null;
    });
  } catch (err) {
    model.dispose();
    throw err;
  }
  const title = repaired ? `${file.name} (Keras 3 format repaired)` : file.name;
  const extra = isPlainObject(json.userDefinedMetadata) ? json.userDefinedMetadata.layer_lens : undefined;
  const info = infoFor(model, title, extra);
  // The converter keeps Keras' training_config in the topology; tfjs' own save writes trainingConfig.
  const training = json.trainingConfig ?? topology.training_config;
  if (isPlainObject(training)) info.trainingConfig = training;
  return { model, info };
}

function readShards(json: Dict, files: FileLike[], jsonName: string): { specs: Dict[]; data: Uint8Array } {
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest)) throw new ModelFileError(m.noManifest(jsonName));
  const byName = new Map(files.map((f) => [baseName(f.name), f]));
  const specs: Dict[] = [];
  const parts: Uint8Array[] = [];
  for (const group of manifest.slice(0, 10_000)) {
    if (!isPlainObject(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw new ModelFileError(m.manifestMalformed(jsonName));
    }
    let groupBytes = 0;
    for (const p of group.paths) {
      const name = baseName(decodeURIComponentSafe(String(p)));
      const shard = byName.get(name);
      if (!shard) {
        throw new ModelFileError(m.shardMissing(name, jsonName));
      }
      parts.push(shard.bytes);
      groupBytes += shard.bytes.length;
    }
    let need = 0;
    for (const w of group.weights) {
      if (!isPlainObject(w) || typeof w.name !== 'string' || !Array.isArray(w.shape) || !w.shape.every((d) => Number.isInteger(d) && d >= 0)) {
        throw new ModelFileError(m.entryMalformed(jsonName));
      }
      need += specBytes(w);
      specs.push(w);
    }
    if (need !== groupBytes) {
      throw new ModelFileError(
        m.shardBytes(group.paths.map((p) => m.quote(String(p))).join(', '), groupBytes, jsonName, need),
      );
    }
  }
  const data = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let off = 0;
  for (const p of parts) {
    data.set(p, off);
    off += p.length;
  }
  return { specs, data };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function decode(specs: Dict[], data: Uint8Array, jsonName: string): Map<string, WeightTensor> {
  let tensors: Record<string, ReturnType<typeof tf.tensor>>;
  try {
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    tensors = tf.io.decodeWeights(buffer, specs as never) as never;
  } catch (err) {
    throw asModelFileError(err, m.decodeFailed(jsonName));
  }
  const out = new Map<string, WeightTensor>();
  for (const [name, t] of Object.entries(tensors)) {
    const slash = name.lastIndexOf('/');
    out.set(name, { layer: slash >= 0 ? name.slice(0, slash) : '', name: name.slice(slash + 1), shape: t.shape.slice(), values: Float32Array.from(t.dataSync()) });
    t.dispose();
  }
  return out;
}
