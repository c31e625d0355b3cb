/**
 * The MNIST-scale views on a real trace: the course's model (Rescaling, Flatten, Dense 128 relu,
 * Dense 10 softmax) traced by tfjs on a real MNIST test digit.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import { MNIST_TEST_0 } from './mnist-test-digit';
import { tfl } from '../../src/models/tf';
import { traceModel } from '../../src/inspector/trace';
import NeuronDiagram from '../../src/viz/components/NeuronDiagram.svelte';
import DenseArithmetic from '../../src/viz/arithmetic/DenseArithmetic.svelte';
import KernelUnitImage from '../../src/viz/image/KernelUnitImage.svelte';
import ImageTensor from '../../src/viz/image/ImageTensor.svelte';
import { densePictureShape, inputPictureShape } from '../../src/viz/image/picture-shape';

const model = tfl.sequential({
  layers: [
    tfl.layers.rescaling({ scale: 1 / 255, inputShape: [28, 28], name: 'rescaling' }),
    tfl.layers.flatten({ name: 'flatten' }),
    tfl.layers.dense({ units: 128, activation: 'relu', name: 'dense', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }),
    tfl.layers.dense({ units: 10, activation: 'softmax', name: 'dense_1', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
  ],
});
afterAll(() => model.dispose());

describe('MNIST-scale views on a real trace', () => {
  beforeEach(async () => {
    await page.viewport(1100, 900);
  });

  it('the diagram draws the real digit, the arithmetic lists the largest terms, the kernel reads as pictures', async () => {
    const x = Float32Array.from(MNIST_TEST_0); // a 7
    const trace = traceModel(model, x);
    expect(inputPictureShape(trace)).toEqual([28, 28]);
    const dense = trace.steps.find((s) => s.name === 'dense')!;
    expect(densePictureShape(trace, dense)).toEqual([28, 28]);
    expect(densePictureShape(trace, trace.steps.find((s) => s.name === 'dense_1')!)).toBeNull();

    const diagram = await render(NeuronDiagram, { trace, selectedStep: dense.index });
    await expect.element(diagram.getByText('28 × 28 picture, 784 units')).toBeVisible();
    await expect.element(diagram.getByText('all 128 units')).toBeVisible();
    await expect.element(diagram.getByText('strongest 80 of 100,352 weights')).toBeVisible();
    // every drawn edge of the first Dense starts at a pixel with ink
    const froms = [...diagram.container.querySelectorAll<SVGLineElement>('line.edge[data-layer="dense"]')].map((e) => Number(e.dataset.from));
    expect(froms.length).toBe(80);
    for (const j of froms) expect(x[j]).toBeGreaterThan(0);
    await page.screenshot({ path: '__screenshots__/image/mnist-diagram.png', element: diagram.container });
    diagram.unmount();

    const arithmetic = await render(DenseArithmetic, { step: dense, neuron: 3, inputImage: [28, 28] });
    await expect.element(arithmetic.getByText(/^✓ The sum agrees with tfjs to \|d\| = /)).toBeVisible();
    const ink = Array.from(x).filter((v) => v > 0).length;
    await expect.element(arithmetic.getByText(`the other 772 terms (${784 - ink} of them 0 because x = 0) sum to`)).toBeVisible();
    await page.screenshot({ path: '__screenshots__/image/mnist-arithmetic.png', element: arithmetic.container });
    arithmetic.unmount();

    const kernel = dense.params.find((p) => p.name.endsWith('kernel'))!;
    const unit = await render(KernelUnitImage, { kernel, imageShape: [28, 28], layer: 'dense', unit: 3 });
    await expect.element(unit.getByText(/kernel\[:, 3\] of dense as 28 × 28/)).toBeVisible();
    const input = await render(ImageTensor, { values: trace.values[0].values, height: 28, width: 28, label: 'values_0', shape: trace.values[0].shape });
    await expect.element(input.getByText('values_0, shape (1, 28, 28)')).toBeVisible();
    await page.screenshot({ path: '__screenshots__/image/mnist-kernel-input.png' });
  });
});
