/** The trace on real model files made by others (Keras 2 -> tfjs, Keras 3 with Dropout and a scaler). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openModelFiles } from '../../src/models/formats';
import { createTracer } from '../../src/inspector/trace';
import { explainStep } from '../../src/inspector/layers';
import { stepCheck } from '../../src/inspector/check';
import type { Trace } from '../../src/inspector/types';
import { fixtures } from '../fixtures';

const models = fixtures('models');
const root = models.dir;
const file = (dir: string, name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(root, dir, name))) });

/** Every step of a model whose layer kinds are all supported has a reference that ran and agrees. */
function expectEveryStepChecked(t: Trace): void {
  for (const s of t.steps) {
    expect(s.failure ?? null, `${s.name}: reference failed`).toBeNull();
    expect(s.noReference ?? null, `${s.name}: no reference`).toBeNull();
    expect(s.reference, s.name).not.toBeNull();
    expect(stepCheck(s), s.name).toBe('ok');
  }
}

describe.skipIf(!models.present)(`trace on real model files${models.skipNote}`, () => {
  it('tfjs-iris-dense100: all 150 rows match the numpy reference, each step checked below 1e-5', async () => {
    const dir = 'tfjs-iris-dense100';
    const { model } = await openModelFiles([file(dir, 'model.json'), file(dir, 'group1-shard1of1.bin')]);
    const ref = JSON.parse(readFileSync(resolve(root, dir, 'reference_predictions_all150.json'), 'utf8')) as { X: number[][]; probs: number[][] };
    const trace = createTracer(model);
    let worstProb = 0;
    let worstStep = 0;
    for (let r = 0; r < ref.X.length; r++) {
      const t = trace(ref.X[r]);
      expect(t.steps.map((s) => s.className)).toEqual(['Dense', 'Activation', 'Dense', 'Activation']);
      const out = t.values[t.values.length - 1].values;
      ref.probs[r].forEach((p, i) => (worstProb = Math.max(worstProb, Math.abs(p - out[i]))));
      worstStep = Math.max(worstStep, t.maxAbsDiff);
    }
    expect(worstProb).toBeLessThan(1e-5);
    expect(worstStep).toBeLessThan(1e-5);
    const first = trace(ref.X[0]);
    expectEveryStepChecked(first);
    expect(first.steps[0].params.map((p) => [p.name, p.shape])).toEqual([['kernel', [4, 100]], ['bias', [100]]]);
    model.dispose();
  });

  it('keras3-iris-dropout: the scaler and Dropout, the 30 test rows match Keras', async () => {
    const dir = 'keras3-iris-dropout';
    const { model } = await openModelFiles([file(dir, 'iris_model.keras')]);
    const ref = JSON.parse(readFileSync(resolve(root, dir, 'reference_predictions.json'), 'utf8')) as {
      scaler_mean: number[]; scaler_scale: number[]; X_test: number[][]; probs_test: number[][];
    };
    const scaler = { mean: ref.scaler_mean, scale: ref.scaler_scale };
    const trace = createTracer(model);
    for (let r = 0; r < ref.X_test.length; r++) {
      const t = trace(ref.X_test[r], scaler);
      expect(Array.from(t.raw.values)).toEqual(Array.from(Float32Array.from(ref.X_test[r])));
      const out = t.values[t.values.length - 1].values;
      ref.probs_test[r].forEach((p, i) => expect(Math.abs(p - out[i])).toBeLessThan(1e-5));
      expect(t.maxAbsDiff).toBeLessThan(1e-5);
    }
    const t = trace(ref.X_test[0], scaler);
    expect(t.steps.map((s) => s.className)).toEqual(['Dense', 'Dropout', 'Dense', 'Dense']);
    expectEveryStepChecked(t);
    const drop = explainStep(t.steps[1]);
    expect(drop.kind === 'dropout' && drop.rate).toBe(0.2);
    expect(Array.from(t.values[2].values)).toEqual(Array.from(t.values[1].values));
    expect(explainStep(t.steps[3]).formula).toBe('values_4 = softmax(values_3 @ kernel + bias)');
    model.dispose();
  });

  it('keras2-iris-sigmoid16 (legacy HDF5): every step has a reference that agrees', async () => {
    const { model } = await openModelFiles([file('keras2-iris-sigmoid16', 'iris_model.h5')]);
    const t = createTracer(model)([5.1, 3.5, 1.4, 0.2]);
    expect(t.steps.map((s) => s.className)).toEqual(['Dense', 'Activation', 'Dense', 'Activation']);
    expectEveryStepChecked(t);
    expect(t.maxAbsDiff).toBeLessThan(1e-5);
    model.dispose();
  });
});
