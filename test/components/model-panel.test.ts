import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import ModelPanel from '../../src/viz/model/ModelPanel.svelte';
import { kerasView } from '../../src/viz/state/keras-view';
import { buildModel } from '../../src/models/recipes';
import { COURSES } from '../../src/models/courses';

const mnist = COURSES.find((c) => c.id === 'mnist')!;

/** The panel's content for the course's MNIST Sequential, trained with 4 epochs at lr 0.01, seed 9. */
function mnistView() {
  const settings = { epochs: 4, learningRate: 0.01, hiddenUnits: 128, seed: 9 };
  const model = buildModel(mnist.recipes[0].build(128, mnist.fit));
  const info = { title: 'MNIST', featureNames: [], classNames: null, scaler: null, featureRanges: null };
  const view = kerasView({ model, info }, { kind: 'course', trained: true, settings, recipe: 'sequential' }, mnist)!;
  model.dispose();
  return view;
}

describe('ModelPanel', () => {
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  beforeEach(async () => {
    await page.viewport(900, 900);
  });
  afterEach(() => {
    if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    vi.restoreAllMocks();
  });

  it('shows model.summary() unwrapped in monospace, the totals, and the Keras code with the trained settings', async () => {
    const view = mnistView();
    const screen = await render(ModelPanel, { view });
    const summary = screen.getByTestId('model-summary');
    await expect.element(summary).toHaveTextContent('dense_1 (Dense)');
    const pre = summary.element() as HTMLPreElement;
    expect(pre.textContent).toBe(view.summaryText);
    expect(pre.textContent).toContain(' Total params: 101,770 (397.54 KB)');
    const style = getComputedStyle(pre);
    expect(style.whiteSpace).toBe('pre');
    expect(style.fontFamily).toMatch(/mono/i);
    expect(['auto', 'scroll']).toContain(style.overflowX);
    // One line per line of the text: the table's rows are never wrapped.
    const lineHeight = parseFloat(style.lineHeight);
    expect(pre.scrollHeight).toBeLessThan((view.summaryText.split('\n').length + 1) * lineHeight + 20);
    await expect.element(screen.getByTestId('summary-totals')).toHaveTextContent('101,770 parameters: 101,770 trainable, 0 non-trainable.');
    const code = screen.getByTestId('keras-code');
    await expect.element(code).toHaveTextContent('keras.utils.set_random_seed(9)');
    expect(code.element().textContent).toContain('model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"])');
    expect(code.element().textContent).toContain('history = model.fit(x_train, y_train, epochs=4, validation_split=0.1)');
    await page.screenshot({ path: '__screenshots__/model/model-panel.png', element: screen.container });
  });

  it('Copy puts the summary on the clipboard and says so; it works from the keyboard', async () => {
    const view = mnistView();
    const writes: string[] = [];
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      configurable: true,
      get: () => ({ writeText: async (t: string) => void writes.push(t) }),
    });
    const screen = await render(ModelPanel, { view });
    const button = screen.getByRole('button', { name: 'Copy: model.summary() as Keras prints it' });
    (button.element() as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => writes).toEqual([view.summaryText]);
    await expect.element(screen.getByText('Copied')).toBeVisible();
    await screen.getByRole('button', { name: 'Copy: Keras code that builds this model' }).click();
    await expect.poll(() => writes.length).toBe(2);
    expect(writes[1]).toBe(view.code);
  });

  it('falls back to the copy command when the Clipboard API is missing or refuses', async () => {
    const view = mnistView();
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      configurable: true,
      get: () => ({ writeText: () => Promise.reject(new Error('NotAllowedError')) }),
    });
    const copied: string[] = [];
    const exec = vi.spyOn(document, 'execCommand').mockImplementation((cmd: string) => {
      const el = document.activeElement as HTMLTextAreaElement | null;
      if (cmd === 'copy' && el?.tagName === 'TEXTAREA') copied.push(el.value.slice(el.selectionStart, el.selectionEnd));
      return true;
    });
    const screen = await render(ModelPanel, { view });
    await screen.getByRole('button', { name: 'Copy: Keras code that builds this model' }).click();
    await expect.element(screen.getByText('Copied')).toBeVisible();
    expect(exec).toHaveBeenCalledWith('copy');
    expect(copied).toEqual([view.code]);
    // No textarea is left behind.
    expect(document.querySelectorAll('textarea')).toHaveLength(0);
  });

  it('says so when nothing could copy, and selects the text for Ctrl+C', async () => {
    const view = mnistView();
    Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
    vi.spyOn(document, 'execCommand').mockReturnValue(false);
    const screen = await render(ModelPanel, { view });
    await screen.getByRole('button', { name: 'Copy: model.summary() as Keras prints it' }).click();
    await expect.element(screen.getByText(/Could not copy/)).toBeVisible();
    expect(getSelection()?.toString()).toBe(view.summaryText);
  });

  it('says what to do when there is no model yet', async () => {
    const screen = await render(ModelPanel, { view: null });
    await expect.element(screen.getByText(/No model yet/)).toBeVisible();
  });
});
