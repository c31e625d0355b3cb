/**
 * Accessibility, end to end on the production build in headless Chromium: axe-core finds no
 * serious or critical violation on the trained Iris page, the MNIST course, the California
 * housing course and a page with an opened model file; the Iris page works by keyboard (Tab
 * reaches Train, the input fields and the layer stepper) with a visible focus outline.
 *
 * Every check runs once per language in LANGUAGES: English, and German (opened with `?lang=de`) on
 * the trained Iris page, the MNIST page, a stuck run and an opened file. A language is added by
 * adding its entry (how the app is opened in it, the words the test clicks on, which pages).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './browser';
import { blocking, formatViolations, runAxe } from './axe';
import { fixtures } from '../fixtures';

interface Language {
  code: string;
  /** The app's address in this language, with a shared state (`#seed=…`, or '' for none). */
  url: (hash: string) => string;
  /** The visible words the test looks for. */
  words: {
    train: string;
    /** The course model's training form (other forms may have a Train button too). */
    trainingForm: string;
    evaluate: string;
    housingEvaluate: string;
    housingEvaluateTable: string;
    badInputField: string;
    /** How a field's slider is named: "<field> (slider)". */
    slider: string;
    mnist: string;
    housing: string;
    pickTestImage: string;
    tryDistrict: string;
    openModelFile: string;
    layers: string;
    choosePhoto: string;
    save: string;
    saved: RegExp;
    deleteModel: RegExp;
    keep: string;
  };
}

const LANGUAGES: Language[] = [
  {
    code: 'en',
    url: (hash) => hash,
    words: {
      train: 'Train',
      trainingForm: 'Training',
      evaluate: 'Evaluate',
      housingEvaluate: 'Run model.evaluate(x, y)',
      housingEvaluateTable: 'model.evaluate(x, y)',
      badInputField: 'sepal length (cm)',
      slider: 'slider',
      mnist: 'MNIST digits',
      housing: 'California housing',
      pickTestImage: 'Pick a test image',
      tryDistrict: 'Try a district',
      openModelFile: 'Open model file',
      layers: 'Layers',
      choosePhoto: 'Choose a photo',
      save: 'Save',
      saved: /^Saved as/,
      deleteModel: /^Delete /,
      keep: 'Keep',
    },
  },
  {
    code: 'de',
    url: (hash) => `?lang=de${hash}`,
    words: {
      train: 'Trainieren',
      trainingForm: 'Training',
      evaluate: 'Auswerten',
      housingEvaluate: 'model.evaluate(x, y) ausführen',
      housingEvaluateTable: 'model.evaluate(x, y)',
      badInputField: 'Kelchblattlänge (cm)',
      slider: 'Schieberegler',
      mnist: 'MNIST-Ziffern',
      housing: 'Kalifornische Immobilienpreise',
      pickTestImage: 'Testbild wählen',
      tryDistrict: 'Bezirk ausprobieren',
      openModelFile: 'Modelldatei öffnen',
      layers: 'Schichten',
      choosePhoto: 'Foto wählen',
      save: 'Speichern',
      saved: /^Gespeichert als/,
      deleteModel: / löschen$/,
      keep: 'Behalten',
    },
  },
];

const CNN = fixtures('models/keras3-mnist-cnn-bn');
const SHARED = fixtures();

/** More opened models: a photo CNN (with a photo), a Keras 2 functional model with separable convs and a residual, a Conv1D. */
const OTHER_MODELS: { file: string; name: string; photo?: string; maxSteps?: number }[] = [
  { file: 'models/keras3-catdog-bn-gap/cat_dog_model.keras', name: 'cat_dog_model', photo: 'images/dog.4009.jpg' },
  { file: 'models/keras2-separable-residual/selected_model.h5', name: 'selected_model', maxSteps: 8 },
  { file: 'models/keras3-h5-ecg-conv1d/ecg_model.h5', name: 'ecg_model' },
];

/** Runs axe, logs everything it found, fails on serious/critical violations with the full list. */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const all = await runAxe(page);
  const minor = all.filter((v) => !blocking([v]).length);
  if (minor.length) console.log(formatViolations(`${where} (minor/moderate, not failing)`, minor));
  const bad = blocking(all);
  expect(bad, formatViolations(where, bad)).toEqual([]);
}

/**
 * Selects every position of the layer stepper in turn (or `maxSteps` of them, evenly spread, for
 * big models where one axe run takes seconds) and runs axe at each; fails with all the reports.
 */
async function expectNoSeriousViolationsAtEveryStep(page: Page, where: string, layers: string, maxSteps = Infinity): Promise<number> {
  const steps = page.getByRole('navigation', { name: layers }).getByRole('button');
  const n = await steps.count();
  const reports: string[] = [];
  const picked = n <= maxSteps ? [...Array(n).keys()] : [...new Set(Array.from({ length: maxSteps }, (_, k) => Math.round((k * (n - 1)) / (maxSteps - 1))))];
  for (const i of picked) {
    await steps.nth(i).click();
    await page.waitForTimeout(100);
    const heading = await page.locator('#step-heading').innerText();
    const bad = blocking(await runAxe(page));
    if (bad.length) reports.push(formatViolations(`${where}, ${heading}`, bad));
  }
  expect(reports, reports.join('\n')).toEqual([]);
  return n;
}

for (const lang of LANGUAGES) {
  const w = lang.words;

  describe(`accessibility (${lang.code})`, () => {
    let browser: Browser;
    const errors: string[] = [];

    const trainButton = (page: Page) =>
      page.getByRole('form', { name: w.trainingForm, exact: true }).getByRole('button', { name: w.train, exact: true });

    async function open(hash = ''): Promise<Page> {
      const opened = await openApp(browser, lang.url(hash));
      opened.page.on('pageerror', (e) => errors.push(String(e)));
      await opened.page.locator('#step-heading').waitFor({ timeout: 60_000 });
      return opened.page;
    }

    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
    });

    describe('the Iris page, trained', () => {
      let page: Page;
      beforeAll(async () => {
        page = await open();
        await expectNoSeriousViolations(page, `Iris, first view, untrained (${lang.code})`);
        await trainButton(page).click();
        await page.locator('[data-training="idle"]').waitFor({ timeout: 60_000 });
        await page.getByRole('navigation', { name: w.layers }).getByRole('button').nth(1).click();
      });

      it('has no serious or critical axe violation', async () => {
        await expectNoSeriousViolations(page, `Iris, trained, layer_0 (${lang.code})`);
      });

      it('has none at any step of the network', async () => {
        const n = await expectNoSeriousViolationsAtEveryStep(page, `Iris, trained (${lang.code})`, w.layers);
        expect(n).toBe(5);
      });

      it('has none at the softmax layer with a bad value in a field (its message shown, the prediction stale)', async () => {
        await page.locator('h1').click();
        await page.keyboard.press('End');
        const field = page.getByLabel(w.badInputField, { exact: true });
        const good = await field.inputValue();
        await field.fill('abc');
        await page.locator('[aria-invalid="true"]').first().waitFor();
        await expectNoSeriousViolations(page, `Iris, trained, last layer, bad input (${lang.code})`);
        await field.fill(good);
      });

      it('Tab reaches the Train button, every input field and the layer stepper', async () => {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.locator('h1').click();
        const reached = new Set<string>();
        const wanted = await page.evaluate((layers) => {
          const fields = [...document.querySelectorAll<HTMLInputElement>('form input, .input-form input, input[type="text"], input:not([type])')]
            .filter((i) => i.offsetParent !== null && !i.disabled)
            .map((i) => i.id)
            .filter(Boolean);
          const stepper = document.querySelector(`nav[aria-label="${layers}"]`) !== null;
          return { fields, stepper };
        }, w.layers);
        expect(wanted.fields.length).toBeGreaterThanOrEqual(4);
        expect(wanted.stepper).toBe(true);
        for (let i = 0; i < 400; i++) {
          await page.keyboard.press('Tab');
          const info = await page.evaluate(({ layers, form }) => {
            const el = document.activeElement as HTMLElement | null;
            if (!el || el === document.body) return null;
            return {
              id: el.id,
              text: (el.textContent ?? '').trim(),
              tag: el.tagName,
              inStepper: el.closest(`nav[aria-label="${layers}"]`) !== null,
              inTrainingForm: el.closest(`form[aria-label="${form}"]`) !== null,
            };
          }, { layers: w.layers, form: w.trainingForm });
          if (!info) continue;
          if (info.tag === 'BUTTON' && info.text === w.train && info.inTrainingForm) reached.add('train');
          if (info.inStepper) reached.add('stepper');
          if (info.id && wanted.fields.includes(info.id)) reached.add(`field:${info.id}`);
          if (reached.size === 2 + wanted.fields.length) break;
        }
        expect([...reached].sort()).toEqual(['stepper', 'train', ...wanted.fields.map((f) => `field:${f}`)].sort());
        // The stepper works by keyboard once focused: ArrowRight moves the selection.
        const stepper = page.getByRole('navigation', { name: w.layers });
        await stepper.locator('button[aria-current="step"]').focus();
        await page.keyboard.press('Home');
        const before = await page.locator('#step-heading').innerText();
        await page.keyboard.press('ArrowRight');
        await expect(page.locator('#step-heading').innerText()).resolves.not.toBe(before);
        await expect(stepper.locator('button[aria-current="step"]').evaluate((b) => b === document.activeElement)).resolves.toBe(true);
      });

      it('a control focused by keyboard has a visible outline with enough contrast', async () => {
        const targets = [
          trainButton(page),
          page.getByRole('navigation', { name: w.layers }).locator('button[aria-current="step"]'),
          page.getByLabel(w.badInputField, { exact: true }),
          page.getByLabel(`${w.badInputField} (${w.slider})`, { exact: true }),
        ];
        for (const target of targets) {
          // Focus by keyboard (Shift+Tab then Tab lands on it), so :focus-visible applies.
          await target.focus();
          await page.keyboard.press('Shift+Tab');
          await page.keyboard.press('Tab');
          expect(await target.evaluate((el) => el === document.activeElement), 'Shift+Tab, Tab returns to the control').toBe(true);
          const style = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const s = getComputedStyle(el);
            const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
            const lum = ([r, g, b]: number[]) => {
              const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
              return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
            };
            // The background the outline is drawn on: the nearest ancestor with an opaque one.
            let p: HTMLElement | null = el.parentElement;
            let bg = 'rgb(255, 255, 255)';
            while (p) {
              const c = getComputedStyle(p).backgroundColor;
              if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; }
              p = p.parentElement;
            }
            const [l1, l2] = [lum(rgb(s.outlineColor)), lum(rgb(bg))].sort((a, b) => b - a);
            return {
              tag: el.tagName + (el.id ? `#${el.id}` : ''),
              visible: el.matches(':focus-visible'),
              outlineStyle: s.outlineStyle,
              outlineWidth: parseFloat(s.outlineWidth),
              contrast: (l1 + 0.05) / (l2 + 0.05),
            };
          });
          expect(style.visible, `${style.tag} should match :focus-visible`).toBe(true);
          expect(style.outlineStyle, `${style.tag} outline style`).not.toBe('none');
          expect(style.outlineWidth, `${style.tag} outline width`).toBeGreaterThanOrEqual(2);
          expect(style.contrast, `${style.tag} outline contrast against its background`).toBeGreaterThanOrEqual(3);
        }
      });
    });

    it('a stuck Iris run (its explanation and the retrain button) has no serious or critical axe violation', async () => {
      // With 3 hidden units, seed 13 ends predicting setosa for every flower (see iris.test.ts).
      const page = await open('#hidden=3&seed=13&trained=1');
      await page.getByRole('alert').first().waitFor({ timeout: 60_000 });
      await page.locator('[data-training="idle"]').waitFor({ timeout: 60_000 });
      await expectNoSeriousViolations(page, `Iris, a stuck run (${lang.code})`);
      await page.close();
    });

    describe('the MNIST course page', () => {
      let page: Page;
      beforeAll(async () => {
        page = await open();
        await page.getByRole('button', { name: w.mnist }).click();
        await page.getByLabel(w.pickTestImage).waitFor({ timeout: 120_000 });
        await page.getByRole('navigation', { name: w.layers }).getByRole('button').nth(1).click();
      });

      it('has no serious or critical axe violation (untrained, data loaded, a layer selected)', async () => {
        await expectNoSeriousViolations(page, `MNIST, untrained, layer_0 (${lang.code})`);
      });

      it('has none at any step of the network', async () => {
        await expectNoSeriousViolationsAtEveryStep(page, `MNIST, untrained (${lang.code})`, w.layers);
      });

      it('has none with the untrained model evaluated (accuracy, confusion matrix, mistakes)', async () => {
        await page.getByRole('button', { name: w.evaluate, exact: true }).click();
        await page.getByTestId('test-accuracy').waitFor({ timeout: 120_000 });
        await expectNoSeriousViolations(page, `MNIST, untrained, evaluated (${lang.code})`);
      });
    });

    describe('the California housing course page', () => {
      let page: Page;
      beforeAll(async () => {
        page = await open();
        await page.getByRole('button', { name: w.housing }).click();
        await page.locator('#input-heading', { hasText: w.tryDistrict }).waitFor({ timeout: 60_000 });
        await page.getByRole('navigation', { name: w.layers }).getByRole('button').nth(1).click();
      });

      it('has no serious or critical axe violation', async () => {
        await expectNoSeriousViolations(page, `California housing, untrained, layer_0 (${lang.code})`);
      });

      it('has none with the untrained model evaluated (table, scatter, residuals)', async () => {
        await page.getByRole('button', { name: w.housingEvaluate }).click();
        await page.getByLabel(w.housingEvaluateTable, { exact: true }).waitFor({ timeout: 60_000 });
        await expectNoSeriousViolations(page, `California housing, untrained, evaluated (${lang.code})`);
      });

      it('has none at any step of the network', async () => {
        await expectNoSeriousViolationsAtEveryStep(page, `California housing, untrained (${lang.code})`, w.layers);
      });
    });

    describe.skipIf(!CNN.present)(`a page with an opened model file${CNN.skipNote}`, () => {
      let page: Page;
      beforeAll(async () => {
        page = await open();
        await page.getByLabel(w.openModelFile).setInputFiles(CNN.path('mnist_model.keras'));
        await page.locator('.top').filter({ hasText: 'mnist_model' }).waitFor({ timeout: 60_000 });
        await page.getByRole('navigation', { name: w.layers }).getByRole('button').nth(1).click();
      });

      it('has no serious or critical axe violation (the Keras 3 MNIST CNN, its first conv layer)', async () => {
        await expectNoSeriousViolations(page, `opened mnist_model.keras, layer_0 (${lang.code})`);
      });

      it('has none at any layer of the CNN (conv, pooling, batch norm, dense views)', async () => {
        const n = await expectNoSeriousViolationsAtEveryStep(page, `opened mnist_model.keras (${lang.code})`, w.layers);
        expect(n).toBeGreaterThan(5);
      });

      it('has none in the model library with the model saved and a delete to confirm', async () => {
        await page.getByRole('button', { name: w.save, exact: true }).click();
        await page.getByRole('status').filter({ hasText: w.saved }).waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: w.deleteModel }).first().click();
        await page.getByRole('button', { name: w.keep, exact: true }).waitFor();
        await expectNoSeriousViolations(page, `opened mnist_model.keras, saved, deleting (${lang.code})`);
        await page.getByRole('button', { name: w.keep, exact: true }).click();
      });
    });

    describe.skipIf(!SHARED.present)(`other opened models, at every layer${SHARED.skipNote}`, () => {
      for (const m of OTHER_MODELS) {
        it(`${m.name} has no serious or critical axe violation at any layer`, async () => {
          const page = await open();
          await page.getByLabel(w.openModelFile).setInputFiles(SHARED.path(m.file));
          await page.locator('.top').filter({ hasText: m.name }).waitFor({ timeout: 90_000 });
          if (m.photo) {
            await page.getByLabel(w.choosePhoto).setInputFiles(SHARED.path(m.photo));
            await page.getByText(new RegExp(m.photo.split('/')[1].replace('.', '\\.'))).first().waitFor();
          }
          await expectNoSeriousViolationsAtEveryStep(page, `opened ${m.name} (${lang.code})`, w.layers, m.maxSteps);
          await page.close();
        }, 240_000);
      }
    });

    it('raised no page errors', () => {
      expect(errors).toEqual([]);
    });
  });
}
