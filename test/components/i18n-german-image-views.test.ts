/**
 * The image, convolution and photo views in German (setLanguage('de') before render): German
 * labels, buttons and messages, and numbers with a decimal comma and a thousands dot (0,500;
 * 1.040; 97,1 %), as a learner of the German course reads them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import { setLanguage } from '../../src/i18n/language';
import { formatNumber } from '../../src/i18n/format';
import ConvArithmetic from '../../src/viz/conv/ConvArithmetic.svelte';
import FeatureMapGrid from '../../src/viz/conv/FeatureMapGrid.svelte';
import DigitCanvas from '../../src/viz/image/DigitCanvas.svelte';
import TestImagePicker from '../../src/viz/image/TestImagePicker.svelte';
import ConfusionMatrix from '../../src/viz/image/ConfusionMatrix.svelte';
import MistakesGallery from '../../src/viz/image/MistakesGallery.svelte';
import PhotoInput from '../../src/viz/photo/PhotoInput.svelte';
import PhotoFolderTraining from '../../src/viz/training/PhotoFolderTraining.svelte';
import { tfl } from '../../src/models/tf';
import { traceModel } from '../../src/inspector/trace';
import { explainStep } from '../../src/inspector/layers';
import type { Explanation } from '../../src/inspector/explain';
import type { TraceStep } from '../../src/inspector/types';
import type { DrawnDigit } from '../../src/viz/image/types';

type ConvEx = Extract<Explanation, { kind: 'conv' }>;

function convTrace(): { step: TraceStep; ex: ConvEx } {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [7, 7, 2], filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', name: 'conv2d', biasInitializer: 'ones' }),
    ],
  });
  const x = Float32Array.from({ length: 7 * 7 * 2 }, (_, i) => Math.sin(i * 0.37) + 0.2);
  const trace = traceModel(model, x);
  const step = trace.steps.find((s) => s.className === 'Conv2D')!;
  const ex = explainStep(step);
  model.dispose();
  if (ex.kind !== 'conv') throw new Error(`expected a conv explanation, got ${ex.kind}`);
  return { step, ex };
}

/** An opaque w x h PNG. */
async function png(w: number, h: number): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = 'rgb(37, 120, 201)';
  ctx.fillRect(0, 0, w, h);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  return new Uint8Array(await blob.arrayBuffer());
}

/** A file as a webkitdirectory pick gives it, with its path inside the picked folder. */
function withPath(file: File, path: string): File {
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

function drop(target: Element, file: File) {
  const dt = new DataTransfer();
  dt.items.add(file);
  target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}

describe('the image, convolution and photo views in German', () => {
  beforeEach(async () => {
    setLanguage('de');
    await page.viewport(1100, 1000);
  });
  afterEach(() => setLanguage('en'));

  it('ConvArithmetic: German controls and labels, products and sums with a decimal comma, checked against tfjs', async () => {
    const { step, ex } = convTrace();
    const screen = await render(ConvArithmetic, { step, explanation: ex, cell: { position: [0, 0], filter: 1 } });
    await expect.element(screen.getByRole('group', { name: 'Rechnung der Faltung für Ausgabezelle [0, 0], Filter 1' })).toBeVisible();
    await expect.element(screen.getByText('Ausgabezelle', { exact: true })).toBeVisible();
    await expect.element(screen.getByRole('spinbutton', { name: 'Zeile' })).toHaveValue(0);
    await expect.element(screen.getByRole('spinbutton', { name: 'Filter' })).toHaveValue(1);
    await expect.element(screen.getByRole('button', { name: 'Abspielen' })).toBeVisible();
    await expect.element(screen.getByText(/^Die Pfeiltasten verschieben das Fenster/)).toBeVisible();
    // the padded taps: "Padding = 0,000 mal w = −0,1234"
    const labels = Array.from(screen.container.querySelectorAll('div.tap')).map((el) => el.getAttribute('aria-label')!);
    expect(labels.filter((l) => /^Padding = 0,0+ mal w = \u2212?\d+,\d+$/.test(l))).toHaveLength(10);
    expect(labels.filter((l) => /^x\[\d, \d, \d\] = \u2212?\d+,\d+ mal w = \u2212?\d+,\d+$/.test(l))).toHaveLength(8);
    // per-channel sums as the view writes them: a decimal comma, never a dot
    const sums = Array.from(screen.container.querySelectorAll('.sum strong')).map((el) => el.textContent!);
    expect(sums).toHaveLength(2);
    for (const s of sums) expect(s).toMatch(/^\u2212?\d+,\d+$/);
    await expect.element(screen.getByText('Kanal 0', { exact: true })).toBeVisible();
    await expect.element(screen.getByText(/^Summe der Kanäle plus Bias:/)).toBeVisible();
    await expect.element(screen.getByText('Aktivierung:')).toBeVisible();
    const y = step.output.values[1];
    const check = screen.getByRole('status');
    await expect.element(check).toHaveTextContent(`tfjs berechnet y[0, 0, 1] = ${formatNumber(y, 4)}: ✓ gleich`);
    expect(formatNumber(y, 4)).toMatch(/,/);
    await expect.element(screen.getByText('Eingabekanal 0 mit dem Fenster; schraffiert: Padding')).toBeVisible();
  });

  it('FeatureMapGrid: German caption, scale choice and hover readout with a decimal comma', async () => {
    const n = 6 * 5 * 4;
    const t = { shape: [1, 6, 5, 4], values: Float32Array.from({ length: n }, (_, i) => Math.floor(i / 4) / 8 + (i % 4) * 100) };
    const screen = await render(FeatureMapGrid, { tensor: t, title: 'values_1', tilePx: 48 });
    await expect.element(screen.getByText('4 Kanäle, je 6 × 5')).toBeVisible();
    await expect.element(screen.getByRole('group', { name: 'Farbskala' })).toBeVisible();
    await expect.element(screen.getByRole('radio', { name: 'gemeinsam für alle Bilder' })).toBeChecked();
    await expect.element(screen.getByRole('radio', { name: 'je Kanal' })).toBeVisible();
    await expect.element(screen.getByText(/^Auf einen Wert zeigen, um ihn zu lesen/)).toBeVisible();
    const canvas = screen.container.querySelector('canvas')!;
    expect(canvas.getAttribute('aria-label')).toMatch(/^values_1: 4 Bilder, je 6 × 5; auf einen Wert zeigen/);
    // value (row 2, col 3) of channel 0 is 13 / 8 = 1.625
    await userEvent.hover(page.elementLocator(canvas), { position: { x: 3 * 8 + 4, y: 2 * 8 + 4 } });
    await expect.element(screen.getByText('values_1[0, 2, 3, 0] = 1,625 (Kanal 0, Zeile 2, Spalte 3)')).toBeVisible();
    await userEvent.click(page.elementLocator(canvas), { position: { x: 3 * 8 + 4, y: 2 * 8 + 4 } });
    await expect.element(screen.getByRole('region', { name: 'Zahlen von Kanal 0' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Schließen' })).toBeVisible();
  });

  it('DigitCanvas: German pad, buttons and status; a file that is not a picture gets a German message', async () => {
    const ondigit = vi.fn<(d: DrawnDigit) => void>();
    const screen = await render(DigitCanvas, { ondigit });
    await expect.element(screen.getByText('Ziffer zeichnen', { exact: true })).toBeVisible();
    await expect.element(screen.getByRole('group', { name: /^Zeichenfläche: eine Ziffer/ })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Strich zurücknehmen' })).toBeDisabled();
    await expect.element(screen.getByRole('button', { name: 'Löschen' })).toBeDisabled();
    await expect.element(screen.getByText('Bild öffnen…')).toBeVisible();
    await expect.element(screen.getByRole('heading', { name: 'Was das Modell erhält' })).toBeVisible();
    await expect.element(screen.getByRole('status')).toHaveTextContent('Ziffer zeichnen: Die Eingabe besteht nur aus Nullen.');
    await expect.element(screen.getByText('values_0: 28 × 28 Graustufen 0 … 255')).toBeVisible();
    const target = screen.container.querySelector('.drop')!;
    drop(target, new File(['a,b,c\n1,2,3'], 'daten.csv', { type: 'text/csv' }));
    await expect.element(screen.getByRole('alert')).toHaveTextContent('„daten.csv“ ist kein Bild. Bitte ein PNG oder JPEG einer Ziffer wählen.');
    drop(target, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'kaputt.png', { type: 'image/png' }));
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/^„kaputt\.png“ ließ sich nicht als Bild lesen: Die Datei ist vielleicht beschädigt/);
    expect(ondigit).not.toHaveBeenCalled();
  });

  it('TestImagePicker: German buttons, the range with a thousands dot, and a German message for a bad index', async () => {
    const labels = Int32Array.from({ length: 10000 }, (_, i) => i % 10);
    const onpick = vi.fn();
    const screen = await render(TestImagePicker, { rows: 10000, labels, classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], current: 5, onpick });
    await expect.element(screen.getByRole('form', { name: 'Testbild wählen' })).toBeVisible();
    const field = screen.getByRole('textbox', { name: 'Testbild' });
    await expect.element(screen.getByText('von 0 … 9.999')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Nächstes', exact: true }));
    expect(onpick).toHaveBeenLastCalledWith(6);
    await userEvent.click(screen.getByRole('button', { name: 'Vorheriges' }));
    expect(onpick).toHaveBeenLastCalledWith(4);
    await userEvent.fill(field, '10000');
    await userEvent.click(screen.getByRole('button', { name: 'Anzeigen' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Ein Testbild ist eine ganze Zahl von 0 bis 9.999.');
    await userEvent.click(screen.getByRole('button', { name: 'Nächster Fehler' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Bitte zuerst das Modell auswerten, um seine Fehlklassifikationen zu finden.');
    await screen.getByRole('combobox', { name: 'Klasse' }).selectOptions('7');
    await userEvent.click(screen.getByRole('button', { name: 'Nächstes der Klasse' }));
    expect(onpick).toHaveBeenLastCalledWith(7);
  });

  it('ConfusionMatrix and mistakes: counts with a thousands dot, the share as 97,1 %, probabilities with a comma', async () => {
    const m: number[][] = Array.from({ length: 3 }, (_, i) => Array.from({ length: 3 }, (_, j) => (i === j ? 1040 : 0)));
    m[0][1] = 31;
    m[2][0] = 63;
    const screen = await render(ConfusionMatrix, { confusion: m, classNames: ['cat', 'dog', 'fox'] });
    await expect.element(screen.getByRole('table', { name: /^Konfusionsmatrix auf den Testbildern: Zeilen sind die wahren Klassen/ })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: '1.040-mal cat richtig erkannt' })).toHaveTextContent('1.040');
    await expect.element(screen.getByRole('button', { name: '31-mal cat als dog erkannt' })).toBeVisible();
    await expect.element(screen.getByText('wahr ↓ / vorhergesagt →')).toBeVisible();
    // 3,120 of 3,214 right = 97.07 %
    await expect.element(screen.getByText('3.120 von 3.214 richtig (97,1 %)')).toBeVisible();
    expect(screen.container.querySelector('td.all')!.textContent).toBe('3.214');

    const mistakes = Array.from({ length: 45 }, (_, i) => ({ row: 1200 + i, actual: i % 3, predicted: (i + 1) % 3, probability: 0.5 + (i % 5) / 10 }));
    const gallery = await render(MistakesGallery, { mistakes, pixelsOf: () => new Float32Array(784), classNames: ['cat', 'dog', 'fox'] });
    await expect.element(gallery.getByText('45 falsch erkannte Testbilder')).toBeVisible();
    await expect.element(gallery.getByRole('button', { name: 'Testbild 1200: wahr cat, vorhergesagt dog, cat → dog (0,50)', exact: true })).toBeVisible();
    await expect.element(gallery.getByText('Seite 1 von 2')).toBeVisible();
    await userEvent.click(gallery.getByRole('button', { name: 'Nächste Seite' }));
    await expect.element(gallery.getByText('Seite 2 von 2')).toBeVisible();
  });

  it('PhotoInput: German heading, resize choice and caption; a file that is not a photo keeps the photo on screen', async () => {
    const onphoto = vi.fn();
    const onerror = vi.fn();
    const screen = await render(PhotoInput, { height: 8, width: 8, onphoto, onerror });
    await expect.element(screen.getByRole('heading', { name: 'Foto' })).toBeVisible();
    await expect.element(screen.getByText(/^Jede Größe: Es wird für das Modell ohne Zuschnitt auf 8 × 8 skaliert/)).toBeVisible();
    await expect.element(screen.getByRole('group', { name: 'Skalierungsmethode' })).toBeVisible();
    await screen.getByLabelText('Foto wählen').upload(new File([(await png(37, 23)).slice()], 'breit.png', { type: 'image/png' }));
    await vi.waitFor(() => expect(onphoto).toHaveBeenCalled());
    await expect.element(screen.getByText('breit.png, 37 × 23 px')).toBeVisible();
    await expect.element(screen.getByText(/^So sieht es das Modell: 8 × 8, /)).toBeVisible();
    // the model's view reads its pixels in German: "Foto: Zeile 0, Spalte 0 (Index 0) = (37,0; 120; 201)"
    const view = screen.container.querySelector<HTMLCanvasElement>('canvas[aria-label^="Foto: Bild 8 × 8 mit 3 Kanälen; auf ein Pixel zeigen"]')!;
    view.focus();
    await expect.element(screen.getByText('Foto: Zeile 0, Spalte 0 (Index 0) = (37,0; 120; 201)')).toBeVisible();
    await screen.getByLabelText('Foto wählen').upload(new File(['nur Text'], 'notiz.txt', { type: 'text/plain' }));
    await vi.waitFor(() => expect(onerror).toHaveBeenCalled());
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Das Foto und das Ergebnis auf dem Bildschirm bleiben unverändert.');
    await expect.element(screen.getByText('breit.png, 37 × 23 px')).toBeVisible();
  });

  it('Train on your photos: German fields with the defaults written 0,2 and 0,001, what Keras found, and German field errors', async () => {
    const screen = await render(PhotoFolderTraining, { show: () => true });
    await expect.element(screen.getByRole('heading', { name: 'Mit eigenen Fotos trainieren' })).toBeVisible();
    await expect.element(screen.getByLabelText('validation_split')).toHaveValue('0,2');
    await expect.element(screen.getByLabelText('Lernrate')).toHaveValue('0,001');
    await expect.element(screen.getByText('Standard bei RMSprop: 0,001')).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Mit diesen Fotos trainieren' })).toBeDisabled();
    await expect.element(screen.getByText('Ordner wählen…')).toBeVisible();
    await expect.element(screen.getByText('Kein Ordner gewählt')).toBeVisible();
    await userEvent.fill(screen.getByLabelText('Bildbreite'), 'breit');
    await expect.element(screen.getByText('Bildbreite muss eine Zahl sein, nicht „breit“.')).toBeVisible();
    await userEvent.fill(screen.getByLabelText('validation_split'), '1,5');
    await expect.element(screen.getByLabelText('validation_split')).toHaveAccessibleDescription('validation_split muss zwischen 0,01 und 0,9 liegen.');
    await userEvent.fill(screen.getByLabelText('validation_split'), '0,25');
    await userEvent.fill(screen.getByLabelText('Bildbreite'), '16');
    const files: File[] = [];
    for (const [cls, n] of [['hell', 5], ['dunkel', 4]] as const) {
      for (let i = 0; i < n; i++) files.push(withPath(new File([(await png(12 + i, 10)).slice()], `${cls}${i}.png`, { type: 'image/png' }), `tiere/${cls}/${cls}${i}.png`));
    }
    files.push(withPath(new File(['notiz'], 'notiz.txt'), 'tiere/hell/notiz.txt'));
    files.push(withPath(new File([new Uint8Array([1, 2, 3])], 'kaputt.png', { type: 'image/png' }), 'tiere/dunkel/kaputt.png'));
    const input = screen.getByLabelText('Ordner mit Fotos wählen').element() as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await expect.element(screen.getByText('tiere: 11 Dateien')).toBeVisible();
    // 10 image files in Keras' list, floor(0.25 * 10) = 2 validate
    await expect.element(screen.getByText(/^tiere: 10 Dateien in 2 Klassen gefunden\. 8 Dateien für das Training, 2 Dateien für die Validierung\.$/)).toBeVisible();
    await expect.element(screen.getByText(/^Gelesen: \d Trainings- und \d Validierungsbilder \(1 unlesbare ausgelassen\)\.$/)).toBeVisible();
    await expect.element(screen.getByRole('table', { name: /^Klassen in der Reihenfolge von Keras/ })).toBeVisible();
    await expect.element(screen.getByRole('columnheader', { name: 'Validierung' })).toBeVisible();
    await expect.element(screen.getByText('2 Dateien nicht verwendet')).toBeVisible();
    await expect.element(screen.getByText(/^tiere\/hell\/notiz\.txt: kein Bild \(txt\), übersprungen wie in Keras\.$/)).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Mit diesen Fotos trainieren' })).toBeEnabled();
  });
});
