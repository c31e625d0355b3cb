/**
 * The views' own texts in German and English: the time left, the train panel's field checks,
 * axis ticks, limits and short dollar labels follow the language on screen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language';
import { formatLimit, formatTick, formatTimeLeft } from '../../src/viz/components/format';
import { parseConfig, parseField } from '../../src/viz/components/train-config';
import { matrixLayout } from '../../src/viz/components/matrix-layout';
import { stepperItems } from '../../src/viz/components/stepper';
import { shortDollars, tickDollars, wholeDollars } from '../../src/viz/regression/geometry';

afterEach(() => setLanguage('en'));

describe('formatTimeLeft', () => {
  it('says the time left in English', () => {
    expect(formatTimeLeft(1234)).toBe('~1.2 s left');
    expect(formatTimeLeft(59_000)).toBe('~59.0 s left');
    expect(formatTimeLeft(150_000)).toBe('~3 min left');
    expect(formatTimeLeft(null)).toBeNull();
    expect(formatTimeLeft(Number.NaN)).toBeNull();
  });

  it('says it in German, with a decimal comma', () => {
    setLanguage('de');
    expect(formatTimeLeft(1234)).toBe('noch ~1,2 s');
    expect(formatTimeLeft(150_000)).toBe('noch ~3 min');
    expect(formatTimeLeft(-1)).toBeNull();
  });
});

describe("the train panel's field checks in German", () => {
  const ok = { epochs: '300', learningRate: '0.001', hiddenUnits: '8', seed: '42' };

  it('names the field in German and says what is wrong', () => {
    setLanguage('de');
    const r = parseConfig({ ...ok, epochs: 'abc', hiddenUnits: '0', learningRate: '', seed: '1,5' });
    expect(r.config).toBeNull();
    expect(r.errors.epochs).toBe('Epochen muss eine Zahl sein, nicht „abc“.');
    expect(r.errors.learningRate).toBe('Lernrate: Bitte einen Wert eingeben.');
    expect(r.errors.hiddenUnits).toBe('Neuronen (verborgene Schicht) muss zwischen 1 und 512 liegen.');
    expect(r.errors.seed).toBe('Seed muss eine ganze Zahl sein.');
    expect(parseField('epochs', '20000')).toEqual({ error: 'Epochen muss zwischen 1 und 10.000 liegen.' });
    expect(parseField('learningRate', '11')).toEqual({ error: 'Lernrate muss zwischen 0,000001 und 10 liegen.' });
  });

  it('accepts both decimal marks in both languages', () => {
    setLanguage('de');
    expect(parseField('learningRate', '0,01')).toEqual({ value: 0.01 });
    expect(parseField('learningRate', '0.01')).toEqual({ value: 0.01 });
    setLanguage('en');
    expect(parseField('learningRate', '0,01')).toEqual({ value: 0.01 });
    expect(parseField('epochs', '20000')).toEqual({ error: 'Epochs must be between 1 and 10,000.' });
  });
});

describe('numbers and labels in the language', () => {
  it('writes axis ticks as short as they are, with the decimal mark of the language', () => {
    expect([0, 0.5, 1, 250, 0.25, -0.5].map(formatTick)).toEqual(['0', '0.5', '1', '250', '0.25', '\u22120.5']);
    setLanguage('de');
    expect([0, 0.5, 1, 250, 0.25, 0.1 + 0.2].map(formatTick)).toEqual(['0', '0,5', '1', '250', '0,25', '0,3']);
    expect(formatLimit(1e-6)).toBe('0,000001');
    expect(formatLimit(2 ** 31 - 1)).toBe('2.147.483.647');
  });

  it('names the reshaped matrix, the input step and dollars in German', () => {
    setLanguage('de');
    expect(matrixLayout([2, 3, 4]).note).toBe('dargestellt als 6 × 4: die letzte Dimension als Spalten, die ersten 2 zu Zeilen zusammengefasst');
    expect(stepperItems([])[0].label).toBe('values_0 · Eingabe');
    expect(shortDollars(-250_000)).toBe('\u2212250 Tsd. $');
    expect([-200_000, 0, 400_000].map(tickDollars)).toEqual(['\u2212200', '0', '400']);
    expect(shortDollars(0)).toBe('0 $');
    expect(wholeDollars(500_001)).toBe('500.001 $');
    setLanguage('en');
    expect(shortDollars(-250_000)).toBe('-$250k');
    expect(wholeDollars(500_001)).toBe('$500,001');
    expect(tickDollars(-200_000)).toBe('-$200k');
  });
});
