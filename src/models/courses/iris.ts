/**
 * The course's first lesson: Iris. Sequential([Dense(8), Activation("relu"), Dense(3),
 * Activation("softmax")]) on sklearn's 150 rows (sorted by class), model.fit(X, y, epochs=300,
 * validation_split=0.1): the last 15 rows, all virginica, validate.
 */
import { COURSE_FLOWERS, IRIS_CLASS_NAMES, IRIS_FEATURE_NAMES, irisSamples, loadIris } from '../iris';
import { IRIS_COURSE_CONFIG, irisRecipe } from '../recipe-specs';
import { settingRules, type Course, type CourseSettings } from './types';

const defaults: CourseSettings = {
  epochs: IRIS_COURSE_CONFIG.epochs,
  learningRate: IRIS_COURSE_CONFIG.learningRate,
  hiddenUnits: 8,
  seed: IRIS_COURSE_CONFIG.seed,
};

export const irisCourse: Course = {
  id: 'iris',
  title: 'Iris flowers',
  summary: 'Tell three species of iris apart from four measurements of a flower.',
  nouns: { one: 'flower', many: 'flowers' },
  async load(onProgress) {
    const train = loadIris();
    onProgress?.(1, 'Iris loaded');
    return { train, test: null };
  },
  recipes: [
    {
      id: 'sequential',
      title: 'Sequential: Dense → relu → Dense → softmax',
      note: 'The course model, with separate Activation layers as the course writes it.',
      build: (hiddenUnits, fit) => irisRecipe(hiddenUnits, fit),
    },
  ],
  fit: IRIS_COURSE_CONFIG,
  defaults,
  settings: settingRules(defaults),
  input: {
    kind: 'table',
    featureNames: [...IRIS_FEATURE_NAMES],
    initial: [...COURSE_FLOWERS[0]],
    presets: () => [
      ...COURSE_FLOWERS.map((v, i) => ({ label: `Course flower ${i + 1}`, values: [...v] })),
      ...irisSamples().map((s) => ({ label: `A ${s.className} (row ${s.row})`, values: s.values })),
    ],
  },
  output: { kind: 'classes', classNames: [...IRIS_CLASS_NAMES] },
  weakAccuracy: 0.9,
  diagnose: true,
};
