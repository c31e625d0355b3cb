import { describe, expect, it } from 'vitest';
import { AppState, COURSE_INPUT } from '../../src/viz/state/app.svelte';
import { COURSE_SETTINGS } from '../../src/viz/state/share';
import { tf, tfl } from '../../src/models/tf';

function fileModel() {
  const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [3], name: 'only' })] });
  return { model, info: { title: 'a file', featureNames: ['a', 'b', 'c'], classNames: null, scaler: null, featureRanges: null } };
}

describe('AppState', () => {
  it('starts on the untrained course model, traced on the course flower, at layer_0', async () => {
    const app = new AppState();
    await app.init(null);
    expect(app.backend).toBe('tfjs cpu');
    expect(app.source).toMatchObject({ kind: 'course', trained: false });
    expect(app.input).toEqual(COURSE_INPUT);
    expect(app.trace?.steps.map((s) => s.className)).toEqual(['Dense', 'Activation', 'Dense', 'Activation']);
    expect(app.step).toBe(1);
    expect(app.positionCount).toBe(5);
  });

  it('keeps the last good trace when the input goes bad, and clamps steps', async () => {
    const app = new AppState();
    await app.init(null);
    app.setInput([6.5, 3.1, 5.0, 1.7]);
    const good = app.trace;
    app.markStale();
    expect(app.stale).toBe(true);
    expect(app.trace).toBe(good);
    app.selectStep(99);
    expect(app.step).toBe(4);
    app.selectStep(-3);
    expect(app.step).toBe(0);
  });

  it('trains with the course settings and shows the trained model with a diagnosis', async () => {
    const app = new AppState();
    await app.init(null);
    const untrained = app.trace!.values[4].values.slice();
    await app.train({ ...COURSE_SETTINGS, epochs: 60 });
    expect(app.progress.running).toBe(false);
    expect(app.progress.history).toHaveLength(60);
    expect(app.source).toMatchObject({ kind: 'course', trained: true });
    expect(app.diagnosis?.message).toMatch(/classified correctly|predicted as/);
    expect(Array.from(app.trace!.values[4].values)).not.toEqual(Array.from(untrained));
  });

  it('a model opened from a file replaces the course model, and the course model comes back', async () => {
    const app = new AppState();
    await app.init(null);
    expect(app.openBundle(fileModel())).toBe(true);
    expect(app.source.kind).toBe('file');
    expect(app.input).toEqual([0, 0, 0]);
    expect(app.trace?.steps).toHaveLength(1);
    app.showCourseModel();
    expect(app.source.kind).toBe('course');
    expect(app.trace?.steps).toHaveLength(4);
  });

  it('a training run that ends after a file was opened does not replace the file model', async () => {
    const app = new AppState();
    await app.init(null);
    const training = app.train({ ...COURSE_SETTINGS, epochs: 200 });
    app.openBundle(fileModel());
    await training;
    expect(app.source.kind).toBe('file');
    expect(app.bundle?.info.title).toBe('a file');
    expect(app.progress.running).toBe(false);
  });

  it('a model it cannot run is refused with a message and the model on screen stays', async () => {
    const app = new AppState();
    await app.init(null);
    const before = app.bundle;
    const broken = { ...fileModel(), model: { layers: null, dispose() {} } as unknown as tfl.LayersModel };
    expect(app.openBundle(broken)).toBe(false);
    expect(app.error).toMatch(/cannot step through this model/);
    expect(app.bundle).toBe(before);
    void tf;
  });
});

describe('AppState with an Iris-shaped model from a file', () => {
  it('offers the Iris names and uses them', async () => {
    const app = new AppState();
    await app.init(null);
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 3, inputShape: [4], activation: 'softmax' })] });
    app.openBundle({ model, info: { title: 'x', featureNames: ['x0', 'x1', 'x2', 'x3'], classNames: null, scaler: null, featureRanges: null } });
    expect(app.looksLikeIris).toBe(true);
    app.useIrisNames();
    expect(app.bundle?.info.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(app.bundle?.info.featureNames[0]).toBe('sepal length (cm)');
    expect(app.looksLikeIris).toBe(false);
  });
});
