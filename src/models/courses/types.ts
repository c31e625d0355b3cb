/**
 * A course is data: everything that differs between the course's lessons (Iris, MNIST, housing)
 * lives in one module per course, registered in `./index.ts` (as TensorFlow Playground's `datasets`
 * map). The app state takes a Course and never names one; the views read its nouns and its output.
 */
import type { Dataset, Recipe, Scaler, TrainConfig } from '../types';
import { modelsCourses } from '../../i18n/messages/models-courses';

/** The training settings a learner can change; a shared link carries them. */
export interface CourseSettings {
  epochs: number;
  learningRate: number;
  /** Units of the course model's hidden Dense layer. */
  hiddenUnits: number;
  seed: number;
}

export type SettingKey = keyof CourseSettings;

/** How one setting is shown and checked: its label, limits, and a hint (the course's value). */
export interface SettingRule {
  label: string;
  integer: boolean;
  min: number;
  max: number;
  /** Shown under the field, e.g. "course: 300". */
  hint: string;
  /** False: shown, but fixed at the course's value. */
  editable: boolean;
}

/** One of the course's model definitions, selectable, with its Keras code. */
export interface CourseRecipe {
  /** Stable id for links, e.g. "sequential", "functional", "rescaling". */
  id: string;
  /** Shown in the recipe picker. */
  title: string;
  /** One sentence on what this variant teaches. */
  note: string;
  /** The recipe (layers, input shape, loss; `python` includes compile and fit with `fit`). */
  build(hiddenUnits: number, fit: TrainConfig): Recipe;
}

/** A course's data once loaded: the rows `fit` sees, and the test rows `evaluate` sees (if any). */
export interface CourseData {
  train: Dataset;
  test: Dataset | null;
  /**
   * Preprocessing the course applies before the model (housing's StandardScaler): `train` then
   * holds the scaled rows fit sees, `raw` the same rows as the learner reads them (for the input
   * form's ranges and presets), and the trace shows the raw input and the scaling step.
   * Absent: the model takes the data as it is.
   */
  scaler?: Scaler;
  raw?: Dataset;
}

/** Loading progress: a fraction 0..1 and what is being done, in the learner's words. */
export type LoadProgress = (fraction: number, message: string) => void;

/** A named input the learner can pick, e.g. "Course flower 1". */
export interface InputPreset {
  label: string;
  values: number[];
}

/** A row of named features: a form with one field (and slider) per feature. */
export interface TableInput {
  kind: 'table';
  featureNames: string[];
  /** The input shown when the course opens. */
  initial: number[];
  /** Presets, some of which may come from the loaded data (e.g. one real row per class). */
  presets(data: CourseData): InputPreset[];
  /** Smallest valid value per feature (0 for counts and averages), null where negatives are valid (longitude). */
  minimums?: (number | null)[];
}

/** A picture: height x width x channels values, raw (e.g. grey levels 0..255). */
export interface ImageInput {
  kind: 'image';
  height: number;
  width: number;
  channels: number;
  /** Value range of one pixel as the data holds it, e.g. [0, 255]. */
  range: [number, number];
  /** The test image shown when the course opens (index into `CourseData.test`). */
  initialTestImage: number;
}

export type CourseInput = TableInput | ImageInput;

/** How the model's output reads: one probability per named class, or one value with a unit. */
export type CourseOutput =
  | { kind: 'classes'; classNames: string[] }
  | {
      kind: 'value';
      name: string;
      unit: string;
      /** The model's raw output in the learner's words, e.g. 2.063 -> "$206,300". */
      format?: (value: number) => string;
      /** One unit of the output in the unit people think in (housing: 100,000 dollars). */
      perUnit?: number;
      /** The data's top code, where values were capped (housing: 5.00001 = $500,001). */
      cap?: number;
      /** What each input and the output mean, in the learner's words, for a glossary. */
      glossary?: readonly { term: string; meaning: string }[];
    };

export interface Course {
  /** Stable id for links (`course=`), e.g. "iris". */
  id: string;
  /** Shown in the course switcher, e.g. "Iris flowers". */
  title: string;
  /** One line on what the lesson is about. */
  summary: string;
  /** The words for one example: "flower"/"flowers", "digit"/"digits", "district"/"districts". */
  nouns: { one: string; many: string };
  /** Loads the data set (lazily: nothing heavy is imported before this is called). */
  load(onProgress?: LoadProgress): Promise<CourseData>;
  /** The course's models; the first is the default. */
  recipes: readonly CourseRecipe[];
  /** compile/fit as the course writes it (epochs, learning rate, batch 32, validation_split, seed). */
  fit: Readonly<TrainConfig>;
  /** The settings a course run starts from (fit's epochs, lr and seed, plus the hidden units). */
  defaults: Readonly<CourseSettings>;
  /** Each setting's label, limits and whether it is editable. */
  settings: Readonly<Record<SettingKey, SettingRule>>;
  input: CourseInput;
  output: CourseOutput;
  /** A classifier run below this accuracy (on all training rows) is worth retraining; null: no such hint. */
  weakAccuracy: number | null;
  /** Whether to diagnose a trained run row by row (dead units, predicted classes): small data only. */
  diagnose: boolean;
}

/** A rule's own limits; its label and hint as functions, so they are read in the language on screen. */
export type SettingLimits = Partial<Omit<SettingRule, 'label' | 'hint'>> & { label?: () => string; hint?: () => string };

/**
 * The standard setting rules, with the course's own hints and limits filled in. `label` and `hint`
 * are getters: they read the current language each time a view reads them.
 */
export function settingRules(
  defaults: CourseSettings,
  limits: Partial<Record<SettingKey, SettingLimits>> = {},
): Record<SettingKey, SettingRule> {
  const t = () => modelsCourses.settings;
  const base: Record<SettingKey, { integer: boolean; min: number; max: number; editable: boolean; label: () => string; hint: () => string }> = {
    epochs: { label: () => t().epochs, integer: true, min: 1, max: 10_000, hint: () => t().courseHint(defaults.epochs), editable: true },
    learningRate: { label: () => t().learningRate, integer: false, min: 1e-6, max: 10, hint: () => t().rmspropHint(defaults.learningRate), editable: true },
    hiddenUnits: { label: () => t().hiddenUnits, integer: true, min: 1, max: 512, hint: () => t().courseHint(defaults.hiddenUnits), editable: true },
    seed: { label: () => t().seed, integer: true, min: 0, max: 2 ** 31 - 1, hint: () => t().seedHint, editable: true },
  };
  const rules = {} as Record<SettingKey, SettingRule>;
  for (const key of Object.keys(base) as SettingKey[]) {
    const { label, hint, ...rest } = { ...base[key], ...limits[key] };
    rules[key] = {
      ...rest,
      get label() {
        return label();
      },
      get hint() {
        return hint();
      },
    };
  }
  return rules;
}

/** A setting's value when the course accepts it, else null. */
export function checkSetting(course: Pick<Course, 'settings'>, key: SettingKey, value: number): number | null {
  const rule = course.settings[key];
  if (!Number.isFinite(value) || value < rule.min || value > rule.max) return null;
  if (rule.integer && !Number.isInteger(value)) return null;
  return value;
}

/** Min and max of each feature over all rows, in the data's own units. */
export function featureRanges(ds: Dataset): { min: number; max: number }[] {
  const ranges = Array.from({ length: ds.features }, () => ({ min: Infinity, max: -Infinity }));
  for (let r = 0; r < ds.rows; r++) {
    for (let f = 0; f < ds.features; f++) {
      const v = ds.x[r * ds.features + f];
      if (v < ranges[f].min) ranges[f].min = v;
      if (v > ranges[f].max) ranges[f].max = v;
    }
  }
  return ranges;
}
