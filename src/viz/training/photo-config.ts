/** The photo panel's fields: labels, limits and hints, checked the way the train panel checks its own. */
import { parseNumber } from '../../inspector/parse';
import { language } from '../../i18n/language';
import { photoTraining as t } from '../../i18n/messages/photo-training';
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

/** A field's rule: label and hint read in the language on screen. */
export interface PhotoRule {
  readonly label: string;
  integer: boolean;
  min: number;
  max: number;
  readonly hint: string;
}

function rule(label: () => string, hint: () => string, integer: boolean, min: number, max: number): PhotoRule {
  return {
    get label() {
      return label();
    },
    get hint() {
      return hint();
    },
    integer,
    min,
    max,
  };
}

export const PHOTO_RULES: Readonly<Record<PhotoField, PhotoRule>> = {
  height: rule(() => t.height, () => t.heightHint, true, 10, 256),
  width: rule(() => t.width, () => t.widthHint, true, 10, 256),
  validationSplit: rule(() => 'validation_split', () => t.splitHint, false, 0.01, 0.9),
  seed: rule(() => t.seed, () => t.seedHint, true, 0, 2 ** 31 - 1),
  epochs: rule(() => t.epochs, () => t.epochsHint, true, 1, 10_000),
  learningRate: rule(() => t.learningRate, () => t.learningRateHint(0.001), false, 1e-6, 10),
};

/** A number as typed in the fields: 0.01 (English) or 0,01 (German); the fields read both. */
export const fieldText = (x: number) => (language() === 'de' ? String(x).replace('.', ',') : String(x));
const limit = fieldText;

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
    const text = (texts[field] ?? '').trim();
    if (text === '') {
      errors[field] = t.required(rule.label);
      continue;
    }
    const parsed = parseNumber(text);
    if (!parsed.ok) errors[field] = t.notNumber(rule.label, text);
    else if (rule.integer && !Number.isInteger(parsed.value)) errors[field] = t.whole(rule.label);
    else if (parsed.value < rule.min || parsed.value > rule.max) errors[field] = t.between(rule.label, limit(rule.min), limit(rule.max));
    else out[field] = parsed.value;
  }
  return { settings: Object.keys(errors).length ? null : (out as PhotoSettings), errors };
}
