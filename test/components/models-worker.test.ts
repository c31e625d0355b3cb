import { describe, expect, it } from 'vitest';
import { loadIris } from '../../src/models/iris';
import { irisRecipe, IRIS_COURSE_CONFIG } from '../../src/models/recipes';
import { train } from '../../src/models/train/train';
import { createTrainingClient, startTraining } from '../../src/models/train/client';
import type { EpochLog } from '../../src/models/types';

const iris = loadIris();
const recipe = irisRecipe();
const config = { ...IRIS_COURSE_CONFIG, epochs: 100, seed: 4 };

describe('training in a Web Worker (Chromium)', () => {
  it('gives the same weights and history as training on this thread, logs in order', async () => {
    expect(typeof Worker).toBe('function');
    const batches: EpochLog[][] = [];
    const result = await startTraining(recipe, iris, config, (logs) => batches.push(logs)).done;
    const direct = await train(recipe, iris, config);
    expect(result.weights).toEqual(direct.weights);
    expect(result.history).toEqual(direct.history);
    expect(batches.flat()).toEqual(direct.history);
    expect(iris.x.length).toBe(600); // the caller's arrays are not detached
  });

  it('stops on request, keeping the weights reached so far', async () => {
    const seen: EpochLog[] = [];
    const run = startTraining(recipe, iris, { ...config, epochs: 1_000_000 }, (logs) => {
      seen.push(...logs);
      if (seen.length >= 20) run.stop();
    });
    const result = await run.done;
    expect(result.stopped).toBe(true);
    expect(result.history.length).toBeLessThan(1_000_000);
    const same = await train(recipe, iris, { ...config, epochs: result.history.length });
    expect(result.weights).toEqual(same.weights);
  });

  it('serves run after run from one client, and reports bad input as an error', async () => {
    const client = createTrainingClient();
    const a = await client.startTraining(recipe, iris, config, () => {}).done;
    const b = await client.startTraining(recipe, iris, { ...config, seed: 5 }, () => {}).done;
    expect(a.weights).toEqual((await train(recipe, iris, config)).weights);
    expect(b.weights[0].values).not.toEqual(a.weights[0].values);
    await expect(client.startTraining(recipe, iris, { ...config, epochs: -1 }, () => {}).done).rejects.toThrow(/epochs/);
    client.dispose();
  });
});
