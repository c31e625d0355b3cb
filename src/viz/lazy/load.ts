/**
 * Parts of the app that load on demand, not with the page: the first page load fetches only what
 * the first view needs. A part loads once; a failed load (the network gone, an old tab after a new
 * release) becomes a message in the user's words (the browser's own error stays as `cause`), and
 * the next try loads again.
 * `what` names the part in the user's words: a function reads it in the language on screen when the
 * load fails.
 */
import { lazyLoad } from '../../i18n/messages/lazy-load';

export function lazy<T>(what: string | (() => string), load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((e: unknown) => {
      pending = null;
      throw new Error(lazyLoad.failed(typeof what === 'function' ? what() : what), { cause: e });
    });
    return pending;
  };
}
