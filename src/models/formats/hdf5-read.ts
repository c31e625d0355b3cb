/**
 * A guarded view of an HDF5 file through jsfive (pure JS, read-only). jsfive can throw anything on
 * a corrupt file, so every call goes through `guard`, which turns failures into ModelFileError;
 * dataset sizes are checked against the file size before any data is read, so a corrupt shape
 * cannot make us allocate gigabytes.
 */
import * as hdf5 from 'jsfive';
import { ModelFileError } from './errors';
import { modelsFormats as m } from '../../i18n/messages/models-formats';
import { isHdf5 } from './file-like';

const MAX_KEYS_PER_GROUP = 10_000;

export interface H5Array {
  shape: number[];
  values: Float32Array;
}

export class H5Reader {
  private readonly file: hdf5.File;
  private readonly size: number;

  constructor(
    bytes: Uint8Array,
    readonly fileName: string,
  ) {
    if (!isHdf5(bytes)) throw new ModelFileError(m.notHdf5(fileName));
    this.size = bytes.length;
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    this.file = this.guard(() => new hdf5.File(buffer, fileName), m.hdf5.structure);
    guardAttributeCounts(this.file);
  }

  /** Runs a jsfive call; any failure becomes a ModelFileError naming the file and what we tried. */
  guard<T>(fn: () => T, what: string): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof ModelFileError) throw err;
      // jsfive reads past the end of a truncated file (a RangeError from its DataView), or meets
      // structures it cannot decode in a damaged one; either way, the message says which.
      const truncated = err instanceof RangeError || (err instanceof Error && /outside the bounds|offset/i.test(err.message));
      throw new ModelFileError(
        truncated
          ? m.hdf5Truncated(this.fileName, what)
          : m.hdf5Damaged(this.fileName, what),
        null,
        { cause: err },
      );
    }
  }

  private node(path: string): hdf5.Group | hdf5.Dataset {
    if (path === '' || path === '/') return this.file;
    return this.guard(() => {
      const n = this.file.get(path);
      if (n == null) throw new Error(`no entry "${path}"`);
      return n;
    }, m.hdf5.open(path));
  }

  has(path: string): boolean {
    try {
      return this.node(path) != null;
    } catch {
      return false;
    }
  }

  isGroup(path: string): boolean {
    const n = this.node(path);
    return !('shape' in n && Array.isArray((n as hdf5.Dataset).shape));
  }

  keys(path: string): string[] {
    const n = this.node(path);
    const keys = this.guard(() => (n as hdf5.Group).keys, m.hdf5.list(path || '/'));
    if (!Array.isArray(keys)) return [];
    if (keys.length > MAX_KEYS_PER_GROUP) throw new ModelFileError(m.implausibleEntries(this.fileName, path));
    return keys.filter((k): k is string => typeof k === 'string');
  }

  /** An attribute as a JS value: strings lose HDF5's NUL padding; undefined when absent. */
  attr(path: string, name: string): unknown {
    const n = this.node(path);
    const attrs = this.guard(() => n.attrs, m.hdf5.attributes(path || '/'));
    if (attrs == null || !(name in attrs)) return undefined;
    return cleanStrings(this.guard(() => attrs[name], m.hdf5.attribute(name)));
  }

  /** A numeric dataset as float32 with its shape. */
  dataset(path: string): H5Array {
    const n = this.node(path);
    if (this.isGroup(path)) throw new ModelFileError(m.groupNotWeight(this.fileName, path));
    const ds = n as hdf5.Dataset;
    const shape = this.guard(() => ds.shape, m.hdf5.shape(path));
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new ModelFileError(m.invalidShape(this.fileName, path));
    }
    const count = shape.reduce((a: number, b: number) => a * b, 1);
    if (count > this.size) {
      throw new ModelFileError(m.shapeTooLarge(this.fileName, path, shape.join(', ')));
    }
    const dtype = this.guard(() => ds.dtype, m.hdf5.type(path));
    if (typeof dtype !== 'string' || !/^[<>|]?[fiu][1248]$/.test(dtype)) {
      throw new ModelFileError(m.notNumbers(this.fileName, path, JSON.stringify(dtype)));
    }
    const raw = this.guard(() => ds.value, m.hdf5.numbers(path));
    const values = toFloat32(raw);
    if (values === null || values.length !== count) {
      throw new ModelFileError(m.countMismatch(this.fileName, path, values?.length ?? null, shape.join(', '), count));
    }
    return { shape: shape.slice(), values };
  }
}

let attributeGuardInstalled = false;

/**
 * jsfive decodes an attribute by allocating `new Array(count)` for the count its dataspace claims and
 * filling it: a damaged dataspace claiming billions of values exhausts the memory (a fatal error no
 * try/catch sees) before any read fails. Every value takes at least one byte of the file, so a count
 * beyond the file's size is refused first. jsfive does not export its DataObjects class; its
 * prototype is reached through the file's root object, and wrapped once.
 */
function guardAttributeCounts(file: hdf5.File): void {
  if (attributeGuardInstalled) return;
  const objects = (file as unknown as { _dataobjects?: object })._dataobjects;
  const proto = objects ? (Object.getPrototypeOf(objects) as { _attr_value?: (...a: unknown[]) => unknown }) : null;
  const original = proto?._attr_value;
  if (!proto || typeof original !== 'function') return;
  attributeGuardInstalled = true;
  proto._attr_value = function (this: unknown, dtype: unknown, buf: unknown, count: unknown, offset: unknown) {
    const size = (buf as { byteLength?: number })?.byteLength ?? 0;
    if (typeof count !== 'number' || !(count >= 0 && count <= size)) {
      throw new RangeError(`an attribute claims ${String(count)} values in a file of ${size} bytes`);
    }
    return original.call(this, dtype, buf, count, offset);
  };
}

function toFloat32(raw: unknown): Float32Array | null {
  if (raw instanceof Float32Array) return new Float32Array(raw);
  if (ArrayBuffer.isView(raw) && !(raw instanceof DataView)) {
    const arr = raw as unknown as ArrayLike<number | bigint>;
    const out = new Float32Array(arr.length);
    for (let i = 0; i < arr.length; i++) out[i] = Number(arr[i]);
    return out;
  }
  if (Array.isArray(raw)) {
    const out = new Float32Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i];
      if (typeof v !== 'number' && typeof v !== 'bigint') return null;
      out[i] = Number(v);
    }
    return out;
  }
  if (typeof raw === 'number') return new Float32Array([raw]);
  return null;
}

function cleanStrings(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/\u0000+$/g, '');
  if (v instanceof Uint8Array) return new TextDecoder().decode(v).replace(/\u0000+$/g, '');
  if (Array.isArray(v)) return v.map(cleanStrings);
  return v;
}
