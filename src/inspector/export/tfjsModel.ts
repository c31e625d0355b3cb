/**
 * The TensorFlow.js files of a model: model.json (topology + weights manifest) and one weights
 * .bin, exactly what `tf.loadLayersModel` reads back. Uses tfjs' own serializer via
 * model.save(tf.io.withSaveHandler(...)), so the topology is what tfjs itself writes.
 */
import { tf, type LayersModel } from '../../models/tf';
import { safeFilename } from './names';
import type { ExportFile } from './types';

export interface TfjsModelFiles {
  modelJson: ExportFile;
  weights: ExportFile;
}

/**
 * Serialises the model. File names follow tfjs' own "downloads://<name>" convention,
 * "<name>.json" and "<name>.weights.bin"; model.json names the .bin in its weightsManifest,
 * so keep both files side by side under these names.
 */
export async function tfjsModelFiles(model: LayersModel, title: string): Promise<TfjsModelFiles> {
  const base = safeFilename([title], 'json').replace(/\.json$/, '');
  const weightsName = `${base}.weights.bin`;
  let files: TfjsModelFiles | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weightData = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology!,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [`./${weightsName}`], weights: artifacts.weightSpecs ?? [] }],
      };
      if (artifacts.trainingConfig) modelJson.trainingConfig = artifacts.trainingConfig;
      if (artifacts.userDefinedMetadata) modelJson.userDefinedMetadata = artifacts.userDefinedMetadata;
      files = {
        modelJson: { filename: `${base}.json`, mime: 'application/json', data: JSON.stringify(modelJson) },
        weights: { filename: weightsName, mime: 'application/octet-stream', data: new Uint8Array(weightData) },
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!files) throw new Error('TensorFlow.js did not hand over the model files.');
  return files;
}
