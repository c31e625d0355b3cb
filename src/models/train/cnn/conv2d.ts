/**
 * Conv2D for training, NHWC with Keras' HWIO kernel, by im2col: the forward pass is one matrix
 * product cols @ kernel, the kernel gradient cols^T @ dY, the input gradient dY @ kernel^T folded
 * back by col2im. Padding follows TensorFlow: 'valid' none; 'same' out = ceil(in / stride), the
 * total padding split with the smaller half before (so stride 2 on an even size pads only after).
 */
import { gemmNN, gemmNT, gemmTN } from './gemm';

export interface Conv2DGeometry {
  n: number;
  h: number;
  w: number;
  c: number;
  kh: number;
  kw: number;
  f: number;
  sh: number;
  sw: number;
  dh: number;
  dw: number;
  padTop: number;
  padLeft: number;
  oh: number;
  ow: number;
}

/** Output size and padding of one spatial axis, as TensorFlow computes them. */
export function axisGeometry(size: number, k: number, stride: number, dilation: number, padding: 'valid' | 'same'): { out: number; padBefore: number } {
  const span = (k - 1) * dilation + 1;
  if (padding === 'valid') {
    const out = Math.floor((size - span) / stride) + 1;
    if (out < 1) throw new Error(`A window of ${span} does not fit an axis of ${size}.`);
    return { out, padBefore: 0 };
  }
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + span - size, 0);
  return { out, padBefore: Math.floor(total / 2) };
}

export function conv2dGeometry(
  input: [number, number, number, number],
  kernel: [number, number, number, number],
  strides: [number, number],
  padding: 'valid' | 'same',
  dilation: [number, number] = [1, 1],
): Conv2DGeometry {
  const [n, h, w, c] = input;
  const [kh, kw, kc, f] = kernel;
  if (kc !== c) throw new Error(`The kernel expects ${kc} input channels, the input has ${c}.`);
  const y = axisGeometry(h, kh, strides[0], dilation[0], padding);
  const x = axisGeometry(w, kw, strides[1], dilation[1], padding);
  return { n, h, w, c, kh, kw, f, sh: strides[0], sw: strides[1], dh: dilation[0], dw: dilation[1], padTop: y.padBefore, padLeft: x.padBefore, oh: y.out, ow: x.out };
}

/** Rows of cols: n * oh * ow; columns: kh * kw * c (Keras' kernel order: row, column, channel). */
export function im2col(x: Float32Array, g: Conv2DGeometry, cols: Float32Array): void {
  const K = g.kh * g.kw * g.c;
  let row = 0;
  for (let b = 0; b < g.n; b++) {
    const xb = b * g.h * g.w * g.c;
    for (let oy = 0; oy < g.oh; oy++) {
      for (let ox = 0; ox < g.ow; ox++, row++) {
        const base = row * K;
        let col = 0;
        for (let ky = 0; ky < g.kh; ky++) {
          const iy = oy * g.sh + ky * g.dh - g.padTop;
          for (let kx = 0; kx < g.kw; kx++) {
            const ix = ox * g.sw + kx * g.dw - g.padLeft;
            if (iy < 0 || iy >= g.h || ix < 0 || ix >= g.w) {
              cols.fill(0, base + col, base + col + g.c);
            } else {
              const src = xb + (iy * g.w + ix) * g.c;
              for (let ch = 0; ch < g.c; ch++) cols[base + col + ch] = x[src + ch];
            }
            col += g.c;
          }
        }
      }
    }
  }
}

/** Adds each column's gradient back onto the input position it was read from. */
export function col2im(dcols: Float32Array, g: Conv2DGeometry, dx: Float32Array): void {
  dx.fill(0, 0, g.n * g.h * g.w * g.c);
  const K = g.kh * g.kw * g.c;
  let row = 0;
  for (let b = 0; b < g.n; b++) {
    const xb = b * g.h * g.w * g.c;
    for (let oy = 0; oy < g.oh; oy++) {
      for (let ox = 0; ox < g.ow; ox++, row++) {
        const base = row * K;
        let col = 0;
        for (let ky = 0; ky < g.kh; ky++) {
          const iy = oy * g.sh + ky * g.dh - g.padTop;
          for (let kx = 0; kx < g.kw; kx++) {
            const ix = ox * g.sw + kx * g.dw - g.padLeft;
            if (iy >= 0 && iy < g.h && ix >= 0 && ix < g.w) {
              const dst = xb + (iy * g.w + ix) * g.c;
              for (let ch = 0; ch < g.c; ch++) dx[dst + ch] += dcols[base + col + ch];
            }
            col += g.c;
          }
        }
      }
    }
  }
}

/** y[n, oh, ow, f] = cols @ kernel + bias. `cols` must hold n*oh*ow*kh*kw*c floats; it is kept for backward. */
export function conv2dForward(
  x: Float32Array,
  kernel: Float32Array,
  bias: Float32Array | null,
  g: Conv2DGeometry,
  cols: Float32Array,
  y: Float32Array,
): void {
  const M = g.n * g.oh * g.ow;
  const K = g.kh * g.kw * g.c;
  im2col(x, g, cols);
  if (bias) {
    for (let m = 0; m < M; m++) y.set(bias, m * g.f);
    gemmNN(M, g.f, K, cols, kernel, y, true);
  } else {
    gemmNN(M, g.f, K, cols, kernel, y, false);
  }
}

/**
 * Gradients of a Conv2D given dY (n, oh, ow, f) and the cols of its forward pass: the kernel's
 * and the bias' (written, not accumulated), and the input's when `dx` is given (the first layer
 * needs none). `dcols` is scratch of the size of cols.
 */
export function conv2dBackward(
  dy: Float32Array,
  kernel: Float32Array,
  g: Conv2DGeometry,
  cols: Float32Array,
  dKernel: Float32Array,
  dBias: Float32Array | null,
  dx: Float32Array | null,
  dcols: Float32Array,
): void {
  const M = g.n * g.oh * g.ow;
  const K = g.kh * g.kw * g.c;
  gemmTN(M, g.f, K, cols, dy, dKernel, false);
  if (dBias) {
    dBias.fill(0);
    for (let m = 0; m < M; m++) for (let j = 0; j < g.f; j++) dBias[j] += dy[m * g.f + j];
  }
  if (dx) {
    gemmNT(M, g.f, K, dy, kernel, dcols);
    col2im(dcols, g, dx);
  }
}
