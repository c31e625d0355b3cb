/**
 * The course's Iris journey in German, end to end in headless Chromium on the production build:
 * the app opens in German (from `?lang=de`, and from a German browser without it), trains Iris
 * ("Trainieren"), takes a flower typed with decimal commas, shows the German prediction with
 * decimal-comma probabilities, steps through the layers in German; the header switch turns it all
 * into English (the URL says lang=en, the model, input and step stay) and a reload stays English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launch, openApp } from './browser';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  ({ page, errors } = await openApp(browser, '?lang=de'));
  await page.locator('#step-heading').waitFor({ timeout: 60_000 });
});
afterAll(async () => {
  await browser?.close();
});

const stepHeading = () => page.locator('#step-heading');
const trainForm = () => page.getByRole('form', { name: 'Training', exact: true });
/** The probability bars' text, in the language on screen. */
const bars = (name: string) => page.getByLabel(name, { exact: true }).innerText();
/** Words that give away English on a German page (code and Keras' names aside). */
const ENGLISH = /\b(the|and|with|layer|layers|input|output|weights|train the|step through|try a|prediction)\b/i;

describe('Iris in German, end to end', () => {
  it('opens in German: the page, its language attribute and every section heading', async () => {
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('de');
    await expect(page.locator('#train-heading').innerText()).resolves.toBe('1 · Das Kursmodell trainieren');
    await expect(page.locator('#input-heading').innerText()).resolves.toMatch(/^2 · \S+ ausprobieren$/);
    await expect(page.locator('#inspect-heading').innerText()).resolves.toBe('3 · Schritt für Schritt durch das Netz');
    await expect(page.locator('#export-heading').innerText()).resolves.toBe('4 · Zum Mitnehmen');
    await expect(page.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByText(/zufälligen Anfangsgewichte \(Seed \d+\)/).first().isVisible()).resolves.toBe(true);
  });

  it('trains the course model with the German fields and the button "Trainieren"', async () => {
    const form = trainForm();
    await expect(form.getByLabel('Epochen', { exact: true }).inputValue()).resolves.toBe('300');
    await expect(form.getByLabel('Lernrate', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(form.getByLabel('Seed', { exact: true }).isVisible()).resolves.toBe(true);
    await form.getByRole('button', { name: 'Trainieren', exact: true }).click();
    await page.locator('[data-training="idle"]').waitFor({ timeout: 60_000 });
    await expect(page.getByText('Epoche 300/300').first().isVisible()).resolves.toBe(true);
    // The diagnosis and the course's pitfall, in German with a decimal comma.
    await expect(page.getByText(/von 150 Blüten \(\d+,\d %\)/).first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('note').filter({ hasText: 'Womit validiert wird' }).innerText()).resolves.toMatch(/alle virginica/);
    await expect(page.locator('header.top').innerText()).resolves.toMatch(/Training: .*Engine/);
  });

  it('takes a flower typed with decimal commas and predicts it in German, with decimal-comma probabilities', async () => {
    await page.getByLabel('Zeile einfügen', { exact: true }).fill('5,1 3,5 1,4 0,2');
    await page.getByRole('button', { name: 'Zeile übernehmen', exact: true }).click();
    const sepal = page.locator('.input-form input[type="text"]').first();
    await expect(sepal.inputValue()).resolves.toBe('5,1');
    // A single field typed the German way counts too.
    await sepal.fill('5,0');
    const text = await bars('Wahrscheinlichkeiten der Klassen');
    expect(text).toMatch(/Vorhersage:\s*setosa/);
    expect(text).toMatch(/setosa\s+\d{1,3},\d %/);
    expect(text).not.toMatch(/\d\.\d %/);
  });

  it('steps through every layer in German, with the arithmetic in German and decimal commas', async () => {
    await page.locator('h1').click(); // focus off any field, so arrow keys step
    await page.keyboard.press('Home');
    await expect(stepHeading().innerText()).resolves.toBe('values_0 · die Eingabe');
    const stepper = page.getByRole('navigation', { name: 'Schichten' });
    await expect(stepper.getByRole('button').count()).resolves.toBe(5);
    const expected = [
      { heading: 'layer_0 · Dense', text: 'values_1 = values_0 @ kernel + bias', words: ['Formel:', 'Dense-Schicht'] },
      { heading: 'layer_1 · Activation', text: 'max', words: ['Activation-Schicht'] },
      { heading: 'layer_2 · Dense', text: 'values_3 = values_2 @ kernel + bias', words: ['Formel:', 'Dense-Schicht'] },
      { heading: 'layer_3 · Activation', text: 'exp', words: ['Activation-Schicht', 'Summe'] },
    ];
    for (const { heading, text, words } of expected) {
      await page.keyboard.press('ArrowRight');
      await expect(stepHeading().innerText()).resolves.toContain(heading);
      const body = await page.locator('article.step').innerText();
      expect(body).toContain(text);
      for (const w of words) expect(body, heading).toContain(w);
      expect(body).toContain('Ausgabeform');
      expect(body).toMatch(/max \|tfjs − Referenz\| = [0-9,e−]+ OK/);
      expect(body).toMatch(/\d,\d/);
      expect(body).not.toMatch(/NaN/);
      expect(body.replace(/values_\d|use_bias|\bkernel\b|\bbias\b|Dense|Activation|softmax|relu|tfjs|OK/g, ''), heading).not.toMatch(ENGLISH);
    }
    const check = await page.getByTestId('trace-check').innerText();
    expect(check).toMatch(/^Jede Schicht in reinem TypeScript nachgerechnet: größte Abweichung von tfjs \d+,\d+(e−\d+)? \(innerhalb .*✓\)/);
  });

  it('switches to English in the header: every section follows, the URL says lang=en, model, input and step stay', async () => {
    const step = await stepHeading().innerText();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect(page.locator('#inspect-heading').innerText()).resolves.toBe('3 · Step through the network');
    await expect(page.locator('#train-heading').innerText()).resolves.toBe('1 · Train the course model');
    await expect(page.locator('#input-heading').innerText()).resolves.toBe('2 · Try a flower');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    // The same step, now in English (the softmax layer).
    await expect(stepHeading().innerText()).resolves.toBe(step);
    const body = await page.locator('article.step').innerText();
    expect(body).toMatch(/max \|tfjs − reference\| = [0-9.e−]+ OK/);
    expect(body).not.toMatch(/Formel|Schicht|Summe/);
    // The trained model and what was typed stay; the prediction reads English now.
    await expect(page.getByText('epoch 300/300').first().isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('sepal length (cm)', { exact: true }).inputValue()).resolves.toBe('5,0');
    await expect(page.getByText(/of 150 flowers \(\d+\.\d ?%\)/).first().isVisible()).resolves.toBe(true);
    const text = await bars('Class probabilities');
    expect(text).toMatch(/Prediction:\s*setosa/);
    expect(text).toMatch(/setosa\s+\d{1,3}\.\d %/);
    await expect(page.getByTestId('trace-check').innerText()).resolves.toMatch(/^Every layer recomputed in plain TypeScript/);
    await expect(page.getByRole('note').filter({ hasText: 'What validates' }).innerText()).resolves.toMatch(/all virginica/);
  });

  it('a reload stays in English', async () => {
    await page.waitForTimeout(500); // the share hash is written debounced
    await page.reload();
    await page.locator('#step-heading').waitFor({ timeout: 60_000 });
    await expect(page.locator('#inspect-heading').innerText()).resolves.toBe('3 · Step through the network');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await expect(page.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('a German browser', () => {
  it('without ?lang starts in German', async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1400, height: 1000 } });
    try {
      const p = await context.newPage();
      const errs: string[] = [];
      p.on('pageerror', (e) => errs.push(String(e)));
      await p.goto(inject('baseUrl'));
      await p.locator('#step-heading').waitFor({ timeout: 60_000 });
      await expect(p.evaluate(() => navigator.language)).resolves.toBe('de-DE');
      await expect(p.locator('#inspect-heading').innerText()).resolves.toBe('3 · Schritt für Schritt durch das Netz');
      await expect(p.getByRole('form', { name: 'Training', exact: true }).getByRole('button', { name: 'Trainieren', exact: true }).isVisible()).resolves.toBe(true);
      await expect(p.evaluate(() => document.documentElement.lang)).resolves.toBe('de');
      expect(errs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('and an English one starts in English', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      const p = await context.newPage();
      await p.goto(inject('baseUrl'));
      await p.locator('#step-heading').waitFor({ timeout: 60_000 });
      await expect(p.locator('#inspect-heading').innerText()).resolves.toBe('3 · Step through the network');
    } finally {
      await context.close();
    }
  });
});
