/** The photo panel's field checks and the on-demand loader's failure in German and English. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language';
import { parsePhotoSettings, PHOTO_DEFAULTS, PHOTO_FIELDS, PHOTO_RULES, type PhotoField } from '../../src/viz/training/photo-config';
import { lazy } from '../../src/viz/lazy/load';
import { lazyLoad } from '../../src/i18n/messages/lazy-load';

const texts = (over: Partial<Record<PhotoField, string>>) =>
  ({ ...Object.fromEntries(PHOTO_FIELDS.map((f) => [f, String(PHOTO_DEFAULTS[f])])), ...over }) as Record<PhotoField, string>;

describe('the photo panel in German', () => {
  afterEach(() => setLanguage('en'));

  it('labels, hints and messages follow the language; limits are written as the language writes them', () => {
    const bad = texts({ height: '', width: '64,5', validationSplit: '0,95', learningRate: 'schnell' });
    expect(parsePhotoSettings(bad).errors).toEqual({
      height: 'Image height is required.',
      width: 'Image width must be a whole number.',
      validationSplit: 'validation_split must be between 0.01 and 0.9.',
      learningRate: 'Learning rate must be a number, not "schnell".',
    });
    expect(PHOTO_RULES.learningRate.hint).toBe('RMSprop default: 0.001');
    setLanguage('de');
    expect(parsePhotoSettings(bad).errors).toEqual({
      height: 'Bildhöhe fehlt.',
      width: 'Bildbreite muss eine ganze Zahl sein.',
      validationSplit: 'validation_split muss zwischen 0,01 und 0,9 liegen.',
      learningRate: 'Lernrate muss eine Zahl sein, nicht „schnell“.',
    });
    expect([PHOTO_RULES.epochs.label, PHOTO_RULES.seed.hint, PHOTO_RULES.learningRate.hint]).toEqual([
      'Epochen', 'mischt die Dateien; gleicher Seed, gleicher Lauf', 'Standard bei RMSprop: 0,001',
    ]);
    // German input with a decimal comma is read as today
    expect(parsePhotoSettings(texts({ validationSplit: '0,3', learningRate: '0,01' })).settings).toMatchObject({ validationSplit: 0.3, learningRate: 0.01 });
  });

  it('a part that cannot load says so in the language on screen when it fails', async () => {
    const load = lazy(() => lazyLoad.exports, async () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    setLanguage('de');
    const error = (await load().catch((e: Error) => e)) as Error;
    expect(error.message).toBe('Layer Lens konnte die Exporte nicht laden. Bitte die Verbindung prüfen und es erneut versuchen oder die Seite neu laden.');
    setLanguage('en');
    expect(((await load().catch((e: Error) => e)) as Error).message).toBe('Layer Lens could not load the exports. Check the connection and try again, or reload the page.');
  });
});
