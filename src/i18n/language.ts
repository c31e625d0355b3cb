/**
 * The language the app speaks: English or German (the course is taught in German). A leaf module:
 * it imports nothing from src/, so models, inspector and views can all ask `language()` while they
 * build a message or format a number.
 *
 * The views install a reactive source (src/viz/state/language.svelte.ts), so that every template
 * and `$derived` that asked for the language redraws when the user switches it; in Node (tests,
 * workers) the plain variable below answers.
 */
export type Language = 'en' | 'de';

/** Every language the app speaks, in the order the switch shows them. */
export const LANGUAGES: readonly Language[] = ['de', 'en'];

/** Each language's name in itself, for the switch. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { de: 'Deutsch', en: 'English' };

export interface LanguageSource {
  get(): Language;
  set(language: Language): void;
}

let current: Language = 'en';
let source: LanguageSource | null = null;

/** The language messages and numbers are written in now. */
export function language(): Language {
  return source ? source.get() : current;
}

export function setLanguage(next: Language): void {
  current = next;
  source?.set(next);
}

/** Lets the views keep the language in reactive state; the source takes the current language. */
export function useLanguageSource(next: LanguageSource | null): void {
  next?.set(current);
  source = next;
}

export function isLanguage(x: unknown): x is Language {
  return x === 'en' || x === 'de';
}

/**
 * Which language to start in: the URL's `lang=` first (a shared link), then the user's last choice,
 * then the browser's preferred languages (`de-AT` counts as German), else English.
 */
export function pickLanguage(opts: { url?: string | null; stored?: string | null; browser?: readonly string[] }): Language {
  if (isLanguage(opts.url)) return opts.url;
  if (isLanguage(opts.stored)) return opts.stored;
  for (const tag of opts.browser ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
