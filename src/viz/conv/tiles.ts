/**
 * Tensors with spatial axes as grids of small pictures ("tiles"), one per channel of a feature map
 * or one per (filter, in-channel) of a conv kernel; 1D signals as one-pixel-high strips; 3D volumes
 * one depth slice at a time. The tiles are chosen from a Layout (src/inspector/axes.ts), never from
 * a layer's class. Pure functions: painting fills RGBA bytes, the component puts them on a canvas.
 */
import type { Layout } from '../../inspector/axes';
import { signedColourTable } from '../colour';
import { convMaps } from '../../i18n/messages/conv-maps';

/** How the pictures' values map to colour: greyscale (activations) or the signed scale (weights). */
export type TileColour = 'grey' | 'signed';
/** One colour range for all tiles (equal values look equal) or one per tile (each tile's contrast). */
export type TileScale = 'shared' | 'per-tile';

/** Where tile t, row r, column c lives in the flat values: base + c_t*sC + f_t*sF + r*sR + c*sW. */
export interface TileSource {
  tiles: number;
  tileH: number;
  tileW: number;
  /** Tiles per grid row: in-channels for a kernel (one row per filter), else chosen squarish. */
  cols: number;
  /** Channels (or in-channels) per filter: tile t is channel t % nC of filter floor(t / nC). */
  nC: number;
  nF: number;
  base: number;
  sC: number;
  sF: number;
  sR: number;
  sW: number;
  /** Axis indices, to name a value's full index. */
  shape: number[];
  axes: { batch: number | null; depth: number | null; height: number | null; width: number; channel: number | null; filter: number | null };
  /** The depth slice shown (volumes); 0 otherwise. */
  slice: number;
  depth: number;
}

function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1] * shape[i + 1];
  return s;
}

/** Tiles of a layout of kind images, strips or volume; null for any other layout. */
export function tileSource(shape: readonly number[], layout: Layout, slice = 0): TileSource | null {
  if (layout.kind !== 'images' && layout.kind !== 'strips' && layout.kind !== 'volume') return null;
  const st = strides(shape);
  const heightAxis = layout.kind === 'strips' ? null : layout.heightAxis;
  const widthAxis = layout.kind === 'strips' ? layout.stepAxis : layout.widthAxis;
  const depthAxis = layout.kind === 'volume' ? layout.depthAxis : null;
  const { channelAxis, filterAxis } = layout;
  const nC = channelAxis === null ? 1 : shape[channelAxis];
  const nF = filterAxis === null ? 1 : shape[filterAxis];
  const depth = depthAxis === null ? 1 : shape[depthAxis];
  const d = Math.max(0, Math.min(depth - 1, Math.trunc(slice)));
  const tiles = nC * nF;
  const cols = filterAxis !== null ? nC : squarishCols(tiles, heightAxis === null ? 1 : shape[heightAxis], shape[widthAxis]);
  return {
    tiles,
    tileH: heightAxis === null ? 1 : shape[heightAxis],
    tileW: shape[widthAxis],
    cols,
    nC,
    nF,
    base: depthAxis === null ? 0 : d * st[depthAxis],
    sC: channelAxis === null ? 0 : st[channelAxis],
    sF: filterAxis === null ? 0 : st[filterAxis],
    sR: heightAxis === null ? 0 : st[heightAxis],
    sW: st[widthAxis],
    shape: [...shape],
    axes: { batch: layout.batchAxis, depth: depthAxis, height: heightAxis, width: widthAxis, channel: channelAxis, filter: filterAxis },
    slice: d,
    depth,
  };
}

/** Grid columns so that the grid is about as wide as it is tall (1D strips: one column). */
function squarishCols(tiles: number, h: number, w: number): number {
  if (h === 1) return 1;
  return Math.max(1, Math.min(tiles, Math.ceil(Math.sqrt((tiles * h) / w))));
}

/** The flat index of tile t's value at (r, c). */
export function flatIndex(src: TileSource, t: number, r: number, c: number): number {
  const ch = t % src.nC;
  const f = Math.floor(t / src.nC);
  return src.base + ch * src.sC + f * src.sF + r * src.sR + c * src.sW;
}

/** The full index of tile t's value at (r, c), one entry per axis (batch 0). */
export function fullIndex(src: TileSource, t: number, r: number, c: number): number[] {
  const idx = src.shape.map(() => 0);
  const { axes } = src;
  if (axes.depth !== null) idx[axes.depth] = src.slice;
  if (axes.height !== null) idx[axes.height] = r;
  idx[axes.width] = c;
  if (axes.channel !== null) idx[axes.channel] = t % src.nC;
  if (axes.filter !== null) idx[axes.filter] = Math.floor(t / src.nC);
  return idx;
}

/** The spatial position of (r, c) on tile t's slice: [col] (1D), [row, col] (2D), [slice, row, col] (3D). */
export function spatialPosition(src: TileSource, r: number, c: number): number[] {
  if (src.axes.depth !== null) return [src.slice, r, c];
  return src.axes.height === null ? [c] : [r, c];
}

/** The full Python index of tile t's value at (r, c), e.g. "[0, 12, 40, 5]". */
export function indexLabel(src: TileSource, t: number, r: number, c: number): string {
  return `[${fullIndex(src, t, r, c).join(', ')}]`;
}

/** "channel 5", or "filter 3, in-channel 1" for a kernel. */
export function tileName(src: TileSource, t: number): string {
  if (src.axes.filter !== null) return convMaps.filterTile(Math.floor(t / src.nC), t % src.nC);
  return src.axes.channel === null ? convMaps.valuesTile : convMaps.channelTile(t % src.nC);
}

/** Per tile min and max over the finite values (0, 0 for a tile with none). */
export function tileRanges(values: ArrayLike<number>, src: TileSource): { min: Float64Array; max: Float64Array } {
  const min = new Float64Array(src.tiles).fill(Infinity);
  const max = new Float64Array(src.tiles).fill(-Infinity);
  for (let t = 0; t < src.tiles; t++) {
    const ch = t % src.nC;
    const f = Math.floor(t / src.nC);
    const o = src.base + ch * src.sC + f * src.sF;
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = 0; r < src.tileH; r++) {
      let i = o + r * src.sR;
      for (let c = 0; c < src.tileW; c++, i += src.sW) {
        const v = values[i];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    min[t] = Number.isFinite(lo) ? lo : 0;
    max[t] = Number.isFinite(hi) ? hi : 0;
  }
  return { min, max };
}

/** The colour range of tile t: [lo, hi] (grey) or [-m, m] (signed). */
export function rangeOf(ranges: { min: Float64Array; max: Float64Array }, t: number, scale: TileScale, colour: TileColour): [number, number] {
  let lo: number;
  let hi: number;
  if (scale === 'per-tile') {
    lo = ranges.min[t];
    hi = ranges.max[t];
  } else {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < ranges.min.length; i++) {
      if (ranges.min[i] < lo) lo = ranges.min[i];
      if (ranges.max[i] > hi) hi = ranges.max[i];
    }
    if (!Number.isFinite(lo)) lo = hi = 0;
  }
  if (colour === 'signed') {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return [-m, m];
  }
  return [lo, hi];
}

const NON_FINITE = 184;

/** For each of `out` display pixels along an axis of `n` values: the first and one-past-last value it covers. */
function boxes(n: number, out: number): { start: Int32Array; end: Int32Array } {
  const start = new Int32Array(out);
  const end = new Int32Array(out);
  for (let d = 0; d < out; d++) {
    const a = Math.min(n - 1, Math.floor((d * n) / out));
    start[d] = a;
    end[d] = Math.max(a + 1, Math.min(n, Math.floor(((d + 1) * n) / out)));
  }
  return { start, end };
}

/**
 * The whole grid as RGBA bytes at display size (width x height CSS pixels, transparent gaps):
 * each display pixel shows the mean of the values it covers (shrunk pictures) or the one value
 * under it (enlarged ones). One pass over the values, one putImageData: no per-tile canvas work.
 */
export function paintGrid(
  values: ArrayLike<number>,
  src: TileSource,
  g: GridGeometry,
  colour: TileColour,
  scale: TileScale,
): { data: Uint8ClampedArray<ArrayBuffer>; width: number; height: number } {
  const W = Math.max(1, Math.round(g.width));
  const H = Math.max(1, Math.round(g.height));
  const out = new Uint8ClampedArray(W * H * 4);
  const ranges = tileRanges(values, src);
  const tw = Math.max(1, Math.round(src.tileW * g.kx));
  const th = Math.max(1, Math.round(src.tileH * g.ky));
  const cols = boxes(src.tileW, tw);
  const rows = boxes(src.tileH, th);
  const lineValues = new Float64Array(tw);
  const lineCounts = new Int32Array(tw);
  for (let t = 0; t < src.tiles; t++) {
    const [lo, hi] = rangeOf(ranges, t, scale, colour);
    const lut = colour === 'signed' ? signedColourTable(hi) : null;
    const k = hi > lo ? 255 / (hi - lo) : 0;
    const o = tileOrigin(g, src, t);
    const x0 = Math.round(o.x);
    const y0 = Math.round(o.y);
    const base = src.base + (t % src.nC) * src.sC + Math.floor(t / src.nC) * src.sF;
    for (let dy = 0; dy < th && y0 + dy < H; dy++) {
      lineValues.fill(0);
      lineCounts.fill(0);
      for (let r = rows.start[dy]; r < rows.end[dy]; r++) {
        const rowBase = base + r * src.sR;
        for (let dx = 0; dx < tw; dx++) {
          for (let c = cols.start[dx]; c < cols.end[dx]; c++) {
            const v = values[rowBase + c * src.sW];
            if (v === v && v !== Infinity && v !== -Infinity) {
              lineValues[dx] += v;
              lineCounts[dx]++;
            }
          }
        }
      }
      let p = ((y0 + dy) * W + x0) * 4;
      for (let dx = 0; dx < tw && x0 + dx < W; dx++, p += 4) {
        if (lineCounts[dx] === 0) {
          out[p] = out[p + 1] = out[p + 2] = NON_FINITE;
        } else {
          const v = lineValues[dx] / lineCounts[dx];
          if (lut) {
            const i = lut.indexOf(v) * 3;
            out[p] = lut.table[i];
            out[p + 1] = lut.table[i + 1];
            out[p + 2] = lut.table[i + 2];
          } else {
            out[p] = out[p + 1] = out[p + 2] = (v - lo) * k;
          }
        }
        out[p + 3] = 255;
      }
    }
  }
  return { data: out, width: W, height: H };
}

/** One tile's values as a height x width matrix (for the numbers view). */
export function tileValues(values: ArrayLike<number>, src: TileSource, t: number): Float32Array {
  const out = new Float32Array(src.tileH * src.tileW);
  for (let r = 0; r < src.tileH; r++) for (let c = 0; c < src.tileW; c++) out[r * src.tileW + c] = values[flatIndex(src, t, r, c)];
  return out;
}

/** Where the grid puts tiles on screen, in CSS pixels. */
export interface GridGeometry {
  /** CSS pixels per value, horizontally and vertically (strips get taller rows). */
  kx: number;
  ky: number;
  gap: number;
  /** Kernels with several filters per row: an extra gap after every `group` pictures (one filter). */
  group: number;
  groupGap: number;
  cols: number;
  rows: number;
  width: number;
  height: number;
}

/**
 * Tiles are drawn `tilePx` CSS pixels on their longer side (never fewer than one pixel per value
 * for small tiles: 3x3 kernels get 8 px per value); strips are `stripPx` high.
 */
export function gridGeometry(src: TileSource, tilePx = 84, stripPx = 14, maxWidth = 880): GridGeometry {
  if (src.axes.filter !== null) {
    // A kernel: one row per filter, one picture per in-channel, as large as the width allows.
    const gap = src.nC > 16 ? 1 : 3;
    const per = (maxWidth + gap) / src.nC - gap;
    const kx = Math.max(1, Math.min(12, Math.floor(per / src.tileW)));
    const ky = src.tileH === 1 ? Math.max(kx, 8) : kx;
    // Few in-channels (a first conv layer has 1 or 3): several filters share a grid row.
    const filtersPerRow = Math.max(1, Math.min(src.nF, Math.floor((maxWidth + gap) / (src.nC * (src.tileW * kx + gap) + GROUP_GAP))));
    return finish(src, kx, ky, gap, src.nC * filtersPerRow, filtersPerRow > 1 ? src.nC : 0);
  }
  if (src.tileH === 1) {
    // 1D signals: one strip per channel, stacked.
    // as wide as a picture would be (short signals) but within maxWidth; whole CSS pixels per step when >= 1
    const kx = Math.min(maxWidth / src.tileW, Math.max(8, tilePx / src.tileW));
    return finish(src, kx >= 1 ? Math.floor(kx) : kx, stripPx, 3, 1);
  }
  const long = Math.max(src.tileH, src.tileW);
  const kx = Math.max(tilePx / long, long <= 8 ? 8 : 0);
  const gap = 4;
  const cols = Math.max(1, Math.min(src.cols, Math.floor((maxWidth + gap) / (src.tileW * kx + gap))));
  return finish(src, kx, kx, gap, cols);
}

const GROUP_GAP = 8;

function finish(src: TileSource, kx: number, ky: number, gap: number, cols: number, group = 0): GridGeometry {
  const rows = Math.ceil(src.tiles / cols);
  const groupGap = group > 0 ? GROUP_GAP : 0;
  const groups = group > 0 ? Math.ceil(cols / group) - 1 : 0;
  return {
    kx, ky, gap, group, groupGap, cols, rows,
    width: cols * (src.tileW * kx + gap) - gap + groups * groupGap,
    height: rows * (src.tileH * ky + gap) - gap,
  };
}

/** The left edge of grid column `col`. */
function colX(g: GridGeometry, src: TileSource, col: number): number {
  return col * (src.tileW * g.kx + g.gap) + (g.group > 0 ? Math.floor(col / g.group) * g.groupGap : 0);
}

/** The top-left CSS position of tile t. */
export function tileOrigin(g: GridGeometry, src: TileSource, t: number): { x: number; y: number } {
  const col = t % g.cols;
  const row = Math.floor(t / g.cols);
  return { x: colX(g, src, col), y: row * (src.tileH * g.ky + g.gap) };
}

/** The tile and value under CSS point (x, y) of the grid; null over a gap or outside. */
export function hitTile(g: GridGeometry, src: TileSource, x: number, y: number): { tile: number; row: number; col: number } | null {
  const tw = src.tileW * g.kx;
  const th = src.tileH * g.ky;
  const gr = Math.floor(y / (th + g.gap));
  let gc = -1;
  for (let c = 0; c < g.cols; c++) {
    const x0 = colX(g, src, c);
    if (x >= x0 && x < x0 + tw) gc = c;
  }
  if (gc < 0 || gr < 0) return null;
  const tile = gr * g.cols + gc;
  if (tile >= src.tiles) return null;
  const lx = x - colX(g, src, gc);
  const ly = y - gr * (th + g.gap);
  if (ly >= th) return null;
  return { tile, row: Math.min(src.tileH - 1, Math.floor(ly / g.ky)), col: Math.min(src.tileW - 1, Math.floor(lx / g.kx)) };
}

/** A value the user picked or points at. */
export interface PickedValue {
  tile: number;
  /** Channel (in-channel for a kernel). */
  channel: number;
  /** Filter of a kernel; 0 otherwise. */
  filter: number;
  row: number;
  col: number;
  /** Depth slice (volumes); 0 otherwise. */
  slice: number;
  /** Index into the flat values. */
  index: number;
  value: number;
  /** Spatial position: [col] (1D), [row, col] (2D), [slice, row, col] (3D). */
  position: number[];
  /** The full index, one entry per axis, batch first. */
  at: number[];
}

/** What an arithmetic panel needs of a picked value: its spatial position, channel and full index. */
export type PickedCell = Pick<PickedValue, 'position' | 'channel' | 'at'>;
