/** Keras' default Dense initialisers: kernel glorot_uniform, bias zeros, drawn from a seeded Rng. */
import type { Rng } from './random';

/** glorot_uniform: U(-limit, limit) with limit = sqrt(6 / (fan_in + fan_out)); row-major [fanIn, fanOut]. */
export function glorotUniform(fanIn: number, fanOut: number, rng: Rng): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < values.length; i++) values[i] = rng.uniformIn(-limit, limit);
  return values;
}

export function zeros(n: number): Float32Array {
  return new Float32Array(n);
}
