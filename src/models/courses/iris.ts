/**
 * The course's first lesson: Iris. Sequential([Dense(8), Activation("relu"), Dense(3),
 * Activation("softmax")]) on sklearn's 150 rows (sorted by class), model.fit(X, y, epochs=300,
 * validation_split=0.1): the last 15 rows, all virginica, validate.
 */
import { COURSE_FLOWERS, IRIS_CLASS_NAMES, irisFeatureNames, irisSamples, loadIris } from '../iris';
import { IRIS_COURSE_CONFIG, irisRecipe } from '../recipe-specs';
import { settingRules, type Course, type CourseSettings } from './types';
import { modelsCourses } from '../../i18n/messages/models-courses';

const t = () => modelsCourses.iris;

const defaults: CourseSettings = {
  epochs: IRIS_COURSE_CONFIG.epochs,
  learningRate: IRIS_COURSE_CONFIG.learningRate,
  hiddenUnits: 8,
  seed: IRIS_COURSE_CONFIG.seed,
};

export const irisCourse: Course = {
  id: 'iris',
  get title() {
    return t().title;
  },
  get summary() {
    return t().summary;
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
    const train = loadIris();
    onProgress?.(1, t().loaded);
    return { train, test: null };
  },
  recipes: [
    {
      id: 'sequential',
      title: 'Sequential: Dense → relu → Dense → softmax',
      get note() {
        return t().sequentialNote;
      },
      build: (hiddenUnits, fit) => irisRecipe(hiddenUnits, fit),
    },
  ],
  fit: IRIS_COURSE_CONFIG,
  defaults,
  settings: settingRules(defaults),
  input: {
    kind: 'table',
    get featureNames() {
      return irisFeatureNames();
    },
    initial: [...COURSE_FLOWERS[0]],
    presets: () => [
      ...COURSE_FLOWERS.map((v, i) => ({ label: t().courseFlower(i + 1), values: [...v] })),
      ...irisSamples().map((s) => ({ label: t().sample(s.row, s.className), values: s.values })),
    ],
  },
  output: { kind: 'classes', classNames: [...IRIS_CLASS_NAMES] },
  weakAccuracy: 0.9,
  diagnose: true,
};
