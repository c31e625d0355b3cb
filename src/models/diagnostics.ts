/**
 * Why a run went wrong, in words a course participant can act on: what the network predicts for
 * every row, which hidden ReLU units never fire, whether the run is stuck; and what the
 * validation rows hold (Keras takes them from the END of the data, and Iris is sorted by species).
 */
import type { Dataset, Recipe, WeightTensor } from './types';
import { predictRows, reluOutputs } from './train/forward';
import { splitRows } from './train/split';
import { findCourse } from './courses';

/** The words for one and several examples, and the accuracy below which a run is called weak. */
export interface DiagnoseOptions {
  nouns?: { one: string; many: string };
  weakAccuracy?: number | null;
}

export interface DeadUnits {
  /** The Dense layer whose ReLU output is checked, e.g. "dense". */
  layer: string;
  units: number;
  /** Indices of the units whose ReLU output is 0 for every row. */
  dead: number[];
}

export interface Diagnosis {
  rows: number;
  /** How many rows are predicted as each class (classification; empty for regression). */
  predictedCounts: number[];
  /** Fraction of rows classified correctly; null for regression. */
  accuracy: number | null;
  deadUnits: DeadUnits[];
  /** One class predicted for every row, or accuracy <= 0.4. */
  stuck: boolean;
  /** The class every row is predicted as, or null when the predictions differ. */
  singleClass: string | null;
  message: string;
}

const STUCK_ACCURACY = 0.4;

/** The course's nouns for its rows ("flower"/"flowers"), from the option or the data set's course. */
function nounsFor(data: Dataset, options: DiagnoseOptions): { one: string; many: string } {
  return options.nouns ?? findCourse(data.id)?.nouns ?? { one: 'row', many: 'rows' };
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function deadPhrase(dead: DeadUnits[], nouns: { one: string }): string | null {
  const hit = dead.filter((d) => d.dead.length > 0);
  if (hit.length === 0) return null;
  const parts =
    dead.length === 1
      ? [`${hit[0].dead.length} of ${hit[0].units} hidden units`]
      : hit.map((d) => `${d.dead.length} of ${d.units} units of layer ${d.layer}`);
  const total = hit.reduce((s, d) => s + d.dead.length, 0);
  const verb = total === 1 ? 'never fires (its' : 'never fire (their';
  return `${parts.join(' and ')} ${verb} ReLU output is 0 for every ${nouns.one})`;
}

/**
 * What a trained run does on every row. `options.weakAccuracy` (the course's; default from the
 * data set's course, else 0.9) is where a run that is not stuck still gets a hint to retrain.
 */
export function diagnose(recipe: Recipe, weights: WeightTensor[], data: Dataset, options: DiagnoseOptions = {}): Diagnosis {
  const nouns = nounsFor(data, options);
  const weak = options.weakAccuracy !== undefined ? options.weakAccuracy : (findCourse(data.id)?.weakAccuracy ?? 0.9);
  const deadUnits = reluOutputs(recipe, weights, data).map(({ layer, units, values }) => {
    const dead: number[] = [];
    for (let u = 0; u < units; u++) {
      let fires = false;
      for (let r = 0; r < data.rows && !fires; r++) fires = values[r * units + u] > 0;
      if (!fires) dead.push(u);
    }
    return { layer, units, dead };
  });
  const dead = deadPhrase(deadUnits, nouns);
  const n = data.rows;
  if (data.task !== 'classification') {
    return {
      rows: n, predictedCounts: [], accuracy: null, deadUnits, stuck: false, singleClass: null,
      message: dead ? `${dead[0].toUpperCase()}${dead.slice(1)}.` : 'Every hidden unit fires for some row.',
    };
  }
  const out = predictRows(recipe, weights, data.x, n);
  const k = out.length / Math.max(n, 1);
  const predictedCounts = new Array<number>(data.classNames.length).fill(0);
  let correct = 0;
  for (let r = 0; r < n; r++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (out[r * k + j] > out[r * k + best]) best = j;
    predictedCounts[best] = (predictedCounts[best] ?? 0) + 1;
    if (best === data.y[r]) correct++;
  }
  const accuracy = n > 0 ? correct / n : 0;
  const only = predictedCounts.findIndex((c) => c === n);
  const singleClass = n > 0 && only >= 0 ? (data.classNames[only] ?? `class ${only}`) : null;
  const stuck = singleClass !== null || accuracy <= STUCK_ACCURACY;
  const rows = `${n} ${n === 1 ? nouns.one : nouns.many}`;
  let message: string;
  if (singleClass !== null) {
    message = dead
      ? `All ${rows} are predicted as ${singleClass}: ${dead}, so the network cannot tell the ${nouns.many} apart (accuracy ${percent(accuracy)}). The random start left too few units alive. Retrain with a new seed.`
      : `All ${rows} are predicted as ${singleClass} (accuracy ${percent(accuracy)}): the network has not learned to tell the classes apart. Retrain with a new seed.`;
  } else if (stuck) {
    message = `Only ${correct} of ${rows} (${percent(accuracy)}) are classified correctly, little better than guessing${dead ? `; ${dead}` : ''}. Retrain with a new seed.`;
  } else {
    message = `${correct} of ${rows} (${percent(accuracy)}) are classified correctly.${dead ? ` ${dead[0].toUpperCase()}${dead.slice(1)}; those units add nothing.` : ''}`;
    if (weak !== null && accuracy < weak) message += ' That is weak: a run with a new seed may well do better.';
  }
  return { rows: n, predictedCounts, accuracy, deadUnits, stuck, singleClass, message };
}

export interface ValidationMix {
  trainRows: number;
  valRows: number;
  /** Rows per class among the training rows (empty for regression). */
  trainCounts: number[];
  /** Rows per class among the validation rows (empty for regression). */
  valCounts: number[];
  /** The class all validation rows belong to, or null. */
  singleClass: string | null;
  message: string;
}

function countClasses(data: Dataset, from: number, to: number): number[] {
  const counts = new Array<number>(data.classNames.length).fill(0);
  for (let r = from; r < to; r++) counts[data.y[r]]++;
  return counts;
}

function listCounts(data: Dataset, counts: number[]): string {
  const parts = counts.map((c, i) => `${c} ${data.classNames[i]}`).filter((_, i) => counts[i] > 0);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? 'nothing');
}

/** What Keras' validation_split holds out: the last rows, before any shuffling. */
export function validationMix(data: Dataset, split: number): ValidationMix {
  const { trainRows, valRows } = splitRows(data.rows, split);
  if (valRows === 0) {
    return { trainRows, valRows, trainCounts: [], valCounts: [], singleClass: null, message: 'No rows are held out for validation (validation_split is 0).' };
  }
  if (data.task !== 'classification') {
    return {
      trainRows, valRows, trainCounts: [], valCounts: [], singleClass: null,
      message: `The last ${valRows} rows are held out for validation; the first ${trainRows} train.`,
    };
  }
  const trainCounts = countClasses(data, 0, trainRows);
  const valCounts = countClasses(data, trainRows, data.rows);
  const only = valCounts.findIndex((c) => c === valRows);
  const singleClass = only >= 0 ? data.classNames[only] : null;
  const message =
    singleClass !== null
      ? `The last ${valRows} rows, all ${singleClass}, are held out for validation: Keras takes validation_split from the end of the data before shuffling, and this data set is sorted by class. So val_accuracy only measures ${singleClass}, and training sees ${listCounts(data, trainCounts)}.`
      : `The last ${valRows} rows are held out for validation: ${listCounts(data, valCounts)}. Training sees ${listCounts(data, trainCounts)}.`;
  return { trainRows, valRows, trainCounts, valCounts, singleClass, message };
}
