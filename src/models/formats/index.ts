/**
 * Opening model files: each format module says by CONTENT whether the files are its own (`match`)
 * and opens them (`open`), as Netron organises its formats. `openModelFiles` picks the format and
 * guarantees that every failure is a ModelFileError with a message for a course participant.
 */
import type { ModelBundle } from '../types';
import { ModelFileError, asModelFileError } from './errors';
import { modelsFormats as m } from '../../i18n/messages/models-formats';
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
    throw asModelFileError(err, m.unexpected);
  }
}

function explainUnknown(files: FileLike[]): ModelFileError {
  const names = files.map((f) => m.quote(f.name)).join(', ');
  if (files.length === 1 && isZip(files[0].bytes)) {
    if (kerasZip.zipEntries(files[0].bytes) === null) {
      return new ModelFileError(m.zipDamaged(names));
    }
    return new ModelFileError(m.zipNoConfig(names));
  }
  if (files.some((f) => isHdf5(f.bytes) || isZip(f.bytes)) && files.length > 1) {
    return new ModelFileError(m.openAlone);
  }
  const json = files.find((f) => looksLikeJson(f.bytes));
  if (json) {
    const parsed = tryParseJson(json.bytes);
    if (parsed === undefined) return new ModelFileError(m.jsonInvalid(json.name));
    return new ModelFileError(m.jsonNotTfjs(json.name));
  }
  if (files.every((f) => /\.bin$/i.test(f.name))) {
    return new ModelFileError(m.shardsAlone(names));
  }
  return new ModelFileError(m.unknownFile(names));
}
