/**
 * The language on screen as reactive state: installed as the source of src/i18n's `language()`,
 * so every template, `$derived` and message that asked for it redraws on a switch (numbers too:
 * "5,3" in German). Chosen from the URL's `?lang=`, the last choice (localStorage), then the
 * browser's languages; a switch writes the URL (so a shared link keeps it) and localStorage (so a
 * reload keeps it) and sets `<html lang>`.
 */
import { language, pickLanguage, setLanguage, useLanguageSource, type Language } from '../../i18n/language';

const STORAGE_KEY = 'layer-lens-language';

const state = $state({ current: language() });
useLanguageSource({
  get: () => state.current,
  set: (l) => {
    state.current = l;
  },
});

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, sandboxed frame): the choice lasts for this page
  }
}

/** Picks the starting language for this page (call once, before the first render). */
export function initLanguage(): Language {
  if (typeof window === 'undefined') return language();
  const url = new URLSearchParams(location.search).get('lang');
  const lang = pickLanguage({ url, stored: stored(), browser: navigator.languages ?? [navigator.language] });
  setLanguage(lang);
  document.documentElement.lang = lang;
  return lang;
}

/** The user's switch: every view follows, the URL and the next visit keep it. */
export function chooseLanguage(lang: Language): void {
  setLanguage(lang);
  if (typeof window === 'undefined') return;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* see stored() */
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(history.state, '', url);
}
