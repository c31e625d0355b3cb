/**
 * The TensorFlow.js files of a model: model.json (topology + weights manifest) and one weights
 * .bin, exactly what `tf.loadLayersModel` reads back. The serialisation is the models layer's
 * (src/models/formats/tfjs-export.ts); this names the files for a download.
 */
import type { LayersModel } from '../../models/tf';
import type { ModelInfo } from '../../models/types';
import { modelToArtifacts } from '../../models/formats/artifacts';
import { tfjsModelJson } from '../../models/formats/tfjs-export';
import { safeFilename } from './names';
import type { ExportFile } from './types';

export interface TfjsModelFiles {
  modelJson: ExportFile;
  weights: ExportFile;
}

/**
 * File names follow tfjs' own "downloads://<name>" convention, "<name>.json" and
 * "<name>.weights.bin" (so repeated downloads of different models do not clash); model.json names
 * the .bin in its weightsManifest, so keep both files side by side under these names.
 */
export async function tfjsModelFiles(model: LayersModel, title: string, info: ModelInfo | null = null): Promise<TfjsModelFiles> {
  const base = safeFilename([title], 'json').replace(/\.json$/, '');
  const weightsName = `${base}.weights.bin`;
  const artifacts = await modelToArtifacts(model);
  return {
    modelJson: { filename: `${base}.json`, mime: 'application/json', data: JSON.stringify(tfjsModelJson(artifacts, `./${weightsName}`, info)) },
    weights: { filename: weightsName, mime: 'application/octet-stream', data: new Uint8Array(artifacts.weightData) },
  };
}
