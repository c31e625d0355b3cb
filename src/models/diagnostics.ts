/**
 * Why a run went wrong, in words a course participant can act on: what the network predicts for
 * every row, which hidden ReLU units never fire, whether the run is stuck; and what the
 * validation rows hold (Keras takes them from the END of the data, and Iris is sorted by species).
 */
import type { Dataset, Recipe, WeightTensor } from './types';
import { predictRows, reluOutputs } from './train/forward';
import { splitRows } from './train/split';
import { findCourse } from './courses';
import { modelsDiagnostics as t } from '../i18n/messages/models-diagnostics';
import { formatInteger } from '../i18n/format';

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
  /** In words; read in the language on screen each time (a getter). */
  readonly message: string;
}

const STUCK_ACCURACY = 0.4;

/** The course's nouns for its rows ("flower"/"flowers"), from the option or the data set's course. */
function nounsFor(data: Dataset, options: DiagnoseOptions): { one: string; many: string } {
  return options.nouns ?? findCourse(data.id)?.nouns ?? { get one() { return t.row; }, get many() { return t.rows; } };
}

function deadPhrase(dead: DeadUnits[], nouns: { one: string; many: string }): string | null {
  const hit = dead.filter((d) => d.dead.length > 0);
  if (hit.length === 0) return null;
  const parts =
    dead.length === 1
      ? [t.deadSingle(hit[0].dead.length, hit[0].units)]
      : hit.map((d) => t.deadOfLayer(d.dead.length, d.units, d.layer));
  const total = hit.reduce((s, d) => s + d.dead.length, 0);
  return `${parts.join(` ${t.and} `)} ${t.deadTail(total, nouns.one, nouns.many)}`;
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
  // The words are built when read, so a diagnosis follows the language on screen.
  const dead = () => deadPhrase(deadUnits, nouns);
  const n = data.rows;
  if (data.task !== 'classification') {
    return {
      rows: n, predictedCounts: [], accuracy: null, deadUnits, stuck: false, singleClass: null,
      get message() {
        const d = dead();
        return d ? `${d[0].toUpperCase()}${d.slice(1)}.` : t.allFire;
      },
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
  const singleClass = n > 0 && only >= 0 ? (data.classNames[only] ?? t.classN(only)) : null;
  const stuck = singleClass !== null || accuracy <= STUCK_ACCURACY;
  const message = (): string => {
    const d = dead();
    const { one, many } = nouns;
    if (singleClass !== null) {
      return d ? t.singleDead(n, one, many, singleClass, d, accuracy) : t.single(n, one, many, singleClass, accuracy);
    }
    if (stuck) return t.stuck(correct, n, one, many, accuracy, d ?? '');
    let text = t.correct(correct, n, one, many, accuracy) + (d ? t.deadAddNothing(d) : '');
    if (weak !== null && accuracy < weak) text += t.weak;
    return text;
  };
  return {
    rows: n, predictedCounts, accuracy, deadUnits, stuck, singleClass,
    get message() {
      return message();
    },
  };
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
  /** In words; read in the language on screen each time (a getter). */
  readonly message: string;
}

function countClasses(data: Dataset, from: number, to: number): number[] {
  const counts = new Array<number>(data.classNames.length).fill(0);
  for (let r = from; r < to; r++) counts[data.y[r]]++;
  return counts;
}

function listCounts(data: Dataset, counts: number[]): string {
  return t.list(counts.map((c, i) => `${formatInteger(c)} ${data.classNames[i]}`).filter((_, i) => counts[i] > 0));
}

/** What Keras' validation_split holds out: the last rows, before any shuffling. */
export function validationMix(data: Dataset, split: number): ValidationMix {
  const { trainRows, valRows } = splitRows(data.rows, split);
  if (valRows === 0) {
    return {
      trainRows, valRows, trainCounts: [], valCounts: [], singleClass: null,
      get message() {
        return t.noValidation;
      },
    };
  }
  if (data.task !== 'classification') {
    return {
      trainRows, valRows, trainCounts: [], valCounts: [], singleClass: null,
      get message() {
        return t.lastRows(valRows, trainRows);
      },
    };
  }
  const trainCounts = countClasses(data, 0, trainRows);
  const valCounts = countClasses(data, trainRows, data.rows);
  const only = valCounts.findIndex((c) => c === valRows);
  const singleClass = only >= 0 ? data.classNames[only] : null;
  return {
    trainRows, valRows, trainCounts, valCounts, singleClass,
    get message() {
      return singleClass !== null
        ? t.sortedSingle(valRows, singleClass, listCounts(data, trainCounts))
        : t.mixed(valRows, listCounts(data, valCounts), listCounts(data, trainCounts));
    },
  };
}
