/**
 * The course's Iris flow, end to end in headless Chromium on the production build:
 * train, step through all four layers, try a flower typed the German way, and a bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './browser';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  ({ page, errors } = await openApp(browser));
});
afterAll(async () => {
  await browser?.close();
});

const stepHeading = () => page.locator('#step-heading');
const probabilities = () => page.getByLabel('Class probabilities').innerText();
async function predicted(): Promise<string | null> {
  return /Prediction:\s*(\w+)/.exec(await probabilities())?.[1] ?? null;
}

describe('Iris end to end', () => {
  it('trains the course model in the browser with live curves', async () => {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('[data-training="idle"]').waitFor({ timeout: 60_000 });
    await expect(page.getByText('epoch 300/300').first().isVisible()).resolves.toBe(true);
    const curves = await page.locator('svg').filter({ hasText: 'epoch' }).count();
    expect(curves).toBeGreaterThan(0);
    await expect(page.getByText(/val_loss/).first().isVisible()).resolves.toBe(true);
    // The course's pitfall, made visible: the validation rows are all virginica.
    await expect(page.getByText(/all virginica/).first().isVisible()).resolves.toBe(true);
    // The training engine is named.
    await expect(page.getByText(/Training: /).first().textContent()).resolves.toMatch(/engine|tfjs/);
  });

  it('steps through all four layers with the arithmetic and the reference check', async () => {
    await page.locator('h1').click(); // focus off any field, so arrow keys step
    await page.keyboard.press('Home');
    await expect(stepHeading().textContent()).resolves.toContain('values_0');
    const expected = [
      { heading: 'layer_0 · Dense', text: 'values_1 = values_0 @ kernel + bias' },
      { heading: 'layer_1 · Activation', text: 'max' },
      { heading: 'layer_2 · Dense', text: 'values_3 = values_2 @ kernel + bias' },
      { heading: 'layer_3 · Activation', text: 'exp' },
    ];
    for (const { heading, text } of expected) {
      await page.keyboard.press('ArrowRight');
      await expect(stepHeading().textContent()).resolves.toContain(heading);
      const body = await page.locator('article.step').innerText();
      expect(body).toContain(text);
      expect(body).toMatch(/max \|tfjs − reference\| = [0-9.e−-]+ OK/);
      expect(body).not.toMatch(/NaN/);
    }
    // Clicking a layer selects it too.
    await page.getByRole('button', { name: /layer_0 · Dense/ }).click();
    await expect(stepHeading().textContent()).resolves.toContain('layer_0 · Dense');
    const check = await page.getByTestId('trace-check').textContent();
    expect(check).toContain('✓');
  });

  it('hovering a kernel weight highlights its edge in the neuron diagram', async () => {
    await page.getByRole('button', { name: /layer_0 · Dense/ }).click();
    const cell = page.locator('[aria-label^="dense.kernel[2][5]"]');
    const label = (await cell.getAttribute('aria-label'))!;
    const weight = /= (.+)$/.exec(label)![1];
    await cell.hover();
    const diagram = page.locator('figure.neurons');
    const shown = /dense: input 2 -> neuron 5, w = (\S+)/.exec(await diagram.innerText());
    expect(shown).not.toBeNull();
    const num = (t: string) => Number(t.replace('−', '-'));
    expect(Math.abs(num(shown![1]) - num(weight))).toBeLessThan(0.01);
    await page.locator('h1').hover();
    await expect(diagram.innerText()).resolves.not.toContain('input 2 -> neuron 5');
  });

  it('and the reverse: pointing at an edge highlights its kernel cell', async () => {
    const cell = page.locator('[aria-label^="dense.kernel[1][6]"]');
    await expect(cell.getAttribute('class')).resolves.not.toMatch(/hi-cell/);
    await page.locator('line.edge[data-layer="dense"][data-from="1"][data-to="6"]').dispatchEvent('mouseenter');
    await expect(cell.getAttribute('class')).resolves.toMatch(/hi-cell/);
  });

  it('predicts setosa for "5,3 3,4 1,9 0,6" typed with decimal commas', async () => {
    await page.getByLabel('Paste a row').fill('5,3 3,4 1,9 0,6');
    await page.getByRole('button', { name: 'Use row' }).click();
    await expect(page.getByLabel('sepal length (cm)', { exact: true }).inputValue()).resolves.toMatch(/^5[.,]3$/);
    await expect(predicted()).resolves.toBe('setosa');
  });

  it('a field typed as "6,5" counts as 6.5 and changes the prediction at once', async () => {
    const field = page.getByLabel('petal length (cm)', { exact: true });
    await field.fill('5,0');
    await page.getByLabel('petal width (cm)', { exact: true }).fill('1,7');
    await page.getByLabel('sepal length (cm)', { exact: true }).fill('6,5');
    await page.getByLabel('sepal width (cm)', { exact: true }).fill('3,1');
    await expect(predicted()).resolves.toMatch(/^(versicolor|virginica)$/);
  });

  it('a bad value gets a message at its field, and the last prediction stays, marked stale', async () => {
    const field = page.getByLabel('sepal length (cm)', { exact: true });
    const before = await predicted();
    expect(before).toBeTruthy();
    await field.fill('abc');
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = await field.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const message = await page.locator(`[id="${describedBy!.split(' ')[0]}"]`).innerText();
    expect(message.length).toBeGreaterThan(5);
    await expect(probabilities()).resolves.toContain('stale');
    await expect(predicted()).resolves.toBe(before);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\bNaN\b/);
    await field.fill('6,5');
    await expect(probabilities()).resolves.not.toContain('stale');
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('a run that did not learn well', () => {
  it('is explained, and one click retrains it on a new seed', async () => {
    const b = await launch();
    try {
      const { page: p, errors: errs } = await openApp(b, '#seed=118&trained=1');
      const callout = p.getByRole('alert').filter({ hasText: /did not learn well|got stuck/ });
      await callout.waitFor({ timeout: 60_000 });
      await expect(callout.innerText()).resolves.toMatch(/classified correctly|predicted as/);
      await p.getByRole('button', { name: 'Retrain with a new seed' }).click();
      await p.waitForFunction(() => !/seed=118/.test(location.hash) && /trained=1/.test(location.hash), null, { timeout: 60_000 });
      await p.locator('[data-training="idle"]').waitFor();
      await expect(p.getByRole('alert').filter({ hasText: /did not learn well|got stuck/ }).count()).resolves.toBe(0);
      expect(errs).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

describe('a stuck run', () => {
  it('says in plain words that one class is predicted and hidden units never fire', async () => {
    const b = await launch();
    try {
      // With 3 hidden units, seed 13 ends predicting setosa for every flower.
      const { page: p, errors: errs } = await openApp(b, '#hidden=3&seed=13&trained=1');
      const callout = p.getByRole('alert').filter({ hasText: 'This run got stuck' });
      await callout.waitFor({ timeout: 60_000 });
      const text = await callout.innerText();
      expect(text).toMatch(/All 150 flowers are predicted as setosa/);
      expect(text).toMatch(/never fire/);
      await expect(p.getByRole('button', { name: 'Retrain with a new seed' }).isEnabled()).resolves.toBe(true);
      expect(errs).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

describe('stopping a long run', () => {
  it('keeps the weights reached so far and says so', async () => {
    const b = await launch();
    try {
      const { page: p, errors: errs } = await openApp(b);
      await p.locator('#step-heading').waitFor();
      // Long enough to press Stop in the middle: 10,000 epochs of a wider net.
      await p.locator('section[aria-labelledby="train-heading"]').getByLabel('Epochs').fill('10000');
      await p.getByLabel('Hidden units').fill('64');
      await p.getByRole('button', { name: 'Train', exact: true }).click();
      await p.locator('[data-training="running"]').waitFor();
      await p.waitForFunction(() => /epoch [1-9]\d*\/10000/.test(document.body.innerText));
      await p.getByRole('button', { name: 'Stop', exact: true }).click();
      await p.locator('[data-training="idle"]').waitFor();
      const note = await p.getByText(/^Stopped after epoch \d+/).innerText();
      const epoch = Number(/epoch (\d+)/.exec(note)![1]);
      expect(epoch).toBeGreaterThan(0);
      expect(epoch).toBeLessThan(10000);
      // The stopped model is the one on screen: trained (its diagnosis is shown), not the initial weights.
      await expect(p.getByText(/classified correctly|predicted as/).first().isVisible()).resolves.toBe(true);
      expect(errs).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
