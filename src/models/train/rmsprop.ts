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

export class RmsProp {
  private readonly velocity: Float32Array[];

  constructor(
    sizes: number[],
    private readonly learningRate: number,
    private readonly rho = RHO,
    private readonly epsilon = RMSPROP_EPSILON,
  ) {
    this.velocity = sizes.map((n) => new Float32Array(n));
  }

  /** Updates `weights` in place from `grads` (same order and sizes). */
  step(weights: Float32Array[], grads: Float32Array[]): void {
    const { rho, epsilon, learningRate: lr } = this;
    for (let t = 0; t < weights.length; t++) {
      const w = weights[t];
      const g = grads[t];
      const v = this.velocity[t];
      for (let i = 0; i < w.length; i++) {
        const gi = g[i];
        v[i] = rho * v[i] + (1 - rho) * gi * gi;
        w[i] -= (lr * gi) / Math.sqrt(v[i] + epsilon);
      }
    }
  }
}
