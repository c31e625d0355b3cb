/**
 * A message key that does not exist, a missing German key, or a German message with other
 * parameters is a type error (svelte-check runs before the tests): each @ts-expect-error below
 * would itself be an error if the line compiled.
 */
import { expect, it } from 'vitest';
import { defineMessages } from '../../src/i18n/define';

const m = defineMessages('i18n-types-test', { hello: 'Hello', count: (n: number) => `${n} rows` }, { hello: 'Hallo', count: (n) => `${n} Zeilen` });

it('types the keys of a message module', () => {
  // @ts-expect-error: no such key
  void m.helo;
  // @ts-expect-error: German lacks a key
  defineMessages('i18n-types-missing', { a: 'A', b: 'B' }, { a: 'A' });
  // @ts-expect-error: German has a key English lacks
  defineMessages('i18n-types-extra', { a: 'A' }, { a: 'A', b: 'B' });
  // @ts-expect-error: German takes other parameters
  defineMessages('i18n-types-params', { f: (n: number) => `${n}` }, { f: (n: string, k: number) => `${n}${k}` });
  expect(m.count(3)).toBe('3 rows');
});
