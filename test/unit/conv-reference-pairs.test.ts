/**
 * The Conv reference computes two output positions x four filters at a time (src/inspector/layers/conv.ts):
 * every sum keeps tfjs' order, so on tfjs' cpu backend the two agree to the bit, for the pairs, an odd
 * last position, filters in fours and the rest, strides, 'same' padding, dilation and batch > 1.
 */
import { describe, expect, it } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import { createTracer } from '../../src/inspector/trace';

describe('the Conv2D reference, two positions at a time', () => {
  it.each([
    { filters: 6, kernelSize: 3, strides: 1, padding: 'valid', dilationRate: 1, width: 9 },
    { filters: 8, kernelSize: 3, strides: 2, padding: 'same', dilationRate: 1, width: 8 },
    { filters: 5, kernelSize: 2, strides: 1, padding: 'same', dilationRate: 2, width: 7 },
    { filters: 1, kernelSize: 3, strides: 1, padding: 'valid', dilationRate: 1, width: 4 },
  ])('equals tfjs cpu to the bit: %o', async ({ width, ...conv }) => {
    await tf.setBackend('cpu');
    const model = tfl.sequential({
      layers: [tfl.layers.conv2d({ ...conv, inputShape: [6, width, 3], activation: 'linear', biasInitializer: 'glorotUniform' } as never)],
    });
    const input = Array.from({ length: 6 * width * 3 }, (_, i) => Math.sin(i * 1.7) * 3);
    const trace = createTracer(model)(input);
    expect(trace.steps[0].reference).not.toBeNull();
    expect(trace.steps[0].maxAbsDiff).toBe(0);
    model.dispose();
  });
});
