/** A model's tfjs artifacts (topology, weight specs, one flat weight buffer) and back. */
import { tf, tfl, type LayersModel } from '../tf';
import { ModelFileError, asModelFileError } from './errors';
import { modelsFormats as m } from '../../i18n/messages/models-formats';
// a stored model may hold augmentation layers (RandomFlip, ...): their classes must be known to rebuild it
import './augmentation-layers';

export interface FlatArtifacts {
  /** tfjs' modelTopology (Keras 2 style JSON: class_name / config). */
  modelTopology: object;
  weightSpecs: tf.io.WeightsManifestEntry[];
  /** All weights, concatenated in spec order. */
  weightData: ArrayBuffer;
}

export async function modelToArtifacts(model: LayersModel): Promise<FlatArtifacts> {
  let captured: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const a = captured as tf.io.ModelArtifacts | null;
  if (!a || !a.modelTopology || !a.weightSpecs || a.weightData == null) throw new Error('tfjs returned no model artifacts');
  const data = Array.isArray(a.weightData) ? tf.io.concatenateArrayBuffers(a.weightData) : (a.weightData as ArrayBuffer);
  return { modelTopology: a.modelTopology as object, weightSpecs: a.weightSpecs, weightData: data.slice(0) };
}

export async function artifactsToModel(artifacts: FlatArtifacts): Promise<LayersModel> {
  try {
    return await tfl.loadLayersModel(
      tf.io.fromMemory({ modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs, weightData: artifacts.weightData }),
    );
  } catch (err) {
    if (err instanceof ModelFileError) throw err;
    throw asModelFileError(err, m.rebuildFailed);
  }
}
