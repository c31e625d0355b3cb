/** Download as TensorFlow.js files: model.json + group1-shard1of1.bin, as tfjs' own browser download writes them. */
import type { ModelBundle } from '../types';
import type { FileLike } from './file-like';
import { modelToArtifacts } from './artifacts';

export const TFJS_SHARD_NAME = 'group1-shard1of1.bin';

export async function exportTfjsFiles(bundle: ModelBundle): Promise<FileLike[]> {
  const a = await modelToArtifacts(bundle.model);
  const json = {
    format: 'layers-model',
    generatedBy: 'TensorFlow.js tfjs-layers (Layer Lens)',
    convertedBy: null,
    modelTopology: a.modelTopology,
    weightsManifest: [{ paths: [TFJS_SHARD_NAME], weights: a.weightSpecs }],
    /** Read back by tfjs-json.ts; tfjs itself ignores it. */
    userDefinedMetadata: { layer_lens: bundle.info },
  };
  return [
    { name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(json)) },
    { name: TFJS_SHARD_NAME, bytes: new Uint8Array(a.weightData) },
  ];
}
