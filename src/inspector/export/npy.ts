/**
 * NumPy .npy, format version 1.0: magic "\x93NUMPY", version 1 0, a little-endian uint16 header
 * length, a Python-literal header dict padded with spaces to a multiple of 64 bytes and ended by
 * "\n", then the float32 values little-endian in C order, bit for bit (NaN payloads included).
 * See numpy/lib/format.py.
 */
import { checkTensor } from './tensors';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93 N U M P Y

/** The shape as a Python tuple: () , (3,) , (4, 8). */
function pythonTuple(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

export function npyBytes(shape: readonly number[], values: Float32Array): Uint8Array {
  checkTensor('npy', shape, values);
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${pythonTuple(shape)}, }`;
  const preamble = MAGIC.length + 2 + 2;
  const total = Math.ceil((preamble + header.length + 1) / 64) * 64;
  header = header.padEnd(total - preamble - 1, ' ') + '\n';
  if (header.length > 0xffff) throw new Error('npy: header too long for format 1.0');
  const out = new Uint8Array(preamble + header.length + values.length * 4);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  out[8] = header.length & 0xff;
  out[9] = header.length >> 8;
  for (let i = 0; i < header.length; i++) out[preamble + i] = header.charCodeAt(i);
  // Copy the bits through a Uint32 view: exact on any platform, NaN payloads untouched.
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const view = new DataView(out.buffer, preamble + header.length);
  for (let i = 0; i < bits.length; i++) view.setUint32(i * 4, bits[i], true);
  return out;
}
