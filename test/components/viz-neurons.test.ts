import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import NeuronDiagram from '../../src/viz/components/NeuronDiagram.svelte';
import { bigTrace, irisTrace } from './viz-trace-fixture';

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
    await expect.element(screen.getByText(`dense: input 2 -> neuron 5, w = ${w.toPrecision(2)}`)).toBeVisible();
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
