import { describe, expect, it, vi } from 'vitest';
import { mnistCourse } from '../../src/models/courses/mnist';
import { findCourse, checkSetting } from '../../src/models/courses';
import { buildModel, initialWeights } from '../../src/models/recipes';
import { tf } from '../../src/models/tf';

// The real loader fetches the IDX files the browser build bundles; here it reports progress and
// hands back two tiny data sets, so the test checks what the course module does with it.
vi.mock('../../src/models/data/mnist', () => ({
  loadMnist: async (onProgress?: (p: { loaded: number; total: number }) => void) => {
    onProgress?.({ loaded: 27_500_008, total: 55_000_048 });
    onProgress?.({ loaded: 55_000_048, total: 55_000_048 });
    const ds = (id: string, rows: number) => ({
      id, title: id, x: new Uint8Array(rows * 784), inputShape: [28, 28], y: new Int32Array(rows), rows,
      features: 784, featureNames: [], task: 'classification' as const, classNames: [...'0123456789'],
    });
    return { train: ds('mnist-train', 60), test: ds('mnist-test', 10) };
  },
}));

const fit = mnistCourse.fit;

describe('the MNIST course module', () => {
  it('is registered under its id and speaks of digits', () => {
    expect(findCourse('mnist')).toBe(mnistCourse);
    expect(mnistCourse.nouns).toEqual({ one: 'digit', many: 'digits' });
    expect(mnistCourse.output).toEqual({ kind: 'classes', classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] });
    expect(mnistCourse.input).toMatchObject({ kind: 'image', height: 28, width: 28, channels: 1, range: [0, 255] });
  });

  it("compiles and fits as the course: 15 epochs, RMSprop lr 0.001, batch 32, validation_split 0.1, Dense(128)", () => {
    expect(fit).toMatchObject({ epochs: 15, learningRate: 0.001, batchSize: 32, validationSplit: 0.1 });
    expect(mnistCourse.defaults).toEqual({ epochs: 15, learningRate: 0.001, hiddenUnits: 128, seed: fit.seed });
    for (const key of ['epochs', 'learningRate', 'hiddenUnits', 'seed'] as const) expect(mnistCourse.settings[key].editable).toBe(true);
    expect(mnistCourse.settings.epochs.hint).toBe('course: 15');
    expect(mnistCourse.settings.hiddenUnits.hint).toBe('course: 128');
    expect(checkSetting(mnistCourse, 'epochs', 1)).toBe(1);
    expect(checkSetting(mnistCourse, 'epochs', 201)).toBeNull();
    expect(mnistCourse.diagnose).toBe(false);
  });

  it("offers the course's three models and the CNN, each with its Keras code", () => {
    expect(mnistCourse.recipes.map((r) => r.id)).toEqual(['sequential', 'functional', 'rescaling', 'cnn']);
    const [seq, fun, resc] = mnistCourse.recipes.map((r) => r.build(128, fit));
    expect(seq.inputShape).toEqual([28, 28]);
    expect(seq.layers.map((l) => l.className)).toEqual(['Flatten', 'Dense', 'Dense']);
    expect(seq.layers[1]).toMatchObject({ units: 128, activation: 'relu' });
    expect(seq.layers[2]).toMatchObject({ units: 10, activation: 'softmax' });
    expect(seq.python).toContain('keras.Sequential([');
    expect(seq.python).toContain('layers.Dense(128, activation="relu")');
    expect(seq.python).toContain('model.fit(x_train, y_train, epochs=15, validation_split=0.1)');
    expect(fun.api).toBe('functional');
    expect(fun.layers).toEqual(seq.layers);
    expect(fun.python).toContain('inputs = keras.Input(shape=(28, 28))');
    expect(fun.python).toContain('keras.Model(inputs, outputs)');
    expect(resc.layers[0]).toMatchObject({ className: 'Rescaling', scale: 1 / 255, offset: 0 });
    expect(resc.python).toContain('layers.Rescaling(1/255)');
    expect(mnistCourse.recipes[0].build(64, fit).layers[1]).toMatchObject({ units: 64 });
  });

  it('the Sequential and functional models give the same outputs for the same seed', () => {
    const [seq, fun] = mnistCourse.recipes.slice(0, 2).map((r) => r.build(32, fit));
    expect(initialWeights(fun, 7)).toEqual(initialWeights(seq, 7));
    const a = buildModel(seq, initialWeights(seq, 7));
    const b = buildModel(fun, initialWeights(fun, 7));
    const x = tf.tensor3d(Float32Array.from({ length: 2 * 784 }, (_, i) => (i * 37) % 256), [2, 28, 28]);
    const ya = (a.predict(x) as tf.Tensor).dataSync();
    const yb = (b.predict(x) as tf.Tensor).dataSync();
    expect(Array.from(yb)).toEqual(Array.from(ya));
    tf.dispose([x]);
    a.dispose();
    b.dispose();
  });

  it('loads the images lazily, with progress as a fraction and in megabytes', async () => {
    const seen: [number, string][] = [];
    const data = await mnistCourse.load((f, m) => seen.push([f, m]));
    expect(data.train.rows).toBe(60);
    expect(data.test?.rows).toBe(10);
    expect(seen[0]).toEqual([0, 'Loading the MNIST images…']);
    expect(seen[1][0]).toBeCloseTo(0.5, 6);
    expect(seen[1][1]).toBe('Loading the MNIST images: 27.5 of 55.0 MB…');
    expect(seen.at(-1)?.[0]).toBe(1);
  });
});
