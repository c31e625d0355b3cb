/**
 * What a user would share, mirrored in the URL hash: the training settings (the same seed gives the
 * same weights, so a link reproduces the model), the input and the selected step.
 * Pure functions: decode never throws, and anything malformed falls back to the defaults.
 */
import { IRIS_COURSE_CONFIG } from '../../models/recipes';
import { TRAIN_RULES } from '../components/train-config';

export interface TrainSettings {
  epochs: number;
  learningRate: number;
  hiddenUnits: number;
  seed: number;
}

export interface ShareState {
  settings: TrainSettings;
  /** Whether the shared model was trained (the recipient retrains with the same settings). */
  trained: boolean;
  input: number[];
  step: number;
}

/** The course's settings (Keras' defaults, 300 epochs, Dense(8)), from the recipe module. */
export const COURSE_SETTINGS: TrainSettings = {
  epochs: IRIS_COURSE_CONFIG.epochs,
  learningRate: IRIS_COURSE_CONFIG.learningRate,
  hiddenUnits: 8,
  seed: IRIS_COURSE_CONFIG.seed,
};

/** A setting's value when it is one the train panel accepts (TRAIN_RULES), else null. */
export function checkSetting(key: keyof TrainSettings, value: number): number | null {
  const rule = TRAIN_RULES[key];
  if (!Number.isFinite(value) || value < rule.min || value > rule.max) return null;
  if (rule.integer && !Number.isInteger(value)) return null;
  return value;
}

export function encodeShare(s: ShareState): string {
  const p = new URLSearchParams();
  p.set('epochs', String(s.settings.epochs));
  p.set('lr', String(s.settings.learningRate));
  p.set('hidden', String(s.settings.hiddenUnits));
  p.set('seed', String(s.settings.seed));
  if (s.trained) p.set('trained', '1');
  p.set('x', s.input.map((v) => String(v)).join('_'));
  p.set('step', String(s.step));
  return '#' + p.toString();
}

export function decodeShare(hash: string, fallback: ShareState): ShareState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const num = (key: string) => (p.has(key) ? Number(p.get(key)) : NaN);
  const setting = (key: keyof TrainSettings, param: string) =>
    checkSetting(key, num(param)) ?? fallback.settings[key];
  const settings: TrainSettings = {
    epochs: setting('epochs', 'epochs'),
    learningRate: setting('learningRate', 'lr'),
    hiddenUnits: setting('hiddenUnits', 'hidden'),
    seed: setting('seed', 'seed'),
  };
  const xs = (p.get('x') ?? '').split('_').map(Number);
  const inputOk = xs.length === fallback.input.length && xs.every((v) => Number.isFinite(v) && v >= 0);
  const step = num('step');
  return {
    settings,
    trained: p.get('trained') === '1',
    input: inputOk ? xs : fallback.input,
    step: Number.isInteger(step) && step >= 0 ? step : fallback.step,
  };
}
