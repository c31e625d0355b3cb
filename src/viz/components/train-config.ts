/** Parsing and checking the train panel's fields: a clear message per bad field, never NaN. */
import type { TrainPanelConfig } from './types';
import { parseNumber } from '../../inspector/parse';

export type TrainField = keyof TrainPanelConfig;

/** The course defaults: 300 epochs, RMSprop's learning rate 0.001, 8 hidden units. */
export const COURSE_DEFAULTS: Omit<TrainPanelConfig, 'seed'> = { epochs: 300, learningRate: 0.001, hiddenUnits: 8 };

interface Rule {
  label: string;
  integer: boolean;
  min: number;
  max: number;
}

export const TRAIN_RULES: Record<TrainField, Rule> = {
  epochs: { label: 'Epochs', integer: true, min: 1, max: 10_000 },
  learningRate: { label: 'Learning rate', integer: false, min: 1e-6, max: 10 },
  hiddenUnits: { label: 'Hidden units', integer: true, min: 1, max: 512 },
  seed: { label: 'Seed', integer: true, min: 0, max: 2 ** 31 - 1 },
};

/** A field's text -> its number, or a message saying what is wrong. */
export function parseField(field: TrainField, text: string): { value: number } | { error: string } {
  const rule = TRAIN_RULES[field];
  const t = text.trim();
  if (t === '') return { error: `${rule.label} is required.` };
  // The app's one number grammar: "0,01" and "0.01" alike (src/inspector/parse.ts).
  const parsed = parseNumber(t);
  if (!parsed.ok) return { error: `${rule.label} must be a number, not "${t}".` };
  const v = parsed.value;
  if (rule.integer && !Number.isInteger(v)) return { error: `${rule.label} must be a whole number.` };
  if (v < rule.min || v > rule.max) return { error: `${rule.label} must be between ${rule.min} and ${rule.max}.` };
  return { value: v };
}

/** All fields at once: the config when every field is valid, and the messages per field. */
export function parseConfig(texts: Record<TrainField, string>): {
  config: TrainPanelConfig | null;
  errors: Partial<Record<TrainField, string>>;
} {
  const errors: Partial<Record<TrainField, string>> = {};
  const out: Partial<TrainPanelConfig> = {};
  for (const field of Object.keys(TRAIN_RULES) as TrainField[]) {
    const r = parseField(field, texts[field] ?? '');
    if ('error' in r) errors[field] = r.error;
    else out[field] = r.value;
  }
  return { config: Object.keys(errors).length ? null : (out as TrainPanelConfig), errors };
}
