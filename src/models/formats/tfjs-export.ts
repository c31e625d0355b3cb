/** Download as TensorFlow.js files: model.json + group1-shard1of1.bin, as tfjs' own browser download writes them. */
import type { ModelBundle, ModelInfo } from '../types';
import type { FileLike } from './file-like';
import { modelToArtifacts, type FlatArtifacts } from './artifacts';

export const TFJS_SHARD_NAME = 'group1-shard1of1.bin';

/** The model.json that names `shardName` as its one weights file; `info` rides along for Layer Lens. */
export function tfjsModelJson(a: FlatArtifacts, shardName: string, info: ModelInfo | null = null): object {
  return {
    format: 'layers-model',
    generatedBy: 'TensorFlow.js tfjs-layers (Layer Lens)',
    convertedBy: null,
    modelTopology: a.modelTopology,
    weightsManifest: [{ paths: [shardName], weights: a.weightSpecs }],
    /** Read back by tfjs-json.ts; tfjs itself ignores it. */
    ...(info ? { userDefinedMetadata: { layer_lens: info } } : {}),
  };
}

export async function exportTfjsFiles(bundle: ModelBundle): Promise<FileLike[]> {
  const a = await modelToArtifacts(bundle.model);
  const json = tfjsModelJson(a, TFJS_SHARD_NAME, bundle.info);
  return [
    { name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(json)) },
    { name: TFJS_SHARD_NAME, bytes: new Uint8Array(a.weightData) },
  ];
}
