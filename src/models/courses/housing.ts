/**
 * The course's regression lesson: California housing. StandardScaler fitted on all 20,640 rows,
 * Sequential([Dense(16, relu), Dropout(0.1), Dense(16, relu), Dropout(0.1), Dense(1)]),
 * compile(loss="mean_squared_error") (no accuracy), fit(x, y, epochs=100, validation_split=0.25):
 * the last 5,160 rows validate. The output is a price in $100,000s.
 */
import { fitStandardScaler, transformRows } from '../scaler';
import type { Dataset, LayerSpec, Recipe, TrainConfig } from '../types';
import { HOUSING_FEATURES, HOUSING_ROWS, HOUSING_TARGET, formatDollars, loadHousing, medianDistrict, tableRow, type HousingData } from '../data/housing';
import { settingRules, type Course, type CourseData, type CourseSettings } from './types';
import { modelsCourses } from '../../i18n/messages/models-courses';
import { modelsTrain } from '../../i18n/messages/models-train';

/** model.fit(x, y, epochs=100, validation_split=0.25), RMSprop's defaults, batch 32. */
export const HOUSING_COURSE_CONFIG: Readonly<TrainConfig> = {
  epochs: 100,
  learningRate: 0.001,
  batchSize: 32,
  validationSplit: 0.25,
  seed: 1,
};

const t = () => modelsCourses.housing;

/** Real districts a learner can start from: [row, label] (the label in the language on screen). All lie in the training rows. */
export const HOUSING_PRESET_ROWS: readonly { row: number; label: string }[] = [
  {
    row: 0,
    get label() {
      return t().presetBerkeley(t().dollars(452_600));
    },
  },
  {
    row: 8881,
    get label() {
      return t().presetSantaMonica(t().dollars(435_100));
    },
  },
  {
    row: 1986,
    get label() {
      return t().presetFresno(t().dollars(56_700));
    },
  },
];

/** Row 0 of the data (sklearn's first district), so the form has a real district before loading. */
const ROW_0 = [8.3252, 41, 880 / 126, 129 / 126, 322, 322 / 126, 37.88, -122.23];

export function housingRecipe(hiddenUnits = 16, fit: TrainConfig = HOUSING_COURSE_CONFIG): Recipe {
  if (!Number.isInteger(hiddenUnits) || hiddenUnits < 1) {
    throw new Error(modelsTrain.recipe.hiddenUnits(hiddenUnits));
  }
  const layers: LayerSpec[] = [
    { className: 'Dense', name: 'dense', units: hiddenUnits, activation: 'relu' },
    { className: 'Dropout', name: 'dropout', rate: 0.1 },
    { className: 'Dense', name: 'dense_1', units: hiddenUnits, activation: 'relu' },
    { className: 'Dropout', name: 'dropout_1', rate: 0.1 },
    { className: 'Dense', name: 'dense_2', units: 1 },
  ];
  return {
    id: 'housing',
    title: t().recipeTitle,
    inputShape: [HOUSING_FEATURES.length],
    layers,
    loss: 'mean_squared_error',
    metrics: [],
    python: housingPython(hiddenUnits, fit),
  };
}

/** The course's Keras code: no metrics=["accuracy"] (a regression has no accuracy). */
export function housingPython(hiddenUnits: number, fit: TrainConfig): string {
  const batch = fit.batchSize !== 32 ? `, batch_size=${fit.batchSize}` : '';
  const lr = fit.learningRate !== 0.001 ? `optimizer=keras.optimizers.RMSprop(learning_rate=${fit.learningRate}), ` : '';
  return [
    'import keras',
    'from keras import layers',
    'from sklearn.datasets import fetch_california_housing',
    'from sklearn.preprocessing import StandardScaler',
    '',
    'housing = fetch_california_housing()',
    'scaler = StandardScaler().fit(housing.data)  # fitted on all rows, validation rows included',
    'x = scaler.transform(housing.data)',
    'y = housing.target  # median house value in $100,000s',
    '',
    'model = keras.Sequential([',
    '    keras.Input(shape=(8,)),',
    `    layers.Dense(${hiddenUnits}, activation="relu"),`,
    '    layers.Dropout(0.1),',
    `    layers.Dense(${hiddenUnits}, activation="relu"),`,
    '    layers.Dropout(0.1),',
    '    layers.Dense(1, activation="linear"),',
    '])',
    `model.compile(${lr}loss="mean_squared_error")`,
    `history = model.fit(x, y, epochs=${fit.epochs}${batch}, validation_split=${fit.validationSplit})`,
    'model.evaluate(x, y)',
  ].join('\n');
}

/** The course data from the shipped file: scaler fitted on all rows, the rows scaled for fit. */
export function housingCourseData(data: HousingData): CourseData {
  const raw = data.dataset;
  const scaler = fitStandardScaler(data.x64, raw.rows, raw.features);
  const train: Dataset = { ...raw, x: transformRows(scaler, data.x64, raw.rows, raw.features) };
  return { train, test: null, scaler, raw };
}

const defaults: CourseSettings = {
  epochs: HOUSING_COURSE_CONFIG.epochs,
  learningRate: HOUSING_COURSE_CONFIG.learningRate,
  hiddenUnits: 16,
  seed: HOUSING_COURSE_CONFIG.seed,
};

export const housingCourse: Course = {
  id: 'housing',
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
    onProgress?.(0, t().loading(HOUSING_ROWS));
    const data = await loadHousing();
    onProgress?.(1, t().loaded);
    return housingCourseData(data);
  },
  recipes: [
    {
      id: 'sequential',
      title: 'Sequential: Dense 16 relu → Dropout → Dense 16 relu → Dropout → Dense 1',
      get note() {
        return t().sequentialNote;
      },
      build: (hiddenUnits, fit) => housingRecipe(hiddenUnits, fit),
    },
  ],
  fit: HOUSING_COURSE_CONFIG,
  defaults,
  settings: settingRules(defaults, {
    hiddenUnits: { label: () => modelsCourses.settings.hiddenUnitsEachDense, max: 256 },
    epochs: { max: 2000 },
  }),
  input: {
    kind: 'table',
    get featureNames() {
      return HOUSING_FEATURES.map((f) => f.label);
    },
    initial: ROW_0,
    minimums: HOUSING_FEATURES.map((f) => f.minimum),
    presets: (data) => {
      const raw = data.raw ?? data.train;
      return [
        ...HOUSING_PRESET_ROWS.map((p) => ({ label: p.label, values: tableRow(raw, p.row) })),
        { label: t().medianDistrict, values: medianDistrict(raw) },
      ];
    },
  },
  output: {
    kind: 'value',
    get name() {
      return HOUSING_TARGET.label;
    },
    get unit() {
      return HOUSING_TARGET.unit;
    },
    format: (v) => formatDollars(v),
    perUnit: HOUSING_TARGET.dollars,
    cap: HOUSING_TARGET.cap,
    get glossary() {
      return [
        ...HOUSING_FEATURES.map((f) => ({ term: f.label, meaning: f.meaning })),
        { term: t().outputTerm(HOUSING_TARGET.key, HOUSING_TARGET.unit), meaning: HOUSING_TARGET.meaning },
      ];
    },
  },
  weakAccuracy: null,
  diagnose: false,
};
