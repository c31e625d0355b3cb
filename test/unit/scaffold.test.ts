import { describe, expect, it } from 'vitest';
import { tf } from '../../src/models/tf';

describe('tfjs in node', () => {
  it('runs on the cpu backend', async () => {
    await tf.ready();
    expect(tf.getBackend()).toBe('cpu');
    expect(Array.from(tf.add(tf.tensor1d([1, 2]), 1).dataSync())).toEqual([2, 3]);
  });
});
