import { describe, expect, it } from 'vitest';
import { parseNames } from '../../src/inspector/parse';

describe('parseNames', () => {
  it.each([
    ['setosa, versicolor, virginica', ['setosa', 'versicolor', 'virginica']],
    ['setosa;versicolor; virginica', ['setosa', 'versicolor', 'virginica']],
    ['setosa\nversicolor\nvirginica\n', ['setosa', 'versicolor', 'virginica']],
    // With semicolons, commas belong to the names.
    ['a, b; c; d', ['a, b', 'c', 'd']],
  ])('reads %j', (text, names) => {
    expect(parseNames(text, names.length)).toEqual({ ok: true, names });
  });

  it.each([
    ['', 3, /Enter 3 class names/],
    ['a, b', 3, /Expected 3 class names, got 2/],
    ['a,,b', 3, /empty/],
    ['a, a, b', 3, /"a" appears twice/],
  ])('refuses %j with a message', (text, n, message) => {
    const r = parseNames(text, n, 'class names');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
