/**
 * Typed message modules. Each area of the app defines its texts once, English and German side by
 * side; the German object must have exactly the English keys, and a message with parameters the
 * same parameters (a missing or extra key is a type error, not a blank on screen):
 *
 *   export const m = defineMessages('train', {
 *     train: 'Train',
 *     epochOf: (epoch: number, total: number) => `epoch ${epoch}/${total}`,
 *   }, {
 *     train: 'Trainieren',
 *     epochOf: (epoch, total) => `Epoche ${epoch}/${total}`,
 *   });
 *
 *   m.train            // in the current language(); in a view this redraws when the language changes
 *
 * Numbers inside messages go through formatNumber / formatInteger (src/inspector/format.ts), which
 * follow the language too ("5,3" in German).
 */
import { language, type Language } from './language';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Text = string | ((...args: any[]) => string);
export interface Tree {
  readonly [key: string]: Text | Tree;
}

/** The shape a translation must have: the same keys, strings for strings, the same parameters for functions. */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : Translation<T[K]>;
};

export interface MessageModule {
  name: string;
  en: Tree;
  de: Tree;
}

const REGISTRY = new Map<string, MessageModule>();

/** Every message module loaded so far (the key-parity test loads them all). */
export function messageModules(): MessageModule[] {
  return [...REGISTRY.values()];
}

/**
 * One area's messages in both languages. Returns an object that reads the current language on
 * every property access, so `m.key` is always in the language on screen.
 */
export function defineMessages<const T extends Tree>(name: string, en: T, de: Translation<T>): Translation<T> {
  REGISTRY.set(name, { name, en, de: de as Tree });
  const pick = (lang: Language): Tree => (lang === 'de' ? (de as Tree) : en);
  return new Proxy(en as object, {
    get: (_target, key) => (typeof key === 'string' ? pick(language())[key] : undefined),
  }) as Translation<T>;
}
