import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import NeuronDiagram from '../../src/viz/components/NeuronDiagram.svelte';
import { topK } from '../../src/viz/components/neuron-layout';
import { bigTrace, irisTrace } from './viz-trace-fixture';
import type { Trace, TraceStep } from '../../src/inspector/types';

const iris = ['setosa', 'versicolor', 'virginica'];
const features = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'];

describe('NeuronDiagram', () => {
  beforeEach(async () => {
    await page.viewport(1000, 800);
  });

  it('draws 4 + 8 + 3 nodes and 4*8 + 8*3 edges for an Iris-shaped trace', async () => {
    const screen = await render(NeuronDiagram, { trace: irisTrace(), inputLabels: features, outputLabels: iris });
    expect(screen.container.querySelectorAll('circle.node')).toHaveLength(15);
    expect(screen.container.querySelectorAll('line.edge')).toHaveLength(56);
    await expect.element(screen.getByText('values_0', { exact: true })).toBeVisible();
    await expect.element(screen.getByText('setosa', { exact: false }).first()).toBeVisible();
    await page.screenshot({ path: '__screenshots__/viz/neurons-iris.png', element: screen.container });
  });

  it('draws the hidden units that never fire dashed, and says how many', async () => {
    const screen = await render(NeuronDiagram, { trace: irisTrace(), deadUnits: { dense: [1, 6] } });
    const dead = screen.container.querySelectorAll('svg:not([aria-hidden]) circle.node.dead');
    expect(dead).toHaveLength(2);
    expect([...dead].map((c) => c.querySelector('title')?.textContent)).toEqual([
      expect.stringMatching(/^values_1\[1\] = .*never fires/),
      expect.stringMatching(/^values_1\[6\] = .*never fires/),
    ]);
    await expect.element(screen.getByText(/2 units never fire/)).toBeVisible();
  });

  it('without dead units, no marks and no note', async () => {
    const screen = await render(NeuronDiagram, { trace: irisTrace(), deadUnits: { dense: [] } });
    expect(screen.container.querySelectorAll('circle.node.dead')).toHaveLength(0);
    expect(screen.container.textContent).not.toMatch(/never fire/);
  });

  it('hovering an edge reports it and shows its weight', async () => {
    const onhover = vi.fn();
    const trace = irisTrace();
    const screen = await render(NeuronDiagram, { trace, onhover });
    const edge = screen.container.querySelector('line.edge[data-layer="dense"][data-from="2"][data-to="5"]')!;
    edge.dispatchEvent(new MouseEvent('mouseenter'));
    const w = trace.steps[0].params[0].values[2 * 8 + 5];
    expect(onhover).toHaveBeenLastCalledWith(expect.objectContaining({ layer: 'dense', from: 2, to: 5, weight: w }));
    await expect.element(screen.getByText(`dense: input 2 -> neuron 5, w = ${w.toPrecision(2).replace('-', '\u2212')}`)).toBeVisible();
  });

  it('the highlight prop emphasises one edge and dims the rest', async () => {
    const screen = await render(NeuronDiagram, { trace: irisTrace(), highlight: { layer: 'dense_1', from: 3, to: 1 } });
    const edges = [...screen.container.querySelectorAll<SVGLineElement>('line.edge')];
    const hi = edges.filter((e) => e.classList.contains('hi'));
    expect(hi).toHaveLength(1);
    expect(hi[0].dataset).toMatchObject({ layer: 'dense_1', from: '3', to: '1' });
    expect(Number(hi[0].getAttribute('stroke-opacity'))).toBe(1);
    for (const e of edges.filter((x) => x !== hi[0])) expect(Number(e.getAttribute('stroke-opacity'))).toBeLessThan(0.2);
    await expect.element(screen.getByText(/^dense_1: input 3 -> neuron 1, w = /)).toBeVisible();
    await page.screenshot({ path: '__screenshots__/viz/neurons-highlight.png', element: screen.container });
  });

  it('caps big layers at 64 drawn units and says so', async () => {
    const screen = await render(NeuronDiagram, { trace: bigTrace() });
    await expect.element(screen.getByText('showing 64 of 784')).toBeVisible();
    await expect.element(screen.getByText('showing 64 of 128')).toBeVisible();
    expect(screen.container.querySelectorAll('circle.node')).toHaveLength(64 + 64 + 10);
    // thousands of edges go to one canvas, not to SVG elements
    await expect.element(screen.getByRole('img', { name: /784 → 128 → 10 units, 4736 weights drawn/ })).toBeVisible();
    expect(screen.container.querySelectorAll('canvas')).toHaveLength(1);
    expect(screen.container.querySelectorAll('line.edge')).toHaveLength(0);
    await page.screenshot({ path: '__screenshots__/viz/neurons-big.png', element: screen.container });
    // hovering still finds the edge under the pointer: the middle of the topmost edge dense: 0 -> 0
    const svg = screen.container.querySelector('svg[role="img"]')!;
    const box = svg.getBoundingClientRect();
    const cols = [...screen.container.querySelectorAll('circle.node')].map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
    const [x1, y1] = cols[0];
    const [x2, y2] = cols[64];
    svg.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: box.left + (x1 + x2) / 2, clientY: box.top + (y1 + y2) / 2 }));
    await expect.element(screen.getByText(/^dense: input 0 -> neuron 0, w = /)).toBeVisible();
  });
});

describe('NeuronDiagram selectedStep', () => {
  it('emphasises the selected Dense layer\'s edges', async () => {
    const screen = await render(NeuronDiagram, { trace: irisTrace(), selectedStep: 1 });
    const edges = [...screen.container.querySelectorAll<SVGLineElement>('line.edge')];
    const op = (e: SVGLineElement) => Number(e.getAttribute('stroke-opacity'));
    const sel = edges.filter((e) => e.dataset.layer === 'dense_1');
    const rest = edges.filter((e) => e.dataset.layer === 'dense');
    expect(Math.min(...sel.map(op))).toBeGreaterThan(Math.max(...rest.map(op)));
    await expect.element(screen.getByText('values_2', { exact: true })).toHaveClass(/selected/);
    await expect.element(screen.getByText('layer_1 · dense_1 · softmax')).toHaveClass(/selected/);
    await page.screenshot({ path: '__screenshots__/viz/neurons-selected.png', element: screen.container });
  });
});

/** 28 x 28 picture -> Flatten -> Dense 128 relu -> Dense 10 softmax, with a "1" as input. */
function mnistTrace(): Trace {
  const f32 = (n: number, f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => f(i));
  const x = f32(784, (i) => (i % 28 >= 13 && i % 28 <= 14 && i >= 4 * 28 && i < 24 * 28 ? (i === 10 * 28 + 13 ? 1 : 0.2 + (0.8 * ((i * 13) % 7)) / 6) : 0));
  const dense = (index: number, name: string, input: Float32Array, nOut: number, act: string, k: (i: number) => number): TraceStep => {
    const nIn = input.length;
    const kernel = f32(nIn * nOut, k);
    const z = f32(nOut, (j) => input.reduce((s, v, i) => s + v * kernel[i * nOut + j], 0));
    const out = act === 'relu' ? z.map((v) => Math.max(0, v)) : z.map((v) => Math.exp(v)).map((v, _, a) => v / a.reduce((p, q) => p + q, 0));
    return {
      index, name, className: 'Dense', config: { units: nOut, activation: act }, paramCount: nIn * nOut,
      inputNames: ['x'], inputs: [{ shape: [1, nIn], values: input }],
      params: [{ name: 'kernel', shape: [nIn, nOut], values: kernel }],
      output: { shape: [1, nOut], values: out }, reference: null, maxAbsDiff: null,
    };
  };
  const flatten: TraceStep = {
    index: 0, name: 'flatten', className: 'Flatten', config: {}, paramCount: 0, inputNames: ['values_0'],
    inputs: [{ shape: [1, 28, 28], values: x }], params: [], output: { shape: [1, 784], values: x }, reference: null, maxAbsDiff: null,
  };
  const s1 = dense(1, 'dense', x, 128, 'relu', (i) => Math.sin(i * 0.37) * 0.1);
  const s2 = dense(2, 'dense_1', s1.output.values, 10, 'softmax', (i) => Math.cos(i * 0.7) * 0.3);
  return { raw: { shape: [1, 28, 28], values: x }, values: [{ shape: [1, 28, 28], values: x }, flatten.output, s1.output, s2.output], steps: [flatten, s1, s2], maxAbsDiff: 0 };
}

describe('NeuronDiagram at MNIST scale (28 x 28 -> 128 -> 10)', () => {
  beforeEach(async () => {
    await page.viewport(1000, 800);
  });

  it('draws the input as the picture, the 128 hidden units as a strip and only the strongest edges', async () => {
    const trace = mnistTrace();
    const screen = await render(NeuronDiagram, { trace, outputLabels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] });
    await expect.element(screen.getByText('28 × 28 picture, 784 units')).toBeVisible();
    await expect.element(screen.getByText('all 128 units')).toBeVisible();
    expect(screen.container.querySelectorAll('image.picture')).toHaveLength(1);
    expect(screen.container.querySelectorAll('rect.strip-cell')).toHaveLength(128);
    expect(screen.container.querySelectorAll('circle.node')).toHaveLength(10);
    // the strongest 80 edges per layer (STRONGEST_EDGES), drawn in SVG
    await expect.element(screen.getByText('strongest 80 of 100,352 weights')).toBeVisible();
    await expect.element(screen.getByText('strongest 80 of 1,280 weights')).toBeVisible();
    const edges = [...screen.container.querySelectorAll<SVGLineElement>('line.edge')];
    expect(edges).toHaveLength(160);
    // every first-layer edge starts at a pixel with ink (x != 0) and they are the largest |w * x|
    const x = trace.values[0].values;
    const k = trace.steps[1].params[0].values;
    const first = edges.filter((e) => e.dataset.layer === 'dense');
    for (const e of first) expect(x[Number(e.dataset.from)]).not.toBe(0);
    const strengths = Array.from(k, (w, i) => Math.abs(w * x[Math.floor(i / 128)])).sort((a, b) => b - a);
    const drawnMin = Math.min(...first.map((e) => Math.abs(k[Number(e.dataset.from) * 128 + Number(e.dataset.to)] * x[Number(e.dataset.from)])));
    expect(drawnMin).toBeGreaterThanOrEqual(strengths[199] - 1e-7);
    await page.screenshot({ path: '__screenshots__/viz/neurons-mnist.png', element: screen.container });
  });

  it('an edge starts at its pixel in the picture; hovering it names the pixel and x · w', async () => {
    const trace = mnistTrace();
    const onhover = vi.fn();
    const screen = await render(NeuronDiagram, { trace, onhover });
    const image = screen.container.querySelector('image.picture')!;
    const box = { x: Number(image.getAttribute('x')), y: Number(image.getAttribute('y')), side: Number(image.getAttribute('width')) };
    const edge = screen.container.querySelector<SVGLineElement>('line.edge[data-layer="dense"]')!;
    const from = Number(edge.dataset.from);
    expect(Number(edge.getAttribute('x1'))).toBeCloseTo(box.x + ((from % 28) + 0.5) * (box.side / 28), 5);
    expect(Number(edge.getAttribute('y1'))).toBeCloseTo(box.y + (Math.floor(from / 28) + 0.5) * (box.side / 28), 5);
    edge.dispatchEvent(new MouseEvent('mouseenter'));
    expect(onhover).toHaveBeenLastCalledWith(expect.objectContaining({ layer: 'dense', from, to: Number(edge.dataset.to) }));
    await expect.element(screen.getByText(new RegExp(`^dense: input ${from} -> neuron ${edge.dataset.to}, w = .*, x · w = .* \\(pixel \\(${Math.floor(from / 28)}, ${from % 28}\\)\\)$`))).toBeVisible();
  });

  it('pointing at the picture reads a pixel', async () => {
    const screen = await render(NeuronDiagram, { trace: mnistTrace() });
    const frame = screen.container.querySelector('rect.picture-frame')!;
    const r = frame.getBoundingClientRect();
    frame.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: r.left + (r.width * 13.5) / 28, clientY: r.top + (r.height * 10.5) / 28 }));
    await expect.element(screen.getByText('values_0 → values_1: pixel (10, 13) = 1.00')).toBeVisible();
  });

  it('inputImage: null keeps the sampled circles for a picture input', async () => {
    const screen = await render(NeuronDiagram, { trace: mnistTrace(), inputImage: null });
    expect(screen.container.querySelectorAll('image.picture')).toHaveLength(0);
    await expect.element(screen.getByText('showing 64 of 784')).toBeVisible();
  });
});

describe('topK (the strongest edges)', () => {
  it('returns the k largest positive values, largest first, ties by the lower index', () => {
    const v = [0, 3, -5, 7, 3, 1, 9, 0.5, 3];
    expect(topK(v, 4)).toEqual([6, 3, 1, 4]);
    expect(topK(v, 100)).toEqual([6, 3, 1, 4, 8, 5, 7]);
    expect(topK([0, 0, -1], 3)).toEqual([]);
    const big = Float64Array.from({ length: 100_352 }, (_, i) => ((i * 7919) % 100_003) / 100_003);
    const want = Array.from(big.keys()).sort((a, b) => big[b] - big[a] || a - b).slice(0, 200);
    expect(topK(big, 200)).toEqual(want);
  });
});

describe('NeuronDiagram at MNIST scale with a wide hidden layer', () => {
  it('a layer wider than the strip cap is sampled, and every edge ends at a drawn unit', async () => {
    const f32 = (n: number, f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => f(i));
    const x = f32(784, (i) => (i % 5 === 0 ? 0.5 : 0));
    const kernel = f32(784 * 1000, (i) => Math.sin(i * 0.37) * 0.1);
    const out = f32(1000, (j) => Math.max(0, Math.cos(j)));
    const trace: Trace = {
      raw: { shape: [1, 28, 28], values: x },
      values: [{ shape: [1, 28, 28], values: x }, { shape: [1, 1000], values: out }],
      steps: [{
        index: 0, name: 'wide', className: 'Dense', config: { activation: 'relu' }, paramCount: 784000, inputNames: ['values_0'],
        inputs: [{ shape: [1, 784], values: x }], params: [{ name: 'kernel', shape: [784, 1000], values: kernel }],
        output: { shape: [1, 1000], values: out }, reference: null, maxAbsDiff: null,
      }],
      maxAbsDiff: 0,
    };
    const screen = await render(NeuronDiagram, { trace });
    await expect.element(screen.getByText('showing 64 of 1000')).toBeVisible();
    expect(screen.container.querySelectorAll('rect.strip-cell')).toHaveLength(0);
    await expect.element(screen.getByText('strongest 80 of 50,176 weights')).toBeVisible(); // 784 pixels x 64 drawn units
    const drawn = new Set([...screen.container.querySelectorAll('circle.node')].map((c) => c.querySelector('title')!.textContent!.match(/\[(\d+)\]/)![1]));
    for (const e of screen.container.querySelectorAll<SVGLineElement>('line.edge')) expect(drawn.has(e.dataset.to!)).toBe(true);
  });
});
