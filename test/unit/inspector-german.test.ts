/**
 * The inspector in German: a Dense and a Conv2D model traced with the language set to German
 * explain themselves in German, with decimal commas in their arithmetic; the input parser answers
 * in German and still takes "5,3" and "5.3"; what is meant for Python, Keras or a spreadsheet
 * (the numpy script, the Keras code, model.summary(), CSV) stays exactly as in English.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import { setLanguage } from '../../src/i18n/language';
import { createTracer, traceModel } from '../../src/inspector/trace';
import { convCell, explainStep, explainInput, neuronSum, poolCell } from '../../src/inspector/layers';
import { parseNames, parseNumber, parseVector, rangeWarning } from '../../src/inspector/parse';
import { readClasses, sniffImage } from '../../src/inspector/photo';
import { pythonScript } from '../../src/inspector/export/python';
import { kerasCode } from '../../src/inspector/export/kerasCode';
import { traceCsvText } from '../../src/inspector/export/trace';
import { CSV_STYLES } from '../../src/inspector/export/types';
import { modelSummary, summaryText } from '../../src/inspector/summary';
import type { Trace } from '../../src/inspector/types';

afterEach(() => setLanguage('en'));

/** Two inputs -> 3 relu units -> 2 softmax units, with weights chosen so the sums are known. */
function denseModel(): tfl.LayersModel {
  const m = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 3, activation: 'relu', inputShape: [2], name: 'hidden' }),
      tfl.layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
    ],
  });
  m.layers[0].setWeights([tf.tensor2d([[0.5, -1.25, 2], [1.5, 0.25, -0.5]]), tf.tensor1d([0.1, -0.2, 0.3])]);
  m.layers[1].setWeights([tf.tensor2d([[1, -1], [0.5, 0.5], [-0.25, 0.75]]), tf.tensor1d([0, 0.1])]);
  return m;
}

/** A 4 x 4 grey picture -> Rescaling(1/255) -> Conv2D(2 filters, 3 x 3, relu) -> MaxPooling2D(2). */
function convModel(): tfl.LayersModel {
  const m = tfl.sequential({
    layers: [
      tfl.layers.rescaling({ scale: 1 / 255, inputShape: [4, 4, 1], name: 'scale' }),
      tfl.layers.conv2d({ filters: 2, kernelSize: 3, activation: 'relu', name: 'conv' }),
      tfl.layers.maxPooling2d({ poolSize: 2, name: 'pool' }),
    ],
  });
  const kernel = Array.from({ length: 18 }, (_, i) => (i % 5) * 0.25 - 0.4);
  m.layers[1].setWeights([tf.tensor4d(kernel, [3, 3, 1, 2]), tf.tensor1d([0.05, -0.1])]);
  return m;
}

const models: tfl.LayersModel[] = [];
afterAll(() => models.forEach((m) => m.dispose()));

function traced(make: () => tfl.LayersModel, input: number[]): { model: tfl.LayersModel; trace: Trace } {
  const model = make();
  models.push(model);
  return { model, trace: traceModel(model, input) };
}

describe('a Dense model traced in German', () => {
  const { trace } = traced(denseModel, [5.3, 3.4]);

  it('titles and notes are German, the formula keeps its identifiers', () => {
    setLanguage('de');
    const hidden = explainStep(trace.steps[0]);
    expect(hidden.title).toBe('Dense-Schicht hidden');
    expect(hidden.formula).toBe('values_1 = relu(values_0 @ kernel + bias)');
    expect(hidden.notes).toEqual([
      'Jede der 3 Ausgaben ist eine gewichtete Summe aller 2 Eingaben plus ihr Bias: Spalte j des Kernels enthält die Gewichte von Ausgabeneuron j.',
      'Die Dense-Schicht wendet ihre eigene Aktivierung, relu, auf die Summen an.',
    ]);
    const out = explainStep(trace.steps[1]);
    expect(out.title).toBe('Dense-Schicht out');
    expect(out.kind === 'dense' && out.activationDetail?.fn === 'softmax' && out.activationDetail.note).toMatch(/^Vor exp wird das größte x abgezogen/);
    expect(explainInput(trace, false).notes).toEqual(['Die eingegebenen Zahlen gehen unverändert in die erste Schicht.']);
  });

  it("a neuron's sum writes its numbers with a decimal comma and a real minus", () => {
    setLanguage('de');
    const n0 = neuronSum(trace.steps[0], 0);
    expect(n0.text).toBe('5,30*0,500 + 3,40*1,50 + 0,100 = 7,85');
    expect(n0.activationText).toBe('relu(7,85) = 7,85');
    const n1 = neuronSum(trace.steps[0], 1);
    expect(n1.text).toMatch(/^5,30\*\(−1,25\) \+ 3,40\*0,250 \+ \(−0,200\) = −5,9\d$/);
    expect(n1.activationText).toMatch(/^relu\(−5,9\d\) = 0,00$/);
    setLanguage('en');
    expect(neuronSum(trace.steps[0], 0).text).toBe('5.30*0.500 + 3.40*1.50 + 0.100 = 7.85');
    expect(neuronSum(trace.steps[0], 1).text).toMatch(/^5\.30\*\(-1\.25\) \+ 3\.40\*0\.250 \+ \(-0\.200\) = -5\.9\d$/);
  });

  it('a single output (a regression) and a dropout rate read naturally in German', () => {
    setLanguage('de');
    const one = traced(
      () => tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [1], name: 'price' }), tfl.layers.dropout({ rate: 0.25, name: 'drop' })] }),
      [2.5],
    ).trace;
    expect(explainStep(one.steps[0]).notes).toEqual([
      'Die eine Ausgabe ist eine gewichtete Summe der einen Eingabe plus ihr Bias: Die eine Spalte des Kernels enthält die Gewichte dieses Ausgabeneurons.',
    ]);
    const drop = explainStep(one.steps[1]);
    expect(drop.title).toBe('Dropout-Schicht drop (rate 0,25)');
    expect(drop.notes[1]).toBe(
      'Nur im Training setzt Dropout zufällig 25 % der Werte auf 0 (und skaliert den Rest mit 1/(1 - 0,25)), damit sich das Netz auf kein einzelnes Neuron verlassen kann.',
    );
    setLanguage('en');
    expect(explainStep(one.steps[1]).title).toBe('Dropout layer drop (rate 0.25)');
  });

  it('the same step explains itself again in the language on screen (the views re-run it on a switch)', () => {
    expect(explainStep(trace.steps[0]).title).toBe('Dense layer hidden');
    setLanguage('de');
    expect(explainStep(trace.steps[0]).title).toBe('Dense-Schicht hidden');
  });

  it('the trace says what is wrong with an input in German', () => {
    setLanguage('de');
    const tracer = createTracer(models[0]);
    expect(() => tracer([1])).toThrow('Das Modell erwartet 2 Eingabewerte, erhalten hat es 1.');
    expect(() => tracer([1, Number.NaN])).toThrow('Die Eingabe enthält einen Wert, der keine endliche Zahl ist.');
  });
});

describe('a Conv2D model traced in German', () => {
  const picture = Array.from({ length: 16 }, (_, i) => (i * 37) % 256);
  const { trace } = traced(convModel, picture);

  it('Rescaling: the formula writes its factor with a decimal comma, the notes are German', () => {
    setLanguage('de');
    const e = explainStep(trace.steps[0]);
    expect(e.title).toBe('Rescaling-Schicht scale');
    expect(e.formula).toBe('values_1 = values_0 * 0,00392157');
    expect(e.notes).toContain('scale 1/255 macht aus Pixelwerten 0..255 Werte von 0 bis 1.');
    setLanguage('en');
    expect(explainStep(trace.steps[0]).formula).toBe('values_1 = values_0 * 0.00392157');
  });

  it('Conv2D: title, the sum and the notes in German', () => {
    setLanguage('de');
    const e = explainStep(trace.steps[1]);
    expect(e.title).toBe('Conv2D-Schicht conv');
    expect(e.formula).toBe("values_2 = relu(conv2d(values_1, kernel, strides=(1, 1), padding='valid') + bias)");
    expect(e.notes).toEqual([
      'y[i, j, f] = Summe über (di, dj, c) von x[i*1 + di, j*1 + dj, c] * kernel[di, dj, c, f] + bias[f], dann relu',
      'Jeder der 2 Filter gleitet mit einem 3 × 3-Fenster über den einen Eingabekanal; ein Ausgabewert ist die Summe der Fensterwerte mal die Gewichte des Filters, plus der Bias des Filters.',
      "padding='valid': Das Fenster bleibt innerhalb der Eingabe, daher ist die Ausgabe kleiner (4 × 4 -> 2 × 2).",
    ]);
  });

  it("a cell's arithmetic has decimal commas and agrees with tfjs", () => {
    setLanguage('de');
    const c = convCell(trace.steps[1], [1, 1], 1);
    expect(Math.abs(c.activated - c.output)).toBeLessThan(1e-5);
    expect(c.channelTexts[0]).not.toMatch(/\d\.\d/);
    expect(c.channelTexts[0]).toMatch(/^\d,\d+\*\(?−?\d,\d+\)?( \+ |$)/);
    expect(c.totalText).toMatch(/ \+ \(−0,100\) = −?\d+,\d+$/);
    setLanguage('en');
    expect(convCell(trace.steps[1], [1, 1], 1).totalText).toMatch(/ \+ \(-0\.100\) = -?\d+\.\d+$/);
  });

  it('a cell outside the output is refused in German', () => {
    setLanguage('de');
    expect(() => convCell(trace.steps[1], [0, 0], 2)).toThrow('Der Filter muss zwischen 0 und 1 liegen, erhalten: 2');
    expect(() => convCell(trace.steps[1], [2, 0], 0)).toThrow('Position 2, 0 liegt außerhalb der Ausgabe (2 × 2)');
    expect(() => poolCell(trace.steps[2], [0, 0], 5)).toThrow('Der Kanal muss zwischen 0 und 1 liegen, erhalten: 5');
  });

  it('MaxPooling2D: the window and its max in German', () => {
    setLanguage('de');
    const e = explainStep(trace.steps[2]);
    expect(e.title).toBe('MaxPooling2D-Schicht pool');
    expect(e.notes).toEqual([
      'Ein 2 × 2-Fenster wandert in Schritten von 2 × 2 Zellen über jeden Kanal einzeln; jede Ausgabe ist das Maximum der Werte in ihrem Fenster. Gewichte werden keine gelernt.',
    ]);
    const p = poolCell(trace.steps[2], [0, 0], 0);
    expect(p.text).toMatch(/^max\(\d,\d+(, \d,\d+){3}\) = \d,\d+$/);
  });

  it('what goes into Python, Keras or a CSV file stays as in English, with decimal dots', () => {
    const { model } = { model: models[1] };
    const english = {
      script: pythonScript(trace, 'cnn'),
      keras: kerasCode(model),
      summary: summaryText(modelSummary(model)),
      csv: traceCsvText(trace, 'comma'),
      csvDe: traceCsvText(trace, 'semicolon'),
    };
    setLanguage('de');
    const german = {
      script: pythonScript(trace, 'cnn'),
      keras: kerasCode(model),
      summary: summaryText(modelSummary(model)),
      csv: traceCsvText(trace, 'comma'),
      csvDe: traceCsvText(trace, 'semicolon'),
    };
    expect(german).toEqual(english);
    expect(german.keras).toContain('layers.Rescaling(');
    expect(german.keras).not.toMatch(/\d,\d{3}/);
    expect(german.script).toMatch(/\d\.\d/);
    expect(german.summary).toContain('Total params');
  });
});

describe('the input parser in German', () => {
  it('accepts "5,3" and "5.3", and rows in both spellings', () => {
    setLanguage('de');
    expect(parseNumber('5,3')).toEqual({ ok: true, value: 5.3 });
    expect(parseNumber('5.3')).toEqual({ ok: true, value: 5.3 });
    expect(parseVector('5,3 3,4 1,9 0,6', 4)).toEqual({ ok: true, values: [5.3, 3.4, 1.9, 0.6] });
    expect(parseVector('5.3, 3.4, 1.9, 0.6', 4)).toEqual({ ok: true, values: [5.3, 3.4, 1.9, 0.6] });
  });

  it('says what is wrong in German, and what to do', () => {
    setLanguage('de');
    expect(parseNumber('')).toEqual({ ok: false, error: 'Bitte eine Zahl eingeben' });
    expect(parseNumber('abc')).toEqual({ ok: false, error: '„abc“ ist keine Zahl; bitte einen Wert wie 5,3 oder 5.3 eingeben' });
    expect(parseNumber('1.234,5')).toEqual({
      ok: false,
      error: '„1.234,5“ mischt Komma und Punkt; bitte nur ein Dezimaltrennzeichen und kein Tausendertrennzeichen verwenden, z. B. 1234,5 oder 1234.5',
    });
    expect(parseNumber('-1', { min: 0 })).toEqual({ ok: false, error: 'Muss mindestens 0 sein (ein Messwert kann nicht negativ sein)' });
    expect(parseNumber('2', { max: 1.5 })).toEqual({ ok: false, error: 'Darf höchstens 1,5 sein' });
    expect(parseVector('1 2 3', 4)).toEqual({ ok: false, error: '4 Werte erwartet, 3 erhalten' });
    expect(parseVector('1 2 x 4', 4)).toEqual({ ok: false, error: 'Wert 3: „x“ ist keine Zahl; bitte einen Wert wie 5,3 oder 5.3 eingeben' });
    const ambiguous = parseVector('5,3,1,0,2', 4);
    expect(ambiguous.ok === false && ambiguous.error).toMatch(/^„5,3,1,0,2“ ist mehrdeutig: Jedes Komma könnte ein Dezimalkomma oder ein Trennzeichen sein\./);
  });

  it('warns about a value outside the training data with decimal commas', () => {
    setLanguage('de');
    expect(rangeWarning(8.5, { min: 4.3, max: 7.9 }, 'sepal length (cm)')).toBe(
      'sepal length (cm) = 8,5 liegt über den Trainingsdaten (4,3 bis 7,9): Hier extrapoliert das Modell ein wenig.',
    );
    expect(rangeWarning(-3.5, { min: 4.3, max: 7.9 }, 'x')).toMatch(/^x = −3,5 liegt weit unter den Trainingsdaten \(4,3 bis 7,9\): Das Modell extrapoliert/);
    setLanguage('en');
    expect(rangeWarning(8.5, { min: 4.3, max: 7.9 }, 'sepal length (cm)')).toBe(
      'sepal length (cm) = 8.5 is above the training data (4.3 to 7.9): the model extrapolates a little here.',
    );
  });

  it('checks a list of names in German, naming the list in German', () => {
    setLanguage('de');
    expect(parseNames('a; a', 2, 'class names')).toEqual({ ok: false, error: '„a“ kommt zweimal vor: Alle Klassennamen müssen verschieden sein.' });
    expect(parseNames('a; b', 3, 'input names')).toEqual({ ok: false, error: '3 Eingabenamen erwartet, 2 erhalten.' });
  });
});

describe('photos and class readings in German', () => {
  it('a file that is no photo, and how the output was read', () => {
    setLanguage('de');
    expect(sniffImage(new Uint8Array(0))).toEqual({ ok: false, message: 'Diese Datei ist leer (0 Bytes) und enthält kein Bild.' });
    expect(readClasses([0.9949], ['cat', 'dog'], 'sigmoid').note).toBe('Ein sigmoid-Neuron: P(dog) = p = 0,9949, P(cat) = 1 − p = 0,005100.');
    expect(readClasses([0.2, 0.8], ['', 'dog'], 'softmax').classes[0].name).toBe('Klasse 0');
    expect(CSV_STYLES.map((s) => s.label)).toEqual([
      'Komma als Trennzeichen, Dezimalpunkt (englisches Excel, Python, R)',
      'Semikolon als Trennzeichen, Dezimalkomma (deutsches Excel)',
    ]);
  });
});
