/**
 * MaxPooling2D for training, NHWC: the forward pass remembers where each maximum came from and
 * the backward pass sends the gradient there (the first maximum on ties, as TensorFlow's argmax).
 * 'same' padding never wins a maximum: padded cells are skipped, as in TensorFlow.
 */
import { axisGeometry } from './conv2d';

export interface Pool2DGeometry {
  n: number;
  h: number;
  w: number;
  c: number;
  ph: number;
  pw: number;
  sh: number;
  sw: number;
  padTop: number;
  padLeft: number;
  oh: number;
  ow: number;
}

export function pool2dGeometry(
  input: [number, number, number, number],
  pool: [number, number],
  strides: [number, number],
  padding: 'valid' | 'same',
): Pool2DGeometry {
  const [n, h, w, c] = input;
  const y = axisGeometry(h, pool[0], strides[0], 1, padding);
  const x = axisGeometry(w, pool[1], strides[1], 1, padding);
  return { n, h, w, c, ph: pool[0], pw: pool[1], sh: strides[0], sw: strides[1], padTop: y.padBefore, padLeft: x.padBefore, oh: y.out, ow: x.out };
}

/** y = max over each window; argmax[i] = the flat input index of output i's maximum. */
export function maxPool2dForward(x: Float32Array, g: Pool2DGeometry, y: Float32Array, argmax: Int32Array): void {
  let o = 0;
  for (let b = 0; b < g.n; b++) {
    const xb = b * g.h * g.w * g.c;
    for (let oy = 0; oy < g.oh; oy++) {
      const y0 = oy * g.sh - g.padTop;
      for (let ox = 0; ox < g.ow; ox++) {
        const x0 = ox * g.sw - g.padLeft;
        for (let ch = 0; ch < g.c; ch++, o++) {
          let best = -Infinity;
          let at = -1;
          for (let ky = 0; ky < g.ph; ky++) {
            const iy = y0 + ky;
            if (iy < 0 || iy >= g.h) continue;
            for (let kx = 0; kx < g.pw; kx++) {
              const ix = x0 + kx;
              if (ix < 0 || ix >= g.w) continue;
              const idx = xb + (iy * g.w + ix) * g.c + ch;
              const v = x[idx];
              if (v > best || at < 0) {
                best = v;
                at = idx;
              }
            }
          }
          y[o] = best;
          argmax[o] = at;
        }
      }
    }
  }
}

/** dx = 0 except at each window's maximum, which receives its output's gradient. */
export function maxPool2dBackward(dy: Float32Array, argmax: Int32Array, outSize: number, dx: Float32Array, inSize: number): void {
  dx.fill(0, 0, inSize);
  for (let o = 0; o < outSize; o++) dx[argmax[o]] += dy[o];
}
