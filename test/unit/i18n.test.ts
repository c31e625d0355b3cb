/**
 * Both languages say everything: every message module has the same keys in English and German,
 * the same parameters, no empty text, and German text that reads German. (A key used in code
 * that does not exist is a type error: `npm test` runs svelte-check first, and
 * test/unit/i18n-types.test.ts holds the @ts-expect-error that proves it.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { messageModules, type Tree } from '../../src/i18n/define';
import { language, pickLanguage, setLanguage } from '../../src/i18n/language';
import { formatFixed, formatInteger, formatNumber, formatPercent } from '../../src/i18n/format';

const files = import.meta.glob('../../src/i18n/messages/**/*.ts', { eager: true });

/** Every leaf as "path.to.key" -> text or function. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [p, x] of leaves(v as Tree, path)) out.set(p, x);
    else out.set(path, v);
  }
  return out;
}

/** Words that give away an English sentence left in the German text. */
const ENGLISH = /\b(the|and|with|of|is|are|this|from|which|your|has|have|were|not|cannot|click|press|please|value|values|layer)\b/i;

/** German texts that may keep these English words: Keras' own terms, code and the app's name. */
const CODE = /`[^`]*`|model\.\w+|\b\w+_\w+\b|\w+\(\)|Layer Lens/g;

describe('messages in German and English', () => {
  const modules = messageModules();

  it('finds every message module (each file registers one, under its own name)', () => {
    expect(Object.keys(files).length).toBeGreaterThan(0);
    expect(modules.length).toBe(Object.keys(files).length);
    expect(new Set(modules.map((m) => m.name)).size).toBe(modules.length);
  });

  for (const m of modules) {
    describe(m.name, () => {
      const en = leaves(m.en);
      const de = leaves(m.de);

      it('has the same keys in both languages', () => {
        expect([...de.keys()].sort()).toEqual([...en.keys()].sort());
      });

      it('has no empty text, and a function for a function with the same parameters', () => {
        for (const [key, e] of en) {
          const d = de.get(key);
          expect(typeof d, key).toBe(typeof e);
          if (typeof e === 'string') {
            expect(e.trim(), `en ${key}`).not.toBe('');
            expect((d as string).trim(), `de ${key}`).not.toBe('');
          } else {
            expect((d as (...a: unknown[]) => string).length, key).toBe((e as (...a: unknown[]) => string).length);
          }
        }
      });

      it('reads German in German (no English sentence left behind)', () => {
        const english = [...de]
          .filter(([, d]) => typeof d === 'string')
          .filter(([, d]) => ENGLISH.test((d as string).replace(CODE, '')))
          .map(([k, d]) => `${k}: ${d}`);
        expect(english).toEqual([]);
      });
    });
  }
});

describe('the language', () => {
  afterEach(() => setLanguage('en'));

  it('starts from the URL, then the last choice, then the browser, else English', () => {
    expect(pickLanguage({ url: 'de', stored: 'en', browser: ['en-US'] })).toBe('de');
    expect(pickLanguage({ url: 'fr', stored: 'de', browser: ['en-US'] })).toBe('de');
    expect(pickLanguage({ browser: ['fr-FR', 'de-AT', 'en'] })).toBe('de');
    expect(pickLanguage({ browser: ['fr-FR'] })).toBe('en');
    expect(pickLanguage({})).toBe('en');
  });

  it('writes numbers as the language does: 5,30 and 20.640 in German, 5.30 and 20,640 in English', () => {
    expect(language()).toBe('en');
    expect([formatNumber(5.3), formatNumber(0.0619), formatInteger(20640), formatPercent(0.9712)]).toEqual(['5.30', '0.0619', '20,640', '97.1 %']);
    setLanguage('de');
    expect([formatNumber(5.3), formatNumber(-0.0619), formatInteger(20640), formatPercent(0.9712)]).toEqual(['5,30', '\u22120,0619', '20.640', '97,1 %']);
    expect(formatNumber(0.0005)).toBe('5,00e\u22124');
    expect(formatFixed(2.5, 2)).toBe('2,50');
    expect(formatInteger(1234567)).toBe('1.234.567');
  });

  it('keeps the decimal dot in text for Python, whatever the language', () => {
    setLanguage('de');
    expect(formatNumber(-5.3, 3, { ascii: true })).toBe('-5.30');
    expect(formatFixed(0.25, 2, { ascii: true })).toBe('0.25');
  });
});
