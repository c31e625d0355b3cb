/**
 * A minimal HDF5 WRITER, enough for a Keras 3 `model.weights.h5`: groups, contiguous float32
 * datasets (any rank, scalars included) and scalar variable-length UTF-8 string attributes (the
 * `name` attribute Keras 3 puts on every `vars` group).
 *
 * Why our own writer instead of h5wasm: jsfive (already used for reading, ~40 KiB gzip) cannot
 * write, and h5wasm bundles a WebAssembly libhdf5 of well over 1 MB for what is here about 300
 * lines. The layout copies what h5py/libhdf5 write with libver "earliest" (as in the Keras 3
 * fixture): superblock version 0, version-1 object headers, symbol-table groups (v1 B-tree +
 * local heap + symbol table nodes), one global heap collection for the strings. Tests read the
 * output back with jsfive, and with h5py (real libhdf5) when python3-h5py is installed.
 */

export interface H5Attr {
  name: string;
  /** Keras writes its attributes as scalar variable-length UTF-8 strings. */
  value: string;
}

export interface H5Dataset {
  kind: 'dataset';
  shape: number[];
  values: Float32Array;
  attrs?: H5Attr[];
}

export interface H5Group {
  kind: 'group';
  /** Children by link name (any order: HDF5 symbol tables are sorted on write). */
  children: Map<string, H5Group | H5Dataset>;
  attrs?: H5Attr[];
}

export function group(children: [string, H5Group | H5Dataset][] = [], attrs: H5Attr[] = []): H5Group {
  return { kind: 'group', children: new Map(children), attrs };
}

export function dataset(shape: number[], values: Float32Array, attrs: H5Attr[] = []): H5Dataset {
  return { kind: 'dataset', shape, values, attrs };
}

const UNDEF = -1; // written as all-ones (HDF5's undefined address)
const LEAF_K = 4; // symbol table node holds 2 * LEAF_K entries
const INTERNAL_K = 16; // B-tree node holds 2 * INTERNAL_K children
const SNOD_ENTRIES = 2 * LEAF_K;
const SNOD_SIZE = 8 + SNOD_ENTRIES * 40;
const BTREE_SIZE = 24 + 2 * INTERNAL_K * 8 + (2 * INTERNAL_K + 1) * 8;
const GCOL_MIN = 4096;
const OHDR_MIN = 256; // h5py pads headers to 256 bytes of messages; we do the same

const utf8 = new TextEncoder();

class Buf {
  bytes = new Uint8Array(1 << 16);
  view = new DataView(this.bytes.buffer);
  end = 0;

  alloc(size: number): number {
    const at = (this.end + 7) & ~7;
    const need = at + size;
    if (need > this.bytes.length) {
      let cap = this.bytes.length;
      while (cap < need) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(this.bytes);
      this.bytes = next;
      this.view = new DataView(next.buffer);
    }
    this.end = need;
    return at;
  }
  u8(at: number, v: number) {
    this.bytes[at] = v;
  }
  u16(at: number, v: number) {
    this.view.setUint16(at, v, true);
  }
  u32(at: number, v: number) {
    this.view.setUint32(at, v, true);
  }
  u64(at: number, v: number) {
    if (v === UNDEF) {
      this.view.setUint32(at, 0xffffffff, true);
      this.view.setUint32(at + 4, 0xffffffff, true);
    } else {
      this.view.setUint32(at, v % 0x100000000, true);
      this.view.setUint32(at + 4, Math.floor(v / 0x100000000), true);
    }
  }
  put(at: number, b: Uint8Array) {
    this.bytes.set(b, at);
  }
}

/** An object header message before placement: its type and its (unpadded) body. */
interface Msg {
  type: number;
  flags: number;
  body: Uint8Array;
}

function bytesOf(fill: (v: DataView, b: Uint8Array) => void, size: number): Uint8Array {
  const b = new Uint8Array(size);
  fill(new DataView(b.buffer), b);
  return b;
}

function setU64(v: DataView, at: number, n: number) {
  v.setUint32(at, n % 0x100000000, true);
  v.setUint32(at + 4, Math.floor(n / 0x100000000), true);
}

const pad8 = (n: number) => (n + 7) & ~7;

/** Where each attribute string lives in the global heap. */
type StringRefs = Map<string, { collection: number; index: number; length: number }>;

export function writeHdf5(root: H5Group): Uint8Array {
  const buf = new Buf();
  const superblock = buf.alloc(96);
  const strings = writeGlobalHeap(buf, root);
  const { header, btree, heap } = writeGroup(buf, root, strings);

  const sig = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
  sig.forEach((b, i) => buf.u8(superblock + i, b));
  // versions: superblock 0, free-space 0, root group symbol table 0, reserved, shared header 0
  buf.u8(superblock + 13, 8); // size of offsets
  buf.u8(superblock + 14, 8); // size of lengths
  buf.u16(superblock + 16, LEAF_K);
  buf.u16(superblock + 18, INTERNAL_K);
  buf.u32(superblock + 20, 0); // file consistency flags
  buf.u64(superblock + 24, 0); // base address
  buf.u64(superblock + 32, UNDEF); // free-space info
  buf.u64(superblock + 40, buf.end); // end of file
  buf.u64(superblock + 48, UNDEF); // driver info
  writeSymbolEntry(buf, superblock + 56, 0, header, btree, heap);
  return buf.bytes.slice(0, buf.end);
}

function collectStrings(node: H5Group | H5Dataset, out: string[]) {
  for (const a of node.attrs ?? []) out.push(a.value);
  if (node.kind === 'group') for (const child of node.children.values()) collectStrings(child, out);
}

function writeGlobalHeap(buf: Buf, root: H5Group): StringRefs {
  const values: string[] = [];
  collectStrings(root, values);
  const refs: StringRefs = new Map();
  if (values.length === 0) return refs;
  const unique = [...new Set(values)];
  const encoded = unique.map((s) => utf8.encode(s));
  const used = 16 + encoded.reduce((a, e) => a + 16 + pad8(e.length), 0);
  const size = Math.max(GCOL_MIN, pad8(used + 16));
  const at = buf.alloc(size);
  buf.put(at, utf8.encode('GCOL'));
  buf.u8(at + 4, 1);
  buf.u64(at + 8, size);
  let p = at + 16;
  encoded.forEach((e, i) => {
    buf.u16(p, i + 1); // object index (0 is the free space)
    buf.u16(p + 2, 0); // reference count, as h5py writes
    buf.u64(p + 8, e.length);
    buf.put(p + 16, e);
    refs.set(unique[i], { collection: at, index: i + 1, length: e.length });
    p += 16 + pad8(e.length);
  });
  buf.u16(p, 0); // free space object: its size counts its own header
  buf.u64(p + 8, at + size - p);
  return refs;
}

function attrMessage(a: H5Attr, strings: StringRefs): Msg {
  const ref = strings.get(a.value)!;
  const name = utf8.encode(a.name);
  const nameSize = name.length + 1;
  const dtype = bytesOf((v) => {
    v.setUint8(0, 0x19); // class 9 (variable-length), version 1
    v.setUint8(1, 0x01); // type 1 = string, padding 0 = null terminate
    v.setUint8(2, 0x01); // charset UTF-8
    v.setUint32(4, 16, true); // element size: length + global heap id
    v.setUint8(8, 0x10); // base type: fixed-point version 1, unsigned 8-bit
    v.setUint32(12, 1, true);
    v.setUint16(16, 0, true);
    v.setUint16(18, 8, true);
  }, 20);
  const space = bytesOf((v) => v.setUint8(0, 1), 8); // version 1, rank 0: scalar
  const size = 8 + pad8(nameSize) + pad8(dtype.length) + pad8(space.length) + 16;
  const body = bytesOf((v, b) => {
    v.setUint8(0, 1);
    v.setUint16(2, nameSize, true);
    v.setUint16(4, dtype.length, true);
    v.setUint16(6, space.length, true);
    let p = 8;
    b.set(name, p);
    p += pad8(nameSize);
    b.set(dtype, p);
    p += pad8(dtype.length);
    b.set(space, p);
    p += pad8(space.length);
    v.setUint32(p, ref.length, true);
    setU64(v, p + 4, ref.collection);
    v.setUint32(p + 12, ref.index, true);
  }, size);
  return { type: 0x0c, flags: 0, body };
}

function writeObjectHeader(buf: Buf, msgs: Msg[]): number {
  let size = msgs.reduce((a, m) => a + 8 + pad8(m.body.length), 0);
  const nil = size < OHDR_MIN ? OHDR_MIN - size : 0;
  const all = nil >= 8 ? [...msgs, { type: 0, flags: 0, body: new Uint8Array(nil - 8) }] : msgs;
  size = all.reduce((a, m) => a + 8 + pad8(m.body.length), 0);
  const at = buf.alloc(16 + size);
  buf.u8(at, 1); // version 1
  buf.u16(at + 2, all.length);
  buf.u32(at + 4, 1); // reference count
  buf.u32(at + 8, size);
  let p = at + 16;
  for (const m of all) {
    buf.u16(p, m.type);
    buf.u16(p + 2, pad8(m.body.length));
    buf.u8(p + 4, m.flags);
    buf.put(p + 8, m.body);
    p += 8 + pad8(m.body.length);
  }
  return at;
}

function writeDataset(buf: Buf, ds: H5Dataset, strings: StringRefs): number {
  const count = ds.shape.reduce((a, d) => a * d, 1);
  if (count !== ds.values.length) throw new Error(`HDF5 writer: shape [${ds.shape}] needs ${count} values, got ${ds.values.length}`);
  const nbytes = count * 4;
  let dataAt = UNDEF;
  if (nbytes > 0) {
    dataAt = buf.alloc(nbytes);
    const le = new Uint8Array(nbytes);
    const v = new DataView(le.buffer);
    ds.values.forEach((x, i) => v.setFloat32(i * 4, x, true));
    buf.put(dataAt, le);
  }
  const rank = ds.shape.length;
  const space = bytesOf((v) => {
    v.setUint8(0, 1);
    v.setUint8(1, rank);
    v.setUint8(2, rank > 0 ? 1 : 0); // max dims present, as h5py writes
    ds.shape.forEach((d, i) => {
      setU64(v, 8 + i * 8, d);
      setU64(v, 8 + (rank + i) * 8, d);
    });
  }, 8 + (rank > 0 ? 16 * rank : 0));
  const dtype = bytesOf((v) => {
    v.setUint8(0, 0x11); // class 1 (floating point), version 1
    v.setUint8(1, 0x20); // little-endian, mantissa normalisation: implied msb
    v.setUint8(2, 31); // sign bit location
    v.setUint32(4, 4, true);
    v.setUint16(8, 0, true); // bit offset
    v.setUint16(10, 32, true); // precision
    v.setUint8(12, 23); // exponent location
    v.setUint8(13, 8); // exponent size
    v.setUint8(14, 0); // mantissa location
    v.setUint8(15, 23); // mantissa size
    v.setUint32(16, 127, true); // exponent bias
  }, 20);
  const fill = new Uint8Array([2, 2, 2, 1, 0, 0, 0, 0]); // v2, late alloc, write if set, default value (size 0)
  const layout = bytesOf((v) => {
    v.setUint8(0, 3);
    v.setUint8(1, 1); // contiguous
    if (dataAt === UNDEF) {
      v.setUint32(2, 0xffffffff, true);
      v.setUint32(6, 0xffffffff, true);
    } else setU64(v, 2, dataAt);
    setU64(v, 10, nbytes);
  }, 18);
  return writeObjectHeader(buf, [
    { type: 0x01, flags: 0, body: space },
    { type: 0x03, flags: 1, body: dtype },
    { type: 0x05, flags: 1, body: fill },
    { type: 0x08, flags: 0, body: layout },
    ...(ds.attrs ?? []).map((a) => attrMessage(a, strings)),
  ]);
}

interface Written {
  header: number;
  btree: number;
  heap: number;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function writeSymbolEntry(buf: Buf, at: number, nameOffset: number, header: number, btree = UNDEF, heap = UNDEF) {
  buf.u64(at, nameOffset);
  buf.u64(at + 8, header);
  const isGroup = btree !== UNDEF;
  buf.u32(at + 16, isGroup ? 1 : 0); // cache type 1: scratch holds the group's B-tree and heap
  if (isGroup) {
    buf.u64(at + 24, btree);
    buf.u64(at + 32, heap);
  }
}

function writeGroup(buf: Buf, g: H5Group, strings: StringRefs): Written {
  const entries = [...g.children.entries()].map(([name, node]) => ({ name, bytes: utf8.encode(name), node }));
  entries.sort((a, b) => compareBytes(a.bytes, b.bytes));
  if (entries.length > SNOD_ENTRIES * 2 * INTERNAL_K) throw new Error('HDF5 writer: too many entries in one group');
  for (const e of entries) if (e.bytes.length === 0 || e.name.includes('/')) throw new Error(`HDF5 writer: bad link name "${e.name}"`);

  const children = entries.map((e) =>
    e.node.kind === 'group' ? writeGroup(buf, e.node, strings) : { header: writeDataset(buf, e.node, strings), btree: UNDEF, heap: UNDEF },
  );

  // Local heap: offset 0 is the empty string, then each name, NUL-terminated, padded to 8.
  const offsets: number[] = [];
  let heapSize = 8;
  for (const e of entries) {
    offsets.push(heapSize);
    heapSize += pad8(e.bytes.length + 1);
  }
  const heap = buf.alloc(32);
  const heapData = buf.alloc(heapSize);
  buf.put(heap, utf8.encode('HEAP'));
  buf.u64(heap + 8, heapSize);
  buf.u64(heap + 16, 1); // no free block (libhdf5's H5HL_FREE_NULL)
  buf.u64(heap + 24, heapData);
  entries.forEach((e, i) => buf.put(heapData + offsets[i], e.bytes));

  // Symbol table nodes of up to 2K entries each, sorted; one B-tree leaf points at them all.
  const snods: number[] = [];
  const lastKey: number[] = [];
  for (let start = 0; start < entries.length; start += SNOD_ENTRIES) {
    const at = buf.alloc(SNOD_SIZE);
    buf.put(at, utf8.encode('SNOD'));
    buf.u8(at + 4, 1);
    const chunk = entries.slice(start, start + SNOD_ENTRIES);
    buf.u16(at + 6, chunk.length);
    chunk.forEach((_, j) => {
      const i = start + j;
      writeSymbolEntry(buf, at + 8 + j * 40, offsets[i], children[i].header, children[i].btree, children[i].heap);
    });
    snods.push(at);
    lastKey.push(offsets[start + chunk.length - 1]);
  }
  const btree = buf.alloc(BTREE_SIZE);
  buf.put(btree, utf8.encode('TREE'));
  buf.u8(btree + 4, 0); // group node
  buf.u8(btree + 5, 0); // leaf level
  buf.u16(btree + 6, snods.length);
  buf.u64(btree + 8, UNDEF);
  buf.u64(btree + 16, UNDEF);
  let p = btree + 24;
  buf.u64(p, 0); // key 0: the empty name
  p += 8;
  snods.forEach((s, i) => {
    buf.u64(p, s);
    buf.u64(p + 8, lastKey[i]);
    p += 16;
  });

  const stab = bytesOf((v) => {
    setU64(v, 0, btree);
    setU64(v, 8, heap);
  }, 16);
  const header = writeObjectHeader(buf, [{ type: 0x11, flags: 0, body: stab }, ...(g.attrs ?? []).map((a) => attrMessage(a, strings))]);
  return { header, btree, heap };
}
