/**
 * The model-file formats (jsfive, fflate, the HDF5 reader and writer, the TensorFlow.js loader)
 * and the browser's model library load when a file is opened or saved, not with the page.
 */
import type { FileLike } from '../../models/formats';
import type { ModelBundle } from '../../models/types';
import { lazy } from './load';

export const loadFormats = lazy('the part that reads and writes model files', () => import('../../models/formats'));
export const loadModelStore = lazy('the model library', () => import('../../models/store/model-store'));

export async function openModelFiles(files: FileLike[]): Promise<ModelBundle> {
  return (await loadFormats()).openModelFiles(files);
}

export async function exportKerasFile(bundle: ModelBundle): Promise<Uint8Array> {
  return (await loadFormats()).exportKerasFile(bundle);
}
