/** Tensors drawn as pictures, a Dense unit's weights as a picture, the confusion matrix and the mistakes. */
import { defineMessages } from '../define';
import { formatInteger, formatPercent } from '../format';

export const imageViews = defineMessages(
  'image-views',
  {
    // ImageTensor
    /** Between numbers in a list: German writes 0,5; 1,2 (the comma is the decimal sign). */
    listSep: ', ',
    cannotDraw: (n: number, dims: string, need: number) => `Cannot draw ${formatInteger(n)} values as a ${dims} image (${formatInteger(need)} needed).`,
    readout: (label: string, row: number, col: number, index: number, v: string) => `${label}: row ${row}, col ${col} (index ${index}) = ${v}`,
    canvas: (label: string, h: number, w: number, channels: number) =>
      `${label}: ${h} × ${w} image${channels > 1 ? ` with ${channels} channels` : ''}; point at a pixel or use the arrow keys to read its value`,
    pointAt: 'Point at a pixel to read its value.',
    caption: (label: string, shape: string) => `${label}, shape ${shape}`,
    // KernelUnitImage
    unit: 'Unit',
    previousUnit: 'Previous unit',
    nextUnit: 'Next unit',
    unitOf: (max: number) => `of 0 … ${max}`,
    mismatch: (nIn: number, h: number, w: number) =>
      `This kernel has ${nIn} inputs, not ${h} × ${w} = ${h * w}: it cannot be drawn as a ${h} × ${w} picture.`,
    explain: 'Red: ink there pushes the unit up; blue: ink there pushes it down.',
    kernelCaption: (u: number, layer: string, h: number, w: number, nIn: number, max: string) =>
      `kernel[:, ${u}] of ${layer} as ${h} × ${w}: the ${nIn} weights into unit ${u}, max |w| ${max}`,
    products: (input: string, u: number, sum: string) =>
      `${input} · kernel[:, ${u}] per pixel: what this input adds to unit ${u} (they sum to ${sum}, before the bias)`,
    // ConfusionMatrix
    confusionCaption: 'Confusion matrix on the test set: rows are the true classes, columns what the model predicted',
    trueHead: 'true ↓ / predicted →',
    total: 'total',
    cellRight: (n: number, a: string) => `${formatInteger(n)} ${a} predicted right`,
    cellWrong: (n: number, a: string, p: string) => `${formatInteger(n)} ${a} predicted as ${p}`,
    right: (c: number, t: number) => `${formatInteger(c)} of ${formatInteger(t)} right (${formatPercent(t ? c / t : 0)})`,
    // MistakesGallery
    heading: (n: number) => `${formatInteger(n)} misclassified test ${n === 1 ? 'image' : 'images'}`,
    filtered: (a: string, p: string) => `: true ${a}, predicted ${p}`,
    all: 'Show all mistakes',
    none: 'No test image was misclassified.',
    noneHere: 'No test image of this kind.',
    /** Said before the visible "7 → 2 (0.91)", which ends the button's name (label in name, WCAG 2.5.3). */
    mistake: (row: number, a: string, p: string) => `Test image ${row}: true ${a}, predicted ${p}, `,
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pages: 'Pages of mistakes',
  },
  {
    listSep: '; ',
    cannotDraw: (n, dims, need) => `${formatInteger(n)} Werte ergeben kein Bild von ${dims} (${formatInteger(need)} nötig).`,
    readout: (label, row, col, index, v) => `${label}: Zeile ${row}, Spalte ${col} (Index ${index}) = ${v}`,
    canvas: (label, h, w, channels) =>
      `${label}: Bild ${h} × ${w}${channels > 1 ? ` mit ${channels} Kanälen` : ''}; auf ein Pixel zeigen oder die Pfeiltasten nutzen, um seinen Wert zu lesen`,
    pointAt: 'Auf ein Pixel zeigen, um seinen Wert zu lesen.',
    caption: (label, shape) => `${label}, Form ${shape}`,
    unit: 'Neuron',
    previousUnit: 'Vorheriges Neuron',
    nextUnit: 'Nächstes Neuron',
    unitOf: (max) => `von 0 … ${max}`,
    mismatch: (nIn, h, w) =>
      `Dieser Kernel hat ${nIn} Eingaben, nicht ${h} × ${w} = ${h * w}: Er lässt sich nicht als Bild von ${h} × ${w} zeichnen.`,
    explain: 'Rot: Striche an dieser Stelle heben das Neuron an; blau: Striche dort drücken es nach unten.',
    kernelCaption: (u, layer, h, w, nIn, max) =>
      `kernel[:, ${u}] von ${layer} als ${h} × ${w}: die ${nIn} Gewichte in Neuron ${u}, max |w| ${max}`,
    products: (input, u, sum) =>
      `${input} · kernel[:, ${u}] je Pixel: was diese Eingabe zu Neuron ${u} beiträgt (zusammen ${sum}, vor dem Bias)`,
    confusionCaption: 'Konfusionsmatrix auf den Testbildern: Zeilen sind die wahren Klassen, Spalten die Vorhersagen des Modells',
    trueHead: 'wahr ↓ / vorhergesagt →',
    total: 'Summe',
    cellRight: (n, a) => `${formatInteger(n)}-mal ${a} richtig erkannt`,
    cellWrong: (n, a, p) => `${formatInteger(n)}-mal ${a} als ${p} erkannt`,
    right: (c, t) => `${formatInteger(c)} von ${formatInteger(t)} richtig (${formatPercent(t ? c / t : 0)})`,
    heading: (n) => `${formatInteger(n)} falsch erkannte${n === 1 ? 's Testbild' : ' Testbilder'}`,
    filtered: (a, p) => `: wahr ${a}, vorhergesagt ${p}`,
    all: 'Alle Fehlklassifikationen zeigen',
    none: 'Kein Testbild wurde falsch erkannt.',
    noneHere: 'Kein Testbild in diesem Feld.',
    mistake: (row, a, p) => `Testbild ${row}: wahr ${a}, vorhergesagt ${p}, `,
    page: (p, n) => `Seite ${p} von ${n}`,
    previousPage: 'Vorherige Seite',
    nextPage: 'Nächste Seite',
    pages: 'Seiten der Fehlklassifikationen',
  },
);
