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

const defaults: CourseSettings = {
  epochs: MNIST_COURSE_CONFIG.epochs,
  learningRate: MNIST_COURSE_CONFIG.learningRate,
  hiddenUnits: 128,
  seed: MNIST_COURSE_CONFIG.seed,
};

const variant = (id: MnistVariant, title: string, note: string): CourseRecipe => ({
  id,
  title,
  note,
  build: (hiddenUnits, fit) => mnistRecipe(id, hiddenUnits, fit),
});

const MB = (bytes: number) => (bytes / 1e6).toFixed(1);

export const mnistCourse: Course = {
  id: 'mnist',
  title: 'MNIST digits',
  summary: 'Read handwritten digits: 60,000 training and 10,000 test images of 28 × 28 grey levels.',
  nouns: { one: 'digit', many: 'digits' },
  async load(onProgress) {
    onProgress?.(0, 'Loading the MNIST images…');
    const { loadMnist } = await import('../data/mnist');
    const data = await loadMnist((p) =>
      onProgress?.(p.total > 0 ? Math.min(1, p.loaded / p.total) : 0, `Loading the MNIST images: ${MB(p.loaded)} of ${MB(p.total)} MB…`),
    );
    onProgress?.(1, 'MNIST loaded');
    return { train: data.train, test: data.test };
  },
  recipes: [
    variant('sequential', 'Sequential, raw pixels 0..255', 'keras.Sequential as the course first writes it, trained on the raw grey levels 0..255.'),
    variant('functional', 'Functional API, raw pixels 0..255', 'The same model written with keras.Input and keras.Model: the same seed gives the same numbers.'),
    variant('rescaling', 'Sequential with Rescaling(1/255)', 'The improvement: Rescaling(1/255) first, so the network sees pixels in 0..1.'),
    {
      id: 'cnn',
      title: 'Convolutional network (CNN)',
      note: 'The image classifier: two Conv2D + MaxPooling2D blocks learn local strokes; hidden units do not apply. Slower to train: try fewer epochs first.',
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
