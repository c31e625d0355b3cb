import { describe, expect, it } from 'vitest';
import { parseNumber, parseVector, rangeWarning } from '../../src/inspector/parse';

describe('parseNumber', () => {
  const good: [string, number][] = [
    ['5,3', 5.3], ['5.3', 5.3], [' 5.3 ', 5.3], ['\t5,3\n', 5.3], ['0', 0], ['-0', 0], ['-1,5', -1.5],
    ['\u22122,5', -2.5], ['+7', 7], ['12', 12], ['0,001', 0.001], ['1e-3', 0.001], ['2,5e3', 2500],
    ['5,', 5], ['5.', 5], [',5', 0.5], ['.5', 0.5], ['1,234', 1.234], ['3E2', 300],
  ];
  it.each(good)('%j -> %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  const bad: [string, RegExp][] = [
    ['', /^Enter a number$/],
    ['   ', /^Enter a number$/],
    ['abc', /"abc" is not a number/],
    ['5..3', /more than one decimal point/],
    ['5,,3', /more than one decimal comma/],
    ['5,3,1', /more than one decimal comma/],
    ['1.234,5', /mixes a comma and a point.*1234,5 or 1234\.5/],
    ['1,234.5', /mixes a comma and a point/],
    ['NaN', /"NaN" is not a number/],
    ['Infinity', /finite number/],
    ['-inf', /finite number/],
    ['1e999', /too large/],
    ['1e39', /too large/],
    ['5 3', /contains a space/],
    ['5,3cm', /not a number/],
    ['0x10', /not a number/],
    ['--1', /not a number/],
    ['e5', /not a number/],
  ];
  it.each(bad)('%j is rejected: %s', (text, message) => {
    const r = parseNumber(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('enforces min and max', () => {
    expect(parseNumber('-1', { min: 0 })).toEqual({ ok: false, error: 'Must be at least 0 (a measurement cannot be negative)' });
    expect(parseNumber('0', { min: 0 })).toEqual({ ok: true, value: 0 });
    expect(parseNumber('11', { max: 10 })).toEqual({ ok: false, error: 'Must be at most 10' });
  });
});

describe('parseVector', () => {
  const good: [string, number[]][] = [
    ['5,3 3,4 1,9 0,6', [5.3, 3.4, 1.9, 0.6]],
    ['5.3, 3.4, 1.9, 0.6', [5.3, 3.4, 1.9, 0.6]],
    ['[5.3, 3.4, 1.9, 0.6]', [5.3, 3.4, 1.9, 0.6]],
    ['(5.3, 3.4, 1.9, 0.6)', [5.3, 3.4, 1.9, 0.6]],
    ['5,3;3,4;1,9;0,6', [5.3, 3.4, 1.9, 0.6]],
    ['5,3; 3,4; 1,9; 0,6;', [5.3, 3.4, 1.9, 0.6]],
    ['5,3\t3,4\t1,9\t0,6', [5.3, 3.4, 1.9, 0.6]],
    ['5.3\t3.4\t1.9\t0.6\n', [5.3, 3.4, 1.9, 0.6]],
    ['5.3,3.4,1.9,0.6', [5.3, 3.4, 1.9, 0.6]],
    ['5,3, 3,4, 1,9, 0,6', [5.3, 3.4, 1.9, 0.6]],
    ['  5.3   3.4 1.9 0.6 ', [5.3, 3.4, 1.9, 0.6]],
    ['5,3,1,0', [5, 3, 1, 0]],
    ['[5, 3, 1, 0]', [5, 3, 1, 0]],
  ];
  it.each(good)('%j', (text, values) => {
    expect(parseVector(text, 4)).toEqual({ ok: true, values });
  });

  const bad: [string, number, RegExp][] = [
    ['', 4, /Paste 4 numbers/],
    ['5,3 3,4 1,9', 4, /^Expected 4 values, got 3$/],
    ['5.3, 3.4, 1.9, 0.6, 1.0', 4, /^Expected 4 values, got 5$/],
    ['5,3,3,4,1,9,0,6', 4, /ambiguous/],
    ['5,3,3,4', 2, /ambiguous/],
    ['5,3,1', 4, /ambiguous/],
    ['5,3 abc 1,9 0,6', 4, /^Value 2: "abc" is not a number/],
    ['5,3 -1 1,9 0,6', 4, /^Value 2: Must be at least 0/],
  ];
  it.each(bad)('%j (expecting %i) is rejected: %s', (text, n, message) => {
    const r = parseVector(text, n, { min: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('rangeWarning', () => {
  const range = { min: 4.3, max: 7.9 }; // span 3.6, so "far" begins 1.8 beyond: below 2.5, above 9.7
  it.each([4.3, 7.9, 6])('%d lies inside the training data: no warning', (v) => {
    expect(rangeWarning(v, range, 'sepal length (cm)')).toBeNull();
  });
  it.each([2.5, 9.7, 3.0, 9.0, 8.0])('%d is just outside: a mild note that names the range', (v) => {
    expect(rangeWarning(v, range, 'sepal length (cm)')).toMatch(/^sepal length \(cm\) = [\d.]+ is (below|above) the training data \(4\.3 to 7\.9\): the model extrapolates a little here\.$/);
  });
  it('warns far above and below, naming the feature and the range', () => {
    expect(rangeWarning(9.8, range, 'sepal length (cm)')).toBe(
      'sepal length (cm) = 9.8 is far above the training data (4.3 to 7.9): the model is extrapolating, so treat its prediction with care.',
    );
    expect(rangeWarning(2.4, range, 'sepal length (cm)')).toMatch(/far below .* extrapolating/);
    expect(rangeWarning(50, { min: 1, max: 1 }, 'x')).toMatch(/far above/);
    expect(rangeWarning(1.4, { min: 1, max: 1 }, 'x')).toMatch(/is above .* a little/);
    // A house 60 years old against the data's 52 at most: said, not silently taken.
    expect(rangeWarning(60, { min: 1, max: 52 }, 'HouseAge')).toMatch(/above the training data \(1 to 52\)/);
  });
});
