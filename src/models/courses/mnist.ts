/**
 * The course's second lesson: MNIST. Flatten(28, 28) -> Dense(128, relu) -> Dense(10, softmax),
 * compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"]) (RMSprop, lr 0.001, batch
 * 32), fit(x_train, y_train, epochs=15, validation_split=0.1): the Sequential model on raw pixels
 * 0..255, the same in the functional API, and the improvement with Rescaling(1/255) first.
 * The 60,000 + 10,000 images load only when the course opens (a dynamic import: no MNIST in the
 * first page load).
 */
import { MNIST_COURSE_CONFIG, mnistCnnRecipe, mnistRecipe, type MnistVariant } from '../recipe-specs';
import { settingRules, type Course, type CourseRecipe, type CourseSettings } from './types';
import { modelsCourses } from '../../i18n/messages/models-courses';

const t = () => modelsCourses.mnist;

const defaults: CourseSettings = {
  epochs: MNIST_COURSE_CONFIG.epochs,
  learningRate: MNIST_COURSE_CONFIG.learningRate,
  hiddenUnits: 128,
  seed: MNIST_COURSE_CONFIG.seed,
};

/** A recipe whose title and note are read in the language on screen. */
const variant = (id: MnistVariant, title: () => string, note: () => string): CourseRecipe => ({
  id,
  get title() {
    return title();
  },
  get note() {
    return note();
  },
  build: (hiddenUnits, fit) => mnistRecipe(id, hiddenUnits, fit),
});

const MB = (bytes: number) => bytes / 1e6;

export const mnistCourse: Course = {
  id: 'mnist',
  get title() {
    return t().title;
  },
  get summary() {
    return t().summary(60_000, 10_000);
  },
  nouns: {
    get one() {
      return t().one;
    },
    get many() {
      return t().many;
    },
  },
  async load(onProgress) {
    onProgress?.(0, t().loading);
    const { loadMnist } = await import('../data/mnist');
    const data = await loadMnist((p) =>
      onProgress?.(p.total > 0 ? Math.min(1, p.loaded / p.total) : 0, t().loadingMb(MB(p.loaded), MB(p.total))),
    );
    onProgress?.(1, t().loaded);
    return { train: data.train, test: data.test };
  },
  recipes: [
    variant('sequential', () => t().sequentialTitle, () => t().sequentialNote),
    variant('functional', () => t().functionalTitle, () => t().functionalNote),
    variant('rescaling', () => t().rescalingTitle, () => t().rescalingNote),
    {
      id: 'cnn',
      get title() {
        return t().cnnTitle;
      },
      get note() {
        return t().cnnNote;
      },
      build: (_hiddenUnits, fit) => mnistCnnRecipe(fit),
    },
  ],
  fit: MNIST_COURSE_CONFIG,
  defaults,
  settings: settingRules(defaults, {
    epochs: { max: 200 },
    hiddenUnits: { max: 1024 },
  }),
  input: { kind: 'image', height: 28, width: 28, channels: 1, range: [0, 255], initialTestImage: 0 },
  output: { kind: 'classes', classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] },
  weakAccuracy: 0.9,
  // 60,000 rows x 784 pixels: too many to diagnose row by row on the main thread; evaluate instead.
  diagnose: false,
};
