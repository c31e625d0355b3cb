/**
 * The training engine on tfjs ops and tf.variableGrads, with the same split, shuffle, dropout
 * masks and RMSprop (Keras 3: epsilon inside the square root, see rmsprop.ts) as the fast engine.
 * It runs any recipe and is the oracle the fast engine is tested against. Every tensor it makes
 * is disposed: batch work inside tf.tidy, the variables in dispose().
 */
import { tf } from '../tf';
import type { ActivationName, Dataset, Recipe, WeightTensor } from '../types';
import type { Rng } from '../random';
import { inputWidth, weightSpecs } from './recipe-weights';
import { EPSILON } from './losses';
import { RHO, RMSPROP_EPSILON } from './rmsprop';
import type { BatchResult, TrainEngine } from './engine';

type Tensor = ReturnType<typeof tf.tensor>;

function activate(fn: ActivationName, x: Tensor): Tensor {
  switch (fn) {
    case 'linear':
      return x;
    case 'relu':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'tanh':
      return tf.tanh(x);
    case 'softmax':
      return tf.softmax(x);
  }
}

export class TfjsEngine implements TrainEngine {
  readonly label: string;
  private readonly vars: ReturnType<typeof tf.variable>[];
  private readonly velocity: ReturnType<typeof tf.variable>[];
  private readonly x: Tensor;
  private readonly y: Tensor;
  private readonly classify: boolean;
  private readonly outUnits: number;

  constructor(
    private readonly recipe: Recipe,
    private readonly data: Dataset,
    weights: WeightTensor[],
    private readonly learningRate: number,
    private readonly dropoutRng: Rng,
  ) {
    this.label = `tfjs ${tf.getBackend()}`;
    const specs = weightSpecs(recipe);
    this.vars = specs.map((s) => {
      const w = weights.find((t) => t.layer === s.layer && t.name === s.name);
      if (!w) throw new Error(`No weights given for ${s.layer}/${s.name}.`);
      // Inside tidy: the initial tensor is freed, the variable keeps the data.
      return tf.tidy(() => tf.variable(tf.tensor(w.values, s.shape, 'float32')));
    });
    this.velocity = specs.map((s) => tf.tidy(() => tf.variable(tf.zeros(s.shape))));
    this.x = tf.tensor2d(data.x instanceof Float32Array ? data.x : Float32Array.from(data.x), [data.rows, inputWidth(recipe)], 'float32');
    this.classify = recipe.loss === 'sparse_categorical_crossentropy';
    this.y = this.classify ? tf.tensor1d(Int32Array.from(data.y), 'int32') : tf.tensor2d(Float32Array.from(data.y), [data.rows, 1]);
    const lastDense = [...recipe.layers].reverse().find((l) => l.className === 'Dense');
    this.outUnits = lastDense && lastDense.className === 'Dense' ? lastDense.units : inputWidth(recipe);
  }

  /** Dropout masks for a batch of n rows, drawn in the same order as the fast engine draws them. */
  private masks(n: number): Map<number, Tensor> {
    const masks = new Map<number, Tensor>();
    let width = inputWidth(this.recipe);
    this.recipe.layers.forEach((l, i) => {
      if (l.className === 'Dense') width = l.units;
      if (l.className !== 'Dropout' || l.rate <= 0) return;
      const scale = 1 / (1 - l.rate);
      const m = new Float32Array(n * width);
      for (let j = 0; j < m.length; j++) m[j] = this.dropoutRng.uniform() >= l.rate ? scale : 0;
      masks.set(i, tf.tensor2d(m, [n, width]));
    });
    return masks;
  }

  private forward(x: Tensor, masks: Map<number, Tensor> | null): Tensor {
    let h = x;
    let v = 0;
    this.recipe.layers.forEach((l, i) => {
      if (l.className === 'Dense') {
        h = tf.add(tf.matMul(h as Parameters<typeof tf.matMul>[0], this.vars[v]), this.vars[v + 1]);
        v += 2;
        if (l.activation) h = activate(l.activation, h);
      } else if (l.className === 'Activation') {
        h = activate(l.activation, h);
      } else if (l.className === 'Rescaling') {
        h = tf.add(tf.mul(h, l.scale), l.offset);
      } else if (l.className === 'Flatten') {
        // Rows are already flat ([n, features], row by row): nothing to do.
      } else {
        const m = masks?.get(i);
        if (m) h = tf.mul(h, m);
      }
    });
    return h;
  }

  private loss(out: Tensor, y: Tensor): Tensor {
    if (this.classify) {
      // Keras 3 (from_logits=False): renormalise each row, output / sum(output), then clip (see losses.ts).
      const p = tf.clipByValue(tf.div(out, tf.sum(out, 1, true)), EPSILON, 1 - EPSILON);
      const oneHot = tf.oneHot(y as Parameters<typeof tf.oneHot>[0], this.outUnits);
      return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.log(p)), 1)));
    }
    return tf.mean(tf.mean(tf.square(tf.sub(out, y)), 1));
  }

  private correct(out: Tensor, y: Tensor): Tensor {
    return this.classify ? tf.sum(tf.cast(tf.equal(tf.argMax(out, 1), y), 'int32')) : tf.scalar(0, 'int32');
  }

  /**
   * One batch's loss, correct count and gradients, inside a tf.tidy. `update` may use the
   * gradients (RMSprop's step) before the tidy frees them; what it returns is kept.
   */
  private batch<T extends Tensor[]>(
    rows: Int32Array,
    start: number,
    end: number,
    update: (grads: Tensor[]) => T,
  ): { loss: number; correct: number; kept: T } {
    const idx = tf.tensor1d(rows.slice(start, end), 'int32');
    const masks = this.masks(end - start);
    const [value, correct, kept] = tf.tidy(() => {
      const xb = tf.gather(this.x, idx);
      const yb = tf.gather(this.y, idx);
      let correctT: Tensor | null = null;
      const { value, grads } = tf.variableGrads(() => {
        const out = this.forward(xb, masks);
        correctT = tf.keep(this.correct(out, yb));
        return this.loss(out, yb) as ReturnType<typeof tf.scalar>;
      }, this.vars);
      const kept = update(this.vars.map((w) => grads[w.name]));
      kept.forEach((t) => tf.keep(t));
      return [value, correctT as unknown as Tensor, kept] as const;
    });
    const out = { loss: value.dataSync()[0], correct: correct.dataSync()[0], kept };
    tf.dispose([idx, ...masks.values(), value, correct]);
    return out;
  }

  gradients(rows: Int32Array, start: number, end: number): BatchResult & { grads: Float32Array[] } {
    const { loss, correct, kept } = this.batch(rows, start, end, (grads) => grads);
    const grads = kept.map((g) => new Float32Array(g.dataSync() as Float32Array));
    tf.dispose(kept);
    return { loss, correct, grads };
  }

  step(rows: Int32Array, start: number, end: number): BatchResult {
    const lr = this.learningRate;
    const { loss, correct } = this.batch(rows, start, end, (grads) => {
      this.vars.forEach((w, t) => {
        const g = grads[t];
        const v = this.velocity[t];
        v.assign(tf.add(tf.mul(RHO, v), tf.mul(1 - RHO, tf.square(g))));
        w.assign(tf.sub(w, tf.div(tf.mul(lr, g), tf.sqrt(tf.add(v, RMSPROP_EPSILON)))));
      });
      return [] as Tensor[];
    });
    return { loss, correct };
  }

  evaluate(start: number, end: number): BatchResult {
    const [loss, correct] = tf.tidy(() => {
      const xb = tf.slice(this.x, [start, 0], [end - start, -1]);
      const yb = this.classify ? tf.slice(this.y, [start], [end - start]) : tf.slice(this.y, [start, 0], [end - start, 1]);
      const out = this.forward(xb, null);
      return [this.loss(out, yb), this.correct(out, yb)];
    });
    const result = { loss: loss.dataSync()[0], correct: correct.dataSync()[0] };
    tf.dispose([loss, correct]);
    return result;
  }

  weights(): WeightTensor[] {
    return weightSpecs(this.recipe).map((s, t) => ({ ...s, values: new Float32Array(this.vars[t].dataSync() as Float32Array) }));
  }

  dispose(): void {
    tf.dispose([...this.vars, ...this.velocity, this.x, this.y]);
  }
}
