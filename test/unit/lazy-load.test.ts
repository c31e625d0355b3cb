/** On-demand parts (src/viz/lazy): loaded once, a failure said in the user's words, and retried. */
import { describe, expect, it } from 'vitest';
import { lazy } from '../../src/viz/lazy/load';

describe('lazy', () => {
  it('loads a part once, however often it is asked for', async () => {
    let loads = 0;
    const load = lazy('the exports', async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(await load()).toBe(a);
    expect(b).toBe(a);
    expect(loads).toBe(1);
  });

  it('says what could not load without the browser\'s error text, and tries again next time', async () => {
    let loads = 0;
    const load = lazy('TensorFlow.js', async () => {
      loads++;
      if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module: http://x/assets/tf-1.js');
      return 'ok';
    });
    const error = await load().catch((e: Error) => e);
    expect((error as Error).message).toBe('Layer Lens could not load TensorFlow.js. Check the connection and try again, or reload the page.');
    expect(((error as Error).cause as Error).message).toMatch(/Failed to fetch/);
    expect(await load()).toBe('ok');
    expect(loads).toBe(2);
  });
});
