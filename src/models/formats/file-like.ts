/** A file as the loaders see it: a name and its bytes (a browser File is converted by the UI). */
import { ModelFileError } from './errors';
import { modelsFormats as m } from '../../i18n/messages/models-formats';
import { MAX_MODEL_BYTES } from './size-limit';

export interface FileLike {
  name: string;
  bytes: Uint8Array;
}

export { MAX_MODEL_BYTES };

export const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

export function isHdf5(bytes: Uint8Array): boolean {
  return startsWith(bytes, HDF5_SIGNATURE);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_SIGNATURE);
}

/** The first non-blank byte is `{`: worth trying as JSON. */
export function looksLikeJson(bytes: Uint8Array): boolean {
  for (let i = 0; i < Math.min(bytes.length, 64); i++) {
    const c = bytes[i];
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xef || c === 0xbb || c === 0xbf) continue;
    return c === 0x7b;
  }
  return false;
}

export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** JSON.parse that returns undefined instead of throwing. */
export function tryParseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decodeText(bytes));
  } catch {
    return undefined;
  }
}

/** The file name without folders (a dropped folder may give "dir/model.json"). */
export function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? name;
}

/** Empty and oversized files are refused before any format looks at them. */
export function checkSizes(files: FileLike[]): void {
  if (files.length === 0) throw new ModelFileError(m.noFile);
  let total = 0;
  for (const f of files) {
    if (f.bytes.length === 0) {
      throw new ModelFileError(m.emptyFile(f.name));
    }
    total += f.bytes.length;
  }
  if (total > MAX_MODEL_BYTES) {
    throw new ModelFileError(m.tooLarge(Math.round(total / 1024 / 1024), MAX_MODEL_BYTES / 1024 / 1024));
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
