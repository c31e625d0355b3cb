import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { userEvent } from 'vitest/browser';
import { tf, tfl, type LayersModel } from '../../src/models/tf';
import type { Tensor, Trace, TraceStep } from '../../src/inspector/types';
import ExportMenu from '../../src/viz/ExportMenu.svelte';
import { traceModel } from '../../src/inspector/trace';

/** The course's Iris shape: dense, activation (relu), dense_1, activation_1 (softmax). */
function irisModel(): LayersModel {
  return tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 8, inputShape: [4], name: 'dense', biasInitializer: 'randomNormal' }),
      tfl.layers.activation({ activation: 'relu', name: 'activation' }),
      tfl.layers.dense({ units: 3, name: 'dense_1', biasInitializer: 'randomNormal' }),
      tfl.layers.activation({ activation: 'softmax', name: 'activation_1' }),
    ],
  });
}

/** The test's own layer-by-layer run (independent of src/inspector/trace). */
function traceOf(model: LayersModel, input: number[], names?: string[]): Trace {
  const grab = (t: tf.Tensor): Tensor => ({ shape: t.shape.slice(), values: Float32Array.from(t.dataSync() as Float32Array) });
  const values: Tensor[] = [{ shape: [1, input.length], values: Float32Array.from(input) }];
  const steps: TraceStep[] = [];
  let x = tf.tensor(values[0].values, values[0].shape);
  model.layers.forEach((layer, index) => {
    const y = layer.apply(x) as tf.Tensor;
    const name = names?.[index] ?? layer.name;
    steps.push({
      index,
      name,
      className: layer.getClassName(),
      config: layer.getConfig() as Record<string, unknown>,
      paramCount: layer.countParams(),
      inputNames: [index === 0 ? 'values_0' : steps[index - 1].name],
      inputs: [values[index]],
      params: layer.weights.map((w) => ({ name: w.originalName.split('/').pop()!, ...grab(w.read()) })),
      output: grab(y),
      reference: null,
      maxAbsDiff: null,
    });
    values.push(grab(y));
    x = y;
  });
  return { raw: values[0], values, steps, maxAbsDiff: 0 };
}

interface Download {
  filename: string;
  blob: Blob;
}

let downloads: Download[] = [];
let blobs = new Map<string, Blob>();

beforeEach(() => {
  downloads = [];
  blobs = new Map();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((obj) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, obj as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  // Record the <a download> click instead of letting the browser download.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ filename: this.download, blob: blobs.get(this.href)! });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const model = irisModel();
const trace = traceOf(model, [5.1, 3.5, 1.4, 0.2]);
const props = { model, trace, classNames: ['setosa', 'versicolor', 'virginica'], modelTitle: 'Iris (course)' };

describe('ExportMenu', () => {
  it('asks for a run first when there is no trace', async () => {
    const screen = await render(ExportMenu, { model: null, trace: null, modelTitle: 'Iris' });
    await expect.element(screen.getByText(/Run the model on an input first/)).toBeVisible();
    expect(screen.container.querySelectorAll('button')).toHaveLength(0);
  });

  it('downloads the whole model as .npz and .json', async () => {
    const screen = await render(ExportMenu, props);
    await screen.getByRole('button', { name: 'Download .npz', exact: true }).click();
    // The whole-model exports' code loads on the first such click: the download follows.
    await expect.poll(() => downloads.map((d) => d.filename)).toEqual(['Iris (course)-weights.npz']);
    const zip = new Uint8Array(await downloads[0].blob.arrayBuffer());
    expect(String.fromCharCode(zip[0], zip[1])).toBe('PK');
    await expect.element(screen.getByRole('status')).toHaveTextContent('Downloaded Iris (course)-weights.npz');

    await screen.getByRole('button', { name: 'Download .json', exact: true }).click();
    await expect.poll(() => downloads[1]?.filename).toBe('Iris (course)-model.json');
    const doc = JSON.parse(await downloads[1].blob.text());
    expect(doc.inputShape).toEqual([4]);
    expect(doc.layers.map((l: { name: string }) => l.name)).toEqual(['dense', 'activation', 'dense_1', 'activation_1']);
    expect(Float32Array.from(doc.layers[0].weights[1].values)).toEqual(trace.steps[0].params[1].values);
  });

  it('downloads a kernel as CSV in the chosen style and a bias of another layer as .npy', async () => {
    const screen = await render(ExportMenu, props);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'CSV style' }), 'semicolon');
    await screen.getByRole('button', { name: 'Download kernel .csv' }).click();
    expect(downloads[0].filename).toBe('Iris (course)-dense-kernel-de.csv');
    const csv = await downloads[0].blob.text();
    const lines = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('dense/kernel;unit_0;unit_1;unit_2;unit_3;unit_4;unit_5;unit_6;unit_7');
    expect(lines).toHaveLength(4 + 2);
    const first = lines[1].split(';');
    expect(first[0]).toBe('input_0');
    expect(Math.fround(Number(first[1].replace(',', '.')))).toBe(trace.steps[0].params[0].values[0]);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Layer' }), 'dense_1 (Dense)');
    await screen.getByRole('button', { name: 'Download bias .npy' }).click();
    expect(downloads[1].filename).toBe('Iris (course)-dense_1-bias.npy');
    const npy = new Uint8Array(await downloads[1].blob.arrayBuffer());
    const headerLength = npy[8] | (npy[9] << 8);
    expect(Array.from(new Float32Array(npy.slice(10 + headerLength).buffer))).toEqual(Array.from(trace.steps[2].params[1].values));
  });

  it('copies a kernel as Markdown and LaTeX and confirms it', async () => {
    const writeText = vi.fn(async (text: string) => void text);
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(writeText);
    const screen = await render(ExportMenu, props);
    await screen.getByRole('button', { name: 'Copy kernel as Markdown' }).click();
    await expect.element(screen.getByRole('status')).toHaveTextContent('Copied dense/kernel as Markdown');
    expect(writeText.mock.calls[0][0]).toMatch(/^\| dense\/kernel \| unit\\_0 \|/);
    await screen.getByRole('button', { name: 'Copy bias as LaTeX' }).click();
    await expect.element(screen.getByRole('status')).toHaveTextContent('Copied dense/bias as LaTeX');
    expect(writeText.mock.calls[1][0]).toMatch(/^\\begin\{tabular\}/);
  });

  it('says so when the clipboard is unavailable and shows the text to copy by hand', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    const screen = await render(ExportMenu, props);
    await screen.getByRole('button', { name: 'Copy kernel as LaTeX' }).click();
    await expect.element(screen.getByRole('status')).toHaveTextContent(/clipboard is not available/);
    const box = screen.getByRole('textbox', { name: 'dense/kernel as LaTeX' });
    await expect.element(box).toBeVisible();
    expect((box.element() as HTMLTextAreaElement).value).toMatch(/^\\begin\{tabular\}\{lrrrrrrrr\}/);
  });

  it('downloads the trace as JSON and CSV and the Python script', async () => {
    const screen = await render(ExportMenu, props);
    await screen.getByRole('button', { name: 'Download trace .json' }).click();
    await screen.getByRole('button', { name: 'Download trace .csv' }).click();
    await screen.getByRole('button', { name: 'Reproduce in Python (.py)' }).click();
    await expect.poll(() => downloads.map((d) => d.filename)).toEqual(['Iris (course)-trace.json', 'Iris (course)-trace-en.csv', 'Iris (course)-reproduce.py']);
    const doc = JSON.parse(await downloads[0].blob.text());
    expect(doc.values.map((v: { name: string }) => v.name)).toEqual(['values_0', 'values_1', 'values_2', 'values_3', 'values_4']);
    const csv = new Uint8Array(await downloads[1].blob.arrayBuffer());
    expect(Array.from(csv.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    expect((await downloads[1].blob.text()).split('\r\n')[0]).toBe('step,values,layer,index,value');
    expect(await downloads[2].blob.text()).toContain('print(f"values_{i + 1}:", values)');
  });

  it('downloads the TensorFlow.js files', async () => {
    const screen = await render(ExportMenu, props);
    await screen.getByRole('button', { name: 'Download TensorFlow.js model' }).click();
    await expect.element(screen.getByRole('status')).toHaveTextContent(/keep them in one folder/);
    expect(downloads.map((d) => d.filename)).toEqual(['Iris (course).json', 'Iris (course).weights.bin']);
    const json = JSON.parse(await downloads[0].blob.text());
    expect(json.weightsManifest[0].paths).toEqual(['./Iris (course).weights.bin']);
    expect(downloads[1].blob.size).toBe((4 * 8 + 8 + 8 * 3 + 3) * 4);
  });

  it('disables the TensorFlow.js download without a model and says why', async () => {
    const none = await render(ExportMenu, { ...props, model: null });
    await expect.element(none.getByText('The TensorFlow.js files need a loaded model.')).toBeVisible();
    await expect.element(none.getByRole('button', { name: 'Download TensorFlow.js model' })).toBeDisabled();
  });

  it('renders hostile names as text and makes safe file names', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const hostile = traceOf(model, [5.1, 3.5, 1.4, 0.2], [evil, 'a"b', '../evil', '=cmd']);
    const screen = await render(ExportMenu, { ...props, trace: hostile, modelTitle: '../../etc/passwd' });
    expect(screen.container.querySelector('img')).toBeNull();
    await expect.element(screen.getByRole('option', { name: `${evil} (Dense)` })).toBeInTheDocument();
    await screen.getByRole('button', { name: 'Download kernel .csv' }).click();
    expect(downloads[0].filename).toBe('_etc_passwd-_img src=x onerror=alert(1)_-kernel-en.csv');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Layer' }), '../evil (Dense)');
    await screen.getByRole('button', { name: 'Download kernel .csv' }).click();
    expect(downloads[1].filename).toBe('_etc_passwd-_evil-kernel-en.csv');
  });
});

describe('ExportMenu follows the layer on screen', () => {
  it('offers the weights of the focused layer, and the user can still pick another', async () => {
    const model = tfl.sequential({
      layers: [tfl.layers.dense({ units: 3, inputShape: [2], name: 'first' }), tfl.layers.dense({ units: 2, name: 'second' })],
    });
    const trace = traceModel(model, [1, 2]);
    const screen = await render(ExportMenu, { model, trace, modelTitle: 'm', focusLayer: 'second' });
    const select = screen.getByLabelText('Layer');
    await expect.element(select).toHaveDisplayValue(/second/);
    await screen.rerender({ model, trace, modelTitle: 'm', focusLayer: 'first' });
    await expect.element(select).toHaveDisplayValue(/first/);
  });
});
