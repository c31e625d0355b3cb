import { afterAll, describe, expect, it, vi } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import { createTracer, traceModel } from '../../src/inspector/trace';
import { explainStep, neuronSum } from '../../src/inspector/layers';
import { formatNumber } from '../../src/inspector/format';
import { stepCheck, traceCheck } from '../../src/inspector/check';
import { dense as denseKind } from '../../src/inspector/layers/dense';
import { hasActivationReference } from '../../src/inspector/layers/activation-math';
import { buildModel, irisRecipe } from '../../src/models/recipes';
import { COURSES } from '../../src/models/courses';

function seeded(seed: number) {
  return { kernelInitializer: tfl.initializers.glorotUniform({ seed }), biasInitializer: tfl.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: seed + 100 }) };
}

/** The course's Iris architecture: Dense(8) + Activation(relu) + Dense(3) + Activation(softmax). */
function irisModel(seed = 1) {
  return tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 8, inputShape: [4], name: 'dense', ...seeded(seed) }),
      tfl.layers.activation({ activation: 'relu', name: 'activation' }),
      tfl.layers.dense({ units: 3, name: 'dense_1', ...seeded(seed + 1) }),
      tfl.layers.activation({ activation: 'softmax', name: 'activation_1' }),
    ],
  });
}

const models: { dispose(): void }[] = [];
afterAll(() => models.forEach((m) => m.dispose()));

describe('traceModel on the Iris architecture', () => {
  const model = irisModel();
  models.push(model);
  const x = [5.3, 3.4, 1.9, 0.6];
  const trace = traceModel(model, x);

  it('has 4 steps and values_0..values_4 with the layer names and classes', () => {
    expect(trace.steps.map((s) => s.name)).toEqual(['dense', 'activation', 'dense_1', 'activation_1']);
    expect(trace.steps.map((s) => s.className)).toEqual(['Dense', 'Activation', 'Dense', 'Activation']);
    expect(trace.values.map((v) => v.shape)).toEqual([[1, 4], [1, 8], [1, 8], [1, 3], [1, 3]]);
    expect(trace.steps.map((s) => s.inputNames)).toEqual([['values_0'], ['dense'], ['activation'], ['dense_1']]);
    expect(trace.steps.map((s) => s.inputValues)).toEqual([[0], [1], [2], [3]]);
    expect(Array.from(trace.values[0].values)).toEqual(Array.from(Float32Array.from(x)));
    expect(trace.raw.values).toEqual(trace.values[0].values);
  });

  it('matches model.predict and sums to 1', () => {
    const predicted = tf.tidy(() => Array.from((model.predict(tf.tensor2d([x])) as tf.Tensor).dataSync()));
    const out = Array.from(trace.values[4].values);
    out.forEach((v, i) => expect(v).toBeCloseTo(predicted[i], 6));
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('captures kernel and bias by name and the reference agrees below 1e-5', () => {
    const dense = trace.steps[0];
    expect(dense.params.map((p) => [p.name, p.shape])).toEqual([['kernel', [4, 8]], ['bias', [8]]]);
    expect(dense.paramCount).toBe(40);
    expect(Array.from(dense.params[0].values)).toEqual(Array.from(model.layers[0].getWeights()[0].dataSync()));
    expect(trace.steps.every((s) => s.reference !== null && s.maxAbsDiff !== null && s.maxAbsDiff < 1e-5)).toBe(true);
    expect(trace.maxAbsDiff).toBeLessThan(1e-5);
    expect(trace.maxAbsDiff).toBe(Math.max(...trace.steps.map((s) => s.maxAbsDiff ?? 0)));
  });

  it('keeps its numbers when the weights change afterwards (copies, not views)', () => {
    const before = Array.from(trace.steps[0].params[0].values);
    const t2 = traceModel(model, x);
    model.layers[0].setWeights([tf.zeros([4, 8]), tf.zeros([8])].map((t) => t));
    const t3 = traceModel(model, x);
    expect(Array.from(t2.steps[0].params[0].values)).toEqual(before);
    expect(Array.from(t3.steps[0].params[0].values).every((v) => v === 0)).toBe(true);
    expect(Array.from(t3.values[1].values).every((v) => v === 0)).toBe(true);
  });

  it('neuronSum adds up to the Dense output', () => {
    const m = irisModel(7);
    models.push(m);
    const t = traceModel(m, x);
    for (let n = 0; n < 8; n++) {
      const sum = neuronSum(t.steps[0], n);
      expect(sum.terms).toHaveLength(4);
      const total = sum.terms.reduce((a, term) => a + term.x * term.w, sum.bias ?? 0);
      expect(sum.total).toBeCloseTo(total, 10);
      expect(sum.total).toBeCloseTo(t.values[1].values[n], 5);
      expect(sum.text).toMatch(/^5\.30\*\(?-?\d\.\d+\)? \+ 3\.40\*/);
      expect(sum.text.endsWith(` = ${formatNumber(sum.total, 3, { ascii: true })}`)).toBe(true);
      expect(sum.text.split(' + ')).toHaveLength(5); // 4 products and the bias
      expect(sum.activationText).toBeNull();
    }
    expect(() => neuronSum(t.steps[0], 8)).toThrow(/0\.\.7/);
    expect(() => neuronSum(t.steps[1], 0)).toThrow(/not a Dense/);
  });
});

describe('traceModel: other shapes of model', () => {
  it('applies the scaler: raw stays, values_0 = (raw - mean) / scale', () => {
    const model = irisModel(3);
    models.push(model);
    const scaler = { mean: [5.8, 3.0, 3.7, 1.2], scale: [0.8, 0.4, 1.8, 0.75] };
    const t = traceModel(model, [5.3, 3.4, 1.9, 0.6], scaler);
    expect(Array.from(t.raw.values)).toEqual(Array.from(Float32Array.from([5.3, 3.4, 1.9, 0.6])));
    const expected = [5.3, 3.4, 1.9, 0.6].map((v, i) => (v - scaler.mean[i]) / scaler.scale[i]);
    Array.from(t.values[0].values).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
    expect(Array.from(t.steps[0].inputs[0].values)).toEqual(Array.from(t.values[0].values));
  });

  it('Dense with a built-in activation: one step, formula with relu(...)', () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 5, inputShape: [3], activation: 'relu', ...seeded(11) }),
        tfl.layers.dense({ units: 2, activation: 'softmax', ...seeded(12) }),
      ],
    });
    models.push(model);
    const t = traceModel(model, [1, -2, 0.5]);
    expect(t.steps).toHaveLength(2);
    expect(t.maxAbsDiff).toBeLessThan(1e-5);
    const e = explainStep(t.steps[0]);
    expect(e.kind).toBe('dense');
    expect(e.formula).toBe('values_1 = relu(values_0 @ kernel + bias)');
    expect(e.shapes).toBe('(1, 3) @ (3, 5) + (5,) -> (1, 5)');
    const s = neuronSum(t.steps[1], 1);
    expect(s.activated).toBeCloseTo(t.values[2].values[1], 5);
    expect(s.activationText).toMatch(/^softmax\(z\)\[1\] = /);
  });

  it('a functional model with two branches joined by Concatenate, in topological order', () => {
    const inp = tfl.input({ shape: [4], name: 'features' });
    const a = tfl.layers.dense({ units: 3, name: 'left', ...seeded(21) }).apply(inp) as tfl.SymbolicTensor;
    const b = tfl.layers.dense({ units: 2, name: 'right', activation: 'tanh', ...seeded(22) }).apply(inp) as tfl.SymbolicTensor;
    const c = tfl.layers.concatenate({ name: 'joined' }).apply([a, b]) as tfl.SymbolicTensor;
    const d = tfl.layers.dropout({ rate: 0.5, name: 'drop' }).apply(c) as tfl.SymbolicTensor;
    const out = tfl.layers.dense({ units: 2, name: 'out', activation: 'sigmoid', ...seeded(23) }).apply(d) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: inp, outputs: out });
    models.push(model);
    const t = traceModel(model, [0.1, 0.2, -0.3, 0.4]);
    expect(t.steps.map((s) => s.name)).toEqual(['left', 'right', 'joined', 'drop', 'out']);
    expect(t.steps.map((s) => s.inputNames)).toEqual([['values_0'], ['values_0'], ['left', 'right'], ['joined'], ['drop']]);
    expect(t.steps[2].inputValues).toEqual([1, 2]);
    expect(t.steps[2].output.shape).toEqual([1, 5]);
    expect(Array.from(t.steps[2].output.values)).toEqual([...t.values[1].values, ...t.values[2].values]);
    expect(Array.from(t.values[4].values)).toEqual(Array.from(t.values[3].values)); // dropout: identity
    expect(t.steps.every((s) => s.maxAbsDiff !== null && s.maxAbsDiff < 1e-5)).toBe(true);
    expect(explainStep(t.steps[2]).formula).toBe('values_3 = np.concatenate([values_1, values_2], axis=-1)');
    const predicted = tf.tidy(() => Array.from((model.predict(tf.tensor2d([[0.1, 0.2, -0.3, 0.4]])) as tf.Tensor).dataSync()));
    Array.from(t.values[5].values).forEach((v, i) => expect(v).toBeCloseTo(predicted[i], 6));
  });

  it('a functional model with Add and two outputs traces every layer', () => {
    const inp = tfl.input({ shape: [3] });
    const a = tfl.layers.dense({ units: 3, name: 'a', ...seeded(31) }).apply(inp) as tfl.SymbolicTensor;
    const s = tfl.layers.add({ name: 'residual' }).apply([inp, a]) as tfl.SymbolicTensor;
    const head1 = tfl.layers.dense({ units: 1, name: 'head1', ...seeded(32) }).apply(s) as tfl.SymbolicTensor;
    const head2 = tfl.layers.dense({ units: 2, name: 'head2', activation: 'softmax', ...seeded(33) }).apply(s) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: inp, outputs: [head1, head2] });
    models.push(model);
    const t = traceModel(model, [1, 2, 3]);
    expect(t.steps.map((x) => x.name)).toEqual(['a', 'residual', 'head1', 'head2']);
    expect(t.steps[1].inputNames).toEqual(['values_0', 'a']);
    expect(t.maxAbsDiff).toBeLessThan(1e-5);
    expect(explainStep(t.steps[1]).formula).toBe('values_2 = values_0 + values_1');
  });

  it('an unknown class gets reference null and a plain message, not a crash', () => {
    // Permute has no layer kind (yet): "no reference", never a failure.
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 4, inputShape: [2, 2], ...seeded(41) }),
        tfl.layers.permute({ dims: [2, 1], name: 'perm' }),
        tfl.layers.flatten({ name: 'flat' }),
      ],
    });
    models.push(model);
    const t = traceModel(model, [1, -1, 0.5, 2]);
    expect(t.steps[1].className).toBe('Permute');
    expect(t.steps[0].maxAbsDiff).toBeLessThan(1e-5); // Dense on a rank-3 input
    expect(t.steps[2].output.shape).toEqual([1, 8]);
    expect(t.steps[1].reference).toBeNull();
    expect(t.steps[1].maxAbsDiff).toBeNull();
    expect(t.steps[1].failure ?? null).toBeNull();
    expect(t.steps[1].noReference).toBe('no reference implementation for Permute yet');
    expect(stepCheck(t.steps[1])).toBe('unchecked');
    const e = explainStep(t.steps[1]);
    expect(e.kind).toBe('unsupported');
    expect(e.notes).toContain('no reference implementation for Permute yet');
    expect(t.steps[2].maxAbsDiff).toBe(0);
    expect(traceCheck(t).ok).toBe(true);
  });

  // The first tfjs activation that has no reference here yet.
  const missing = (['hardSigmoid', 'gelu', 'gelu_new'] as const).find((a) => !hasActivationReference(a));
  it.skipIf(!missing)(`an Activation with no reference (${missing} here) is explained, not thrown`, () => {
    const model = tfl.sequential({ layers: [tfl.layers.activation({ activation: missing!, inputShape: [2] })] });
    models.push(model);
    const t = traceModel(model, [1, -1]);
    expect(t.steps[0].reference).toBeNull();
    expect(t.steps[0].maxAbsDiff).toBeNull();
    expect(t.steps[0].failure ?? null).toBeNull();
    expect(t.steps[0].noReference).toBe(`no reference implementation for activation "${missing}" yet`);
    expect(stepCheck(t.steps[0])).toBe('unchecked');
    const e = explainStep(t.steps[0]);
    expect(e.kind === 'activation' && e.detail.fn).toBe('unsupported');
  });

  it('rejects a wrong input length or a non-finite value with a clear message', () => {
    const model = irisModel(5);
    models.push(model);
    expect(() => traceModel(model, [1, 2, 3])).toThrow('The model expects 4 input values, got 3.');
    expect(() => traceModel(model, [1, 2, NaN, 4])).toThrow(/not a finite number/);
    expect(() => traceModel(model, [1, 2, 3, 4], { mean: [0, 0], scale: [1, 1] })).toThrow('The scaler has 2 features, the input 4.');
    expect(() => traceModel(tfl.sequential(), [1])).toThrow(/no input shape yet/);
  });

  it('leaks no tensor over 1,000 traces', () => {
    const model = irisModel(9);
    models.push(model);
    const tracer = createTracer(model);
    traceModel(model, [5, 3, 1, 0]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 1000; i++) {
      const t = i % 2 ? tracer([5 + i / 1000, 3, 1.4, 0.2]) : traceModel(model, [6, 2.9, 4.5, 1.5], { mean: [5, 3, 3, 1], scale: [1, 1, 2, 1] });
      expect(t.steps).toHaveLength(4);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('parameters across traces of one model', () => {
  it('are the same captured objects while the weights stay, and fresh copies after setWeights', async () => {
    const { createTracer } = await import('../../src/inspector/trace');
    const { tf, tfl } = await import('../../src/models/tf');
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [3], name: 'd' })] });
    const trace = createTracer(model);
    const a = trace([1, 2, 3]);
    const b = trace([4, 5, 6]);
    expect(b.steps[0].params[0]).toBe(a.steps[0].params[0]);
    expect(b.steps[0].output.values).not.toEqual(a.steps[0].output.values);
    const kernelBefore = Array.from(a.steps[0].params[0].values);
    model.setWeights([tf.ones([3, 2]), tf.zeros([2])]);
    const c = trace([1, 2, 3]);
    expect(c.steps[0].params[0]).not.toBe(a.steps[0].params[0]);
    expect(Array.from(c.steps[0].params[0].values)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(a.steps[0].params[0].values)).toEqual(kernelBefore);
    expect(Array.from(c.steps[0].output.values)).toEqual([6, 6]);
  });
});

describe('a reference that fails is a failed check, never "no reference"', () => {
  it('records the message, counts an infinite difference and makes the trace not OK', () => {
    const model = irisModel(21);
    models.push(model);
    const spy = vi.spyOn(denseKind, 'reference').mockImplementation(() => {
      throw new Error('Dense kernel expects 4 inputs, got 3');
    });
    try {
      const t = traceModel(model, [5.1, 3.5, 1.4, 0.2]);
      const dense = t.steps.filter((s) => s.className === 'Dense');
      expect(dense).toHaveLength(2);
      for (const s of dense) {
        expect(s.failure).toBe('Dense kernel expects 4 inputs, got 3');
        expect(s.maxAbsDiff).toBe(Infinity);
        expect(s.reference).toBeNull();
        expect(stepCheck(s)).toBe('failed');
      }
      expect(t.maxAbsDiff).toBe(Infinity);
      const check = traceCheck(t);
      expect(check.ok).toBe(false);
      expect(check.failed.map((s) => s.name)).toEqual(dense.map((s) => s.name));
      expect(check.unchecked).toEqual([]);
      // The activations still ran their references.
      expect(t.steps.filter((s) => s.className === 'Activation').every((s) => stepCheck(s) === 'ok')).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('raw pixels 0..255: float32 sums in the hundreds pass the check; a real error of the same layer does not', () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 128, inputShape: [784], ...seeded(7) })] });
    models.push(model);
    const x = Array.from({ length: 784 }, (_, i) => (i * 97) % 256);
    const t = traceModel(model, x);
    const [s] = t.steps;
    expect(s.checkScale).toBeGreaterThan(100);
    expect(s.maxAbsDiff).toBeGreaterThan(0);
    expect(stepCheck(s)).toBe('ok');
    expect(traceCheck(t).ok).toBe(true);
    const wrong = vi.spyOn(denseKind, 'reference').mockImplementation((inputs, params, config) => {
      wrong.mockRestore();
      const r = denseKind.reference(inputs, params, config);
      r.values[5] += 0.05; // one element off by 0.05: far more than float32 rounding
      return r;
    });
    const bad = traceModel(model, x);
    expect(stepCheck(bad.steps[0])).toBe('mismatch');
    expect(traceCheck(bad).ok).toBe(false);
  });

  it('every step of the course model (built from its recipe) has a reference that agrees', () => {
    const model = buildModel(irisRecipe());
    models.push(model);
    const t = traceModel(model, [5.3, 3.4, 1.9, 0.6]);
    expect(t.steps.map((s) => s.className)).toEqual(['Dense', 'Activation', 'Dense', 'Activation']);
    for (const s of t.steps) {
      expect(s.failure ?? null, s.name).toBeNull();
      expect(s.noReference ?? null, s.name).toBeNull();
      expect(s.reference, s.name).not.toBeNull();
      expect(stepCheck(s), s.name).toBe('ok');
    }
    expect(traceCheck(t)).toMatchObject({ ok: true, failed: [], unchecked: [] });
  });

  for (const course of COURSES) {
    for (const r of course.recipes) {
      it(`every step of the ${course.id} course's ${r.id} model has a reference that agrees`, () => {
        const model = buildModel(r.build(course.defaults.hiddenUnits, { ...course.fit }));
        models.push(model);
        const width = (model.inputs[0].shape.slice(1) as number[]).reduce((a, b) => a * b, 1);
        const t = traceModel(model, Array.from({ length: width }, (_, i) => ((i * 37) % 11) / 3 - 1));
        expect(t.steps.length).toBeGreaterThan(1);
        for (const s of t.steps) {
          expect(s.failure ?? null, s.name).toBeNull();
          expect(s.reference, `${s.name} (${s.className})`).not.toBeNull();
          expect(stepCheck(s), s.name).toBe('ok');
        }
      });
    }
  }
});
