/**
 * The model.json of a TensorFlow.js download. The app's one tfjs exporter is
 * src/inspector/export/tfjsModel.ts (`tfjsModelFiles`, the Export menu's), which names the files
 * and uses this for the JSON.
 */
import type { ModelInfo } from '../types';
import type { FlatArtifacts } from './artifacts';

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
