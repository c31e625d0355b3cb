/**
 * RMSprop as Keras 3 defines it (keras/src/optimizers/rmsprop.py, `update_step`, momentum 0,
 * centered False):
 *   velocity = rho * velocity + (1 - rho) * g^2
 *   variable -= lr * g / sqrt(velocity + epsilon)
 * Epsilon goes INSIDE the square root (Keras 3 computes `denominator = velocity + epsilon`, then
 * `lr * g / sqrt(denominator)`), as tf.keras 2 documented and as tfjs' RMSPropOptimizer does.
 * Velocity starts at 0. Defaults: rho 0.9, epsilon 1e-7.
 */
export const RHO = 0.9;
export const RMSPROP_EPSILON = 1e-7;

/** The SIMD kernel's RMSprop (float32), for weights that live in its memory. */
export interface RmsPropKernel {
  owns(a: Float32Array): boolean;
  rmsprop(w: Float32Array, g: Float32Array, v: Float32Array, lr: number, rho: number, eps: number): void;
  alloc(n: number): Float32Array;
}

export class RmsProp {
  private readonly velocity: Float32Array[];

  /**
   * With `kernel`, the velocity lives in the kernel's memory and weights that live there too are
   * updated by the SIMD kernel (float32 arithmetic, as Keras); the rest in plain TypeScript.
   */
  constructor(
    sizes: number[],
    private readonly learningRate: number,
    private readonly rho = RHO,
    private readonly epsilon = RMSPROP_EPSILON,
    private readonly kernel: RmsPropKernel | null = null,
  ) {
    this.velocity = sizes.map((n) => (kernel ? kernel.alloc(n) : new Float32Array(n)));
  }

  /** Updates `weights` in place from `grads` (same order and sizes). */
  step(weights: Float32Array[], grads: Float32Array[]): void {
    const { rho, epsilon, learningRate: lr, kernel } = this;
    for (let t = 0; t < weights.length; t++) {
      const w = weights[t];
      const g = grads[t];
      const v = this.velocity[t];
      if (kernel && kernel.owns(w) && kernel.owns(g) && kernel.owns(v)) {
        kernel.rmsprop(w, g, v, lr, rho, epsilon);
        continue;
      }
      for (let i = 0; i < w.length; i++) {
        const gi = g[i];
        v[i] = rho * v[i] + (1 - rho) * gi * gi;
        w[i] -= (lr * gi) / Math.sqrt(v[i] + epsilon);
      }
    }
  }
}
