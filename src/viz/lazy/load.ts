/**
 * Parts of the app that load on demand, not with the page: the first page load fetches only what
 * the first view needs. A part loads once; a failed load (the network gone, an old tab after a new
 * release) becomes a message in the user's words (the browser's own error stays as `cause`), and
 * the next try loads again.
 */
export function lazy<T>(what: string, load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((e: unknown) => {
      pending = null;
      throw new Error(`Layer Lens could not load ${what}. Check the connection and try again, or reload the page.`, { cause: e });
    });
    return pending;
  };
}
