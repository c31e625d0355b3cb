import { describe, expect, it } from 'vitest';
import { loadIris } from '../../src/models/iris';
import { irisRecipe, IRIS_COURSE_CONFIG } from '../../src/models/recipes';
import { createTrainingClient, startTraining } from '../../src/models/train/client';
import { train } from '../../src/models/train/train';
import type { EpochLog } from '../../src/models/types';

describe('startTraining without Worker (Node): trains on this thread, yielding', () => {
  it('delivers every epoch log in order, in batches, and the same result as train', async () => {
    expect(typeof Worker).toBe('undefined');
    const batches: EpochLog[][] = [];
    const run = startTraining(irisRecipe(), loadIris(), { ...IRIS_COURSE_CONFIG, epochs: 60 }, (logs) => batches.push(logs));
    const result = await run.done;
    const logs = batches.flat();
    expect(logs.map((l) => l.epoch)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(logs).toEqual(result.history);
    const direct = await train(irisRecipe(), loadIris(), { ...IRIS_COURSE_CONFIG, epochs: 60 });
    expect(result.weights).toEqual(direct.weights);
  });

  it('stops on request and keeps the weights reached so far', async () => {
    const seen: EpochLog[] = [];
    const run = startTraining(irisRecipe(), loadIris(), { ...IRIS_COURSE_CONFIG, epochs: 100_000 }, (logs) => {
      seen.push(...logs);
      if (seen.length >= 5) run.stop();
    });
    const result = await run.done;
    expect(result.stopped).toBe(true);
    expect(result.history.length).toBeGreaterThanOrEqual(5);
    expect(result.history.length).toBeLessThan(100_000);
    const same = await train(irisRecipe(), loadIris(), { ...IRIS_COURSE_CONFIG, epochs: result.history.length });
    expect(result.weights).toEqual(same.weights);
  });

  it('rejects with a clear message for bad input', async () => {
    const run = startTraining(irisRecipe(), loadIris(), { ...IRIS_COURSE_CONFIG, learningRate: -1 }, () => {});
    await expect(run.done).rejects.toThrow(/learning rate must be a positive number/);
  });

  it('gives a reusable client that falls back to this thread too', async () => {
    const client = createTrainingClient();
    const cfg = { ...IRIS_COURSE_CONFIG, epochs: 10 };
    const a = await client.startTraining(irisRecipe(), loadIris(), cfg, () => {}).done;
    const b = await client.startTraining(irisRecipe(), loadIris(), cfg, () => {}).done;
    expect(b.weights).toEqual(a.weights);
    expect(a.history).toHaveLength(10);
    client.dispose();
  });
});
