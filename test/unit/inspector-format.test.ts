import { expect, it } from 'vitest';
import { formatFixed, formatNumber, formatShape } from '../../src/inspector/format';

it.each([
  [5.3, 3, '5.30'],
  [-0.5, 3, '\u22120.500'],
  [0.123456, 3, '0.123'],
  [0.12, 2, '0.12'],
  [1234.5, 3, '1235'],
  [3.1e-8, 2, '3.1e\u22128'],
  [2.5e7, 3, '2.50e7'],
  [0, 3, '0.00'],
  [-0, 3, '0.00'],
  [-1e-20, 1, '\u22121e\u221220'],
  [NaN, 3, '\u2014'],
  [Infinity, 2, '\u221e'],
  [0.0005, 3, '5.00e\u22124'],
  [-0.0005, 3, '\u22125.00e\u22124'],
  [0.001, 3, '0.00100'],
  [0.0366, 3, '0.0366'],
  [999999, 3, '999999'],
  [1234567, 3, '1.23e6'],
  [0.99999, 3, '1.00'],
  [999.96, 3, '1000'],
  [-Infinity, 3, '\u2212\u221e'],
])('formatNumber(%d, %i) = %s', (x, digits, text) => {
  expect(formatNumber(x, digits)).toBe(text);
});

it('never shows -0.00 and can use ASCII minus for Python', () => {
  expect(formatFixed(-0.001, 2)).toBe('0.00');
  expect(formatFixed(-0.006, 2)).toBe('\u22120.01');
  expect(formatNumber(-0.5, 2, { ascii: true })).toBe('-0.50');
  expect(formatShape([1, 4])).toBe('(1, 4)');
  expect(formatShape([8])).toBe('(8,)');
});

it('is the one formatNumber: the views import the same function', async () => {
  const viz = await import('../../src/viz/components/format');
  expect(viz.formatNumber).toBe(formatNumber);
});
