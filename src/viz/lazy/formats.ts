/**
 * The model-file formats (jsfive, fflate, the HDF5 reader and writer, the TensorFlow.js loader)
 * and the browser's model library load when a file is opened or saved, not with the page.
 */
import type { FileLike } from '../../models/formats';
import type { ModelBundle } from '../../models/types';
import { lazyLoad } from '../../i18n/messages/lazy-load';
import { lazy } from './load';

export const loadFormats = lazy(() => lazyLoad.formats, () => import('../../models/formats'));
export const loadModelStore = lazy(() => lazyLoad.modelStore, () => import('../../models/store/model-store'));

export async function openModelFiles(files: FileLike[]): Promise<ModelBundle> {
  return (await loadFormats()).openModelFiles(files);
}

export async function exportKerasFile(bundle: ModelBundle): Promise<Uint8Array> {
  return (await loadFormats()).exportKerasFile(bundle);
}
