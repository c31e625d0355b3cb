/** Parsing and checking the train panel's fields: a clear message per bad field, never NaN. */
import type { TrainPanelConfig } from './types';
import { parseNumber } from '../../inspector/parse';
import { DEFAULT_COURSE, type SettingRule } from '../../models/courses';
import { viewTraining as t } from '../../i18n/messages/view-training';
import { formatLimit } from './format';

export type TrainField = keyof TrainPanelConfig;

/** Labels, limits and hints of every field, per course (the course module is their one source). */
export type TrainRules = Readonly<Record<TrainField, SettingRule>>;

/** The first course's defaults (epochs, learning rate, hidden units), from its course module. */
export const COURSE_DEFAULTS: Omit<TrainPanelConfig, 'seed'> = {
  epochs: DEFAULT_COURSE.defaults.epochs,
  learningRate: DEFAULT_COURSE.defaults.learningRate,
  hiddenUnits: DEFAULT_COURSE.defaults.hiddenUnits,
};

/** The first course's rules: what the panel checks when it is given none. */
export const TRAIN_RULES: TrainRules = DEFAULT_COURSE.settings;

/** A field's text -> its number, or a message saying what is wrong. */
export function parseField(field: TrainField, text: string, rules: TrainRules = TRAIN_RULES): { value: number } | { error: string } {
  const rule = rules[field];
  const typed = text.trim();
  if (typed === '') return { error: t.required(rule.label) };
  // The app's one number grammar: "0,01" and "0.01" alike (src/inspector/parse.ts).
  const parsed = parseNumber(typed);
  if (!parsed.ok) return { error: t.notANumber(rule.label, typed) };
  const v = parsed.value;
  if (rule.integer && !Number.isInteger(v)) return { error: t.notWhole(rule.label) };
  if (v < rule.min || v > rule.max) return { error: t.outOfRange(rule.label, formatLimit(rule.min), formatLimit(rule.max)) };
  return { value: v };
}

/** All fields at once: the config when every field is valid, and the messages per field. */
export function parseConfig(texts: Record<TrainField, string>, rules: TrainRules = TRAIN_RULES): {
  config: TrainPanelConfig | null;
  errors: Partial<Record<TrainField, string>>;
} {
  const errors: Partial<Record<TrainField, string>> = {};
  const out: Partial<TrainPanelConfig> = {};
  for (const field of Object.keys(rules) as TrainField[]) {
    const r = parseField(field, texts[field] ?? '', rules);
    if ('error' in r) errors[field] = r.error;
    else out[field] = r.value;
  }
  return { config: Object.keys(errors).length ? null : (out as TrainPanelConfig), errors };
}
