/**
 * Opening model files: each format module says by CONTENT whether the files are its own (`match`)
 * and opens them (`open`), as Netron organises its formats. `openModelFiles` picks the format and
 * guarantees that every failure is a ModelFileError with a message for a course participant.
 */
import type { ModelBundle } from '../types';
import { ModelFileError, asModelFileError } from './errors';
import { checkSizes, isHdf5, isZip, looksLikeJson, tryParseJson, type FileLike } from './file-like';
import * as kerasZip from './keras-zip';
import * as kerasH5 from './keras-h5';
import * as tfjsJson from './tfjs-json';

export { ModelFileError, isRawErrorText } from './errors';
export type { FileLike } from './file-like';
export { exportKerasFile } from './keras-export';

export interface ModelFormat {
  id: string;
  match(files: FileLike[]): boolean;
  open(files: FileLike[]): Promise<ModelBundle>;
}

export const formats: ModelFormat[] = [kerasZip, kerasH5, tfjsJson];

/** The format that claims the files, or null. */
export function detectFormat(files: FileLike[]): ModelFormat | null {
  return formats.find((f) => f.match(files)) ?? null;
}

/** The last resort, for a failure no loader explained: tests treat it as a loader bug. */
export const UNEXPECTED = 'The model could not be opened: Layer Lens met a problem in the file that it cannot explain yet';

export async function openModelFiles(files: FileLike[]): Promise<ModelBundle> {
  try {
    checkSizes(files);
    const format = detectFormat(files);
    if (!format) throw explainUnknown(files);
    return await format.open(files);
  } catch (err) {
    throw asModelFileError(err, UNEXPECTED);
  }
}

function explainUnknown(files: FileLike[]): ModelFileError {
  const names = files.map((f) => `"${f.name}"`).join(', ');
  if (files.length === 1 && isZip(files[0].bytes)) {
    if (kerasZip.zipEntries(files[0].bytes) === null) {
      return new ModelFileError(`${names} is a damaged or truncated zip file: its list of contents cannot be read.`);
    }
    return new ModelFileError(`${names} is a zip file without config.json, so it is not a Keras .keras model.`);
  }
  if (files.some((f) => isHdf5(f.bytes) || isZip(f.bytes)) && files.length > 1) {
    return new ModelFileError(`Open a .keras or .h5 model on its own; only a TensorFlow.js model.json comes with other files (its .bin shards).`);
  }
  const json = files.find((f) => looksLikeJson(f.bytes));
  if (json) {
    const parsed = tryParseJson(json.bytes);
    if (parsed === undefined) return new ModelFileError(`"${json.name}" is not valid JSON (it may be truncated).`);
    return new ModelFileError(`"${json.name}" is JSON, but not a TensorFlow.js model.json (it has no "modelTopology").`);
  }
  if (files.every((f) => /\.bin$/i.test(f.name))) {
    return new ModelFileError(`${names}: weight shards alone are not a model; pick model.json together with them.`);
  }
  return new ModelFileError(`${names} is not a model file this app knows: expected a Keras .keras or .h5 file, or a TensorFlow.js model.json with its .bin files.`);
}
