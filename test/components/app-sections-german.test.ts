/**
 * The app's sections in German: the Iris course's input section and the step-through section say
 * it in German and write numbers with a decimal comma; a switch of language at run time redraws
 * them and keeps what the user typed, the model and the step.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { userEvent } from 'vitest/browser';
import { setLanguage } from '../../src/i18n/language';
// Installs the reactive language source, as the app does: a switch redraws what is on screen.
import '../../src/viz/state/language.svelte';
import { AppState } from '../../src/viz/state/app.svelte';
import InputSection from '../../src/viz/sections/InputSection.svelte';
import InspectSection from '../../src/viz/sections/InspectSection.svelte';
import LayerSummary from '../../src/viz/sections/LayerSummary.svelte';
import type { TraceStep } from '../../src/inspector/types';

afterEach(() => setLanguage('en'));

async function irisApp(): Promise<AppState> {
  const app = new AppState();
  await app.init(null);
  return app;
}

describe('the sections in German', () => {
  it('the input section: German heading and controls, the fields with a decimal comma', async () => {
    setLanguage('de');
    const app = await irisApp();
    const screen = await render(InputSection, { app });
    await expect.element(screen.getByRole('heading', { level: 2 })).toHaveTextContent(/^2 · \S+ ausprobieren$/);
    await expect.element(screen.getByLabelText('Zeile einfügen')).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Zeile übernehmen' })).toBeVisible();
    await expect.element(screen.getByRole('group', { name: 'Vorgaben' })).toBeVisible();
    // The course's first flower, 5.3 3.4 1.9 0.6, written the German way.
    const fields = screen.container.querySelectorAll<HTMLInputElement>('.field input[type="text"]');
    expect(fields.length).toBe(4);
    expect(Array.from(fields, (f) => f.value)).toEqual(['5,3', '3,4', '1,9', '0,6']);
    const sliders = screen.container.querySelectorAll('input[type="range"]');
    expect(Array.from(sliders, (s) => s.getAttribute('aria-label')?.endsWith(' (Schieberegler)'))).toEqual([true, true, true, true]);
    // The data's range beside each field: "4,3 – 7,9" for the sepal length.
    expect(screen.container.querySelector('.range')?.textContent).toBe('4,3 – 7,9');
  });

  it('the step-through section: German heading, check line and layer card, the difference with a decimal comma', async () => {
    setLanguage('de');
    const app = await irisApp();
    const screen = await render(InspectSection, { app });
    await expect.element(screen.getByRole('heading', { level: 2 })).toHaveTextContent('3 · Schritt für Schritt durch das Netz');
    const check = screen.getByTestId('trace-check');
    await expect.element(check).toHaveTextContent(/Jede Schicht in reinem TypeScript nachgerechnet: größte Abweichung von tfjs \d+,\d+(e−\d+)? \(innerhalb 1e−5 × max\(1, \|Wert\|\) ✓\)/);
    await expect.element(check).not.toHaveTextContent(/every|layer|recomputed/i);
    const card = screen.container.querySelector('header.summary')!;
    expect(card.textContent).toMatch(/Parameter\s*40/); // 4 x 8 + 8 for the course's Dense(8)
    expect(card.textContent).toContain('Ausgabeform');
  });

  it('a parameter count over a thousand gets the German thousands dot', async () => {
    setLanguage('de');
    const step = {
      index: 0, name: 'dense', className: 'Dense', config: { units: 128 }, paramCount: 100480, inputNames: ['values_0'],
      inputs: [], params: [], output: { shape: [1, 128], values: new Float32Array(128) }, reference: null, maxAbsDiff: null,
    } satisfies TraceStep;
    const screen = await render(LayerSummary, { step });
    await expect.element(screen.getByText('100.480')).toBeVisible();
    await expect.element(screen.getByText('Parameter', { exact: true })).toBeVisible();
  });

  it('switching to German at run time redraws the sections and keeps the typed value, the model and the step', async () => {
    const app = await irisApp();
    const input = await render(InputSection, { app });
    const inspect = await render(InspectSection, { app });
    const first = input.container.querySelector<HTMLInputElement>('.field input[type="text"]')!;
    await userEvent.fill(first, '6.3');
    await expect.poll(() => app.input[0]).toBe(6.3);
    app.selectStep(3);
    const model = app.bundle!.model;
    const englishLabel = input.container.querySelector('.field label')!.textContent;

    setLanguage('de');
    app.relocalize(); // what App.svelte does on a switch

    const heading = () => inspect.container.querySelector('#inspect-heading')?.textContent;
    await expect.poll(heading).toBe('3 · Schritt für Schritt durch das Netz');
    await expect.poll(() => input.container.querySelector('.paste label')?.textContent).toBe('Zeile einfügen');
    // The same field, with what the user typed, under the course's German label.
    expect(input.container.querySelector<HTMLInputElement>('.field input[type="text"]')).toBe(first);
    expect(first.value).toBe('6.3');
    expect(app.input[0]).toBe(6.3);
    expect(app.step).toBe(3);
    expect(app.bundle!.model).toBe(model);
    expect(inspect.container.querySelector('[data-testid="trace-check"]')?.textContent).toMatch(/Jede Schicht in reinem TypeScript nachgerechnet/);
    expect(englishLabel).toBe('sepal length (cm)');
    expect(input.container.querySelector('.field label')!.textContent).not.toBe(englishLabel);

    setLanguage('en');
    app.relocalize();
    await expect.poll(heading).toBe('3 · Step through the network');
    expect(first.value).toBe('6.3');
  });
});
