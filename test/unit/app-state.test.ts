import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/viz/state/app.svelte';
import { decodeShare } from '../../src/viz/state/share';
import { tf, tfl } from '../../src/models/tf';
import { findCourse, type Course, type CourseData } from '../../src/models/courses';
import type { Dataset } from '../../src/models/types';

const iris = findCourse('iris')!;
const mnist = findCourse('mnist')!;
const COURSE_SETTINGS = iris.defaults;
const COURSE_INPUT = [5.3, 3.4, 1.9, 0.6];

/** Synthetic 28 x 28 "digits" (class k: a bright row k), so MNIST's recipes run without the real files. */
function fakeDigits(rows: number, id: string): Dataset {
  const x = new Uint8Array(rows * 784);
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    y[r] = r % 10;
    for (let c = 0; c < 28; c++) x[r * 784 + (y[r] * 2 + 4) * 28 + c] = 200 + ((r * 7 + c) % 50);
  }
  return { id, title: id, x, inputShape: [28, 28], y, rows, features: 784, featureNames: [], task: 'classification', classNames: [...'0123456789'] };
}
/** The MNIST course with a small synthetic data set in place of the 70,000 images. */
function smallMnist(loads: { count: number } = { count: 0 }): Course {
  return {
    ...mnist,
    async load(onProgress) {
      loads.count++;
      onProgress?.(0.5, 'half');
      const data: CourseData = { train: fakeDigits(200, 'train'), test: fakeDigits(50, 'test') };
      return data;
    },
  };
}

function fileModel() {
  const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [3], name: 'only' })] });
  return { model, info: { title: 'a file', featureNames: ['a', 'b', 'c'], classNames: null, scaler: null, featureRanges: null } };
}

describe('AppState', () => {
  it('starts on the untrained course model, traced on the course flower, at layer_0', async () => {
    const app = new AppState();
    await app.init(null);
    expect(app.backend).toBe('tfjs wasm'); // tfjs' wasm backend (SIMD) where it starts, else cpu
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
    expect(app.namesCourse?.id).toBe('iris');
    await app.useCourseNames();
    expect(app.bundle?.info.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(app.bundle?.info.featureNames[0]).toBe('sepal length (cm)');
    expect(app.namesCourse).toBeNull();
  });
});

describe('AppState takes a course', () => {
  it('opens the course a shared link names, with its settings, recipe, test image and step', async () => {
    const app = new AppState();
    await app.init(null);
    const course = smallMnist();
    await app.openCourse(course, { ...decodeShare('#course=mnist&recipe=rescaling&hidden=32&seed=4&img=7&step=2'), course: 'mnist' });
    expect(app.course.id).toBe('mnist');
    expect(app.recipeId).toBe('rescaling');
    expect(app.settings).toEqual({ ...mnist.defaults, hiddenUnits: 32, seed: 4 });
    expect(app.inputOrigin).toEqual({ kind: 'test', index: 7 });
    expect(app.input).toEqual(Array.from(app.testSet!.x.subarray(7 * 784, 8 * 784)));
    expect(app.imageShape).toEqual({ height: 28, width: 28, channels: 1 });
    expect(app.trace?.steps.map((s) => s.className)).toEqual(['Rescaling', 'Flatten', 'Dense', 'Dense']);
    expect(app.trace?.steps[2].params[0].shape).toEqual([784, 32]);
    expect(app.step).toBe(2);
    expect(app.bundle?.info.classNames).toEqual([...'0123456789']);
    expect(app.noun).toBe('digit');
  });

  it('loads a course once, with progress, and keeps each course model when switching back and forth', async () => {
    const loads = { count: 0 };
    const course = smallMnist(loads);
    const app = new AppState();
    await app.init(null);
    await app.train({ ...COURSE_SETTINGS, epochs: 30 });
    const irisOut = Array.from(app.trace!.values.at(-1)!.values);
    const opening = app.openCourse(course);
    expect(app.loading).toMatchObject({ course: 'mnist' });
    await opening;
    expect(app.loading).toBeNull();
    expect(app.source).toMatchObject({ kind: 'course', trained: false, recipe: 'sequential' });
    expect(app.diagnosis).toBeNull(); // MNIST is evaluated, not diagnosed row by row
    await app.openCourse(iris);
    expect(app.source).toMatchObject({ kind: 'course', trained: true });
    expect(app.input).toEqual(COURSE_INPUT);
    expect(Array.from(app.trace!.values.at(-1)!.values)).toEqual(irisOut);
    expect(app.diagnosis?.message).toMatch(/flowers/);
    await app.openCourse(course);
    expect(loads.count).toBe(1);
  });

  it('while a course loads nothing of the last one is on screen, and training waits for the data', async () => {
    const app = new AppState();
    await app.init(null);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const slow: Course = { ...smallMnist(), async load() { await gate; return smallMnist().load(); } };
    const opening = app.openCourse(slow);
    expect(app.course.id).toBe('mnist');
    expect(app.bundle).toBeNull();
    expect(app.trace).toBeNull();
    expect(app.data).toBeNull();
    await app.train(); // no data yet: nothing happens
    expect(app.progress.running).toBe(false);
    expect(app.runs.of('mnist')).toHaveLength(0);
    release();
    await opening;
    expect(app.trace?.steps.map((s) => s.className)).toEqual(['Flatten', 'Dense', 'Dense']);
  });

  it("a course whose data cannot load says so, in the course's words", async () => {
    const app = new AppState();
    await app.init(null);
    const broken: Course = { ...mnist, async load() { throw new Error('The MNIST file t10k-images-idx3-ubyte could not be loaded (the server answered 404).'); } };
    await app.openCourse(broken);
    expect(app.error).toBe('The MNIST digits data could not be loaded: The MNIST file t10k-images-idx3-ubyte could not be loaded (the server answered 404).');
    expect(app.loading).toBeNull();
    await app.openCourse(iris);
    expect(app.error).toBeNull();
    expect(app.trace?.steps).toHaveLength(4);
  });

  it('trains an MNIST recipe, keeps the run for comparison, and picks test images', async () => {
    const app = new AppState();
    await app.init(null);
    await app.openCourse(smallMnist());
    await app.train({ ...mnist.defaults, epochs: 2, hiddenUnits: 16 });
    expect(app.error).toBeNull();
    expect(app.progress.history).toHaveLength(2);
    expect(app.source).toMatchObject({ kind: 'course', trained: true });
    app.selectRecipe('rescaling');
    expect(app.source).toMatchObject({ kind: 'course', trained: false, recipe: 'rescaling' });
    await app.train({ ...mnist.defaults, epochs: 2, hiddenUnits: 16 });
    const runs = app.runs.of('mnist');
    expect(runs.map((r) => r.recipe)).toEqual(['sequential', 'rescaling']);
    expect(runs[1].detail).toMatch(/Rescaling/);
    app.showTestImage(13);
    expect(app.inputOrigin).toEqual({ kind: 'test', index: 13 });
    app.showTestImage(50); // out of range: nothing changes
    expect(app.inputOrigin).toEqual({ kind: 'test', index: 13 });
    const drawn = new Array(784).fill(0).map((_, i) => (i % 29 === 0 ? 255 : 0));
    app.setInput(drawn);
    expect(app.inputOrigin).toEqual({ kind: 'drawn' });
    // values_0 holds the raw grey levels; Rescaling(1/255) makes values_1.
    expect(app.trace!.values[0].values[0]).toBe(255);
    expect(app.trace!.values[1].values[0]).toBeCloseTo(1, 6);
  });

  it('evaluates the model on the test images: accuracy, confusion matrix, mistakes, next mistake', async () => {
    const app = new AppState();
    await app.init(null);
    await app.openCourse(smallMnist());
    await app.train({ ...mnist.defaults, epochs: 1, hiddenUnits: 8, seed: 2 });
    app.selectRecipe('rescaling'); // an untrained model: many mistakes
    await app.evaluate();
    const ev = app.evaluation!;
    expect(app.evaluating).toBe(false);
    expect(app.evaluated).toBe(1);
    expect(ev.rows).toBe(50);
    expect(ev.confusion.flat().reduce((a, b) => a + b, 0)).toBe(50);
    expect(ev.confusion.reduce((a, row, i) => a + row[i], 0)).toBe(ev.correct);
    expect(ev.correct + ev.mistakes.length).toBe(50);
    expect(ev.accuracy).toBeCloseTo(ev.correct / 50, 12);
    expect(Number.isFinite(ev.loss)).toBe(true);
    for (const m of ev.mistakes) {
      expect(m.actual).toBe(app.testSet!.y[m.row]);
      expect(m.predicted).not.toBe(m.actual);
    }
    expect(ev.mistakes.length).toBeGreaterThan(0);
    const first = ev.mistakes[0].row;
    expect(app.nextMistake(-1)).toBe(first);
    expect(app.nextMistake(ev.mistakes.at(-1)!.row)).toBe(first); // wraps round
    // The prediction the evaluation reports for a mistake is the one the trace shows for it.
    app.showTestImage(first);
    const out = Array.from(app.trace!.values.at(-1)!.values);
    expect(out.indexOf(Math.max(...out))).toBe(ev.mistakes[0].predicted);
    // Another model on screen: the evaluation no longer applies.
    app.selectRecipe('sequential');
    expect(app.evaluation).toBeNull();
    expect(app.nextMistake(0)).toBeNull();
  });

  it('the Sequential and the functional recipe give the same numbers for the same seed', async () => {
    const app = new AppState();
    await app.init(null);
    await app.openCourse(smallMnist());
    const seq = Array.from(app.trace!.values.at(-1)!.values);
    app.selectRecipe('functional');
    expect(app.source).toMatchObject({ recipe: 'functional' });
    expect(Array.from(app.trace!.values.at(-1)!.values)).toEqual(seq);
  });

  it('a 28 x 28 model from a file takes an image, and gets the test images of the course it fits', async () => {
    const app = new AppState();
    await app.init(null);
    await app.openCourse(smallMnist());
    await app.openCourse(iris);
    const model = tfl.sequential({ layers: [tfl.layers.flatten({ inputShape: [28, 28, 1] }), tfl.layers.dense({ units: 10, activation: 'softmax' })] });
    expect(app.openBundle({ model, info: { title: 'mine', featureNames: new Array(784).fill('p'), classNames: null, scaler: null, featureRanges: null } })).toBe(true);
    expect(app.imageShape).toEqual({ height: 28, width: 28, channels: 1 });
    expect(app.noun).toBe('image');
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(app.testSet?.rows).toBe(50);
    expect(app.bundle?.info.classNames).toEqual([...'0123456789']);
    expect(app.inputOrigin).toEqual({ kind: 'test', index: 0 });
    // Its pixels as the model expects them: raw, or x / 255 (the trace and evaluate both apply it).
    expect(app.pixelFactor).toBe(1);
    await app.evaluate();
    const raw = app.evaluation!;
    app.setPixelFactor(1 / 255);
    expect(app.pixelFactor).toBeCloseTo(1 / 255, 15);
    expect(app.evaluation).toBeNull();
    expect(app.trace!.values[0].values.every((v, i) => Math.abs(v - app.trace!.raw.values[i] / 255) < 1e-7)).toBe(true);
    await app.evaluate();
    expect(app.evaluation!.loss).not.toBe(raw.loss);
    app.showTestImage(app.evaluation!.mistakes[0]?.row ?? 0);
    const out = Array.from(app.trace!.values.at(-1)!.values);
    expect(out.indexOf(Math.max(...out))).toBe(app.evaluation!.mistakes[0]?.predicted ?? out.indexOf(Math.max(...out)));
  });
});
