/** The photo panel's fields: labels, limits and hints, checked the way the train panel checks its own. */
import { parseNumber } from '../../inspector/parse';
import type { SettingRule } from '../../models/courses';
import { PHOTO_DEFAULT_CONFIG } from '../../models/recipe-specs';

export interface PhotoSettings {
  height: number;
  width: number;
  seed: number;
  validationSplit: number;
  epochs: number;
  learningRate: number;
}
export type PhotoField = keyof PhotoSettings;

export const PHOTO_FIELDS: PhotoField[] = ['height', 'width', 'validationSplit', 'seed', 'epochs', 'learningRate'];

type Rule = Omit<SettingRule, 'editable'>;

export const PHOTO_RULES: Readonly<Record<PhotoField, Rule>> = {
  height: { label: 'Image height', integer: true, min: 10, max: 256, hint: 'pixels; image_size=(height, width)' },
  width: { label: 'Image width', integer: true, min: 10, max: 256, hint: 'pixels; resized bilinearly' },
  validationSplit: { label: 'validation_split', integer: false, min: 0.01, max: 0.9, hint: 'the last share of the shuffled files' },
  seed: { label: 'Seed', integer: true, min: 0, max: 2 ** 31 - 1, hint: 'shuffles the files; same seed, same run' },
  epochs: { label: 'Epochs', integer: true, min: 1, max: 10_000, hint: 'a few to start with' },
  learningRate: { label: 'Learning rate', integer: false, min: 1e-6, max: 10, hint: 'RMSprop default: 0.001' },
};

export const PHOTO_DEFAULTS: PhotoSettings = {
  height: 64,
  width: 64,
  seed: PHOTO_DEFAULT_CONFIG.seed,
  validationSplit: PHOTO_DEFAULT_CONFIG.validationSplit,
  epochs: PHOTO_DEFAULT_CONFIG.epochs,
  learningRate: PHOTO_DEFAULT_CONFIG.learningRate,
};

/** Every field's text -> the settings when all are valid, and a message per bad field. */
export function parsePhotoSettings(texts: Record<PhotoField, string>): { settings: PhotoSettings | null; errors: Partial<Record<PhotoField, string>> } {
  const errors: Partial<Record<PhotoField, string>> = {};
  const out: Partial<PhotoSettings> = {};
  for (const field of PHOTO_FIELDS) {
    const rule = PHOTO_RULES[field];
    const t = (texts[field] ?? '').trim();
    if (t === '') {
      errors[field] = `${rule.label} is required.`;
      continue;
    }
    const parsed = parseNumber(t);
    if (!parsed.ok) errors[field] = `${rule.label} must be a number, not "${t}".`;
    else if (rule.integer && !Number.isInteger(parsed.value)) errors[field] = `${rule.label} must be a whole number.`;
    else if (parsed.value < rule.min || parsed.value > rule.max) errors[field] = `${rule.label} must be between ${rule.min} and ${rule.max}.`;
    else out[field] = parsed.value;
  }
  return { settings: Object.keys(errors).length ? null : (out as PhotoSettings), errors };
}
