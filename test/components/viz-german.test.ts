/**
 * The views in German: the train panel, a matrix (table and heatmap), the probability bars, the
 * curves and the Dense arithmetic say it in German and write numbers with a decimal comma.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import { setLanguage } from '../../src/i18n/language';
import { tf, tfl } from '../../src/models/tf';
import { traceModel } from '../../src/inspector/trace';
import TrainPanel from '../../src/viz/components/TrainPanel.svelte';
import Matrix from '../../src/viz/components/Matrix.svelte';
import ProbabilityBars from '../../src/viz/components/ProbabilityBars.svelte';
import TrainingCurves from '../../src/viz/components/TrainingCurves.svelte';
import DenseArithmetic from '../../src/viz/arithmetic/DenseArithmetic.svelte';
import LayerArithmetic from '../../src/viz/arithmetic/LayerArithmetic.svelte';
import DropoutArithmetic from '../../src/viz/arithmetic/DropoutArithmetic.svelte';
import type { TraceStep } from '../../src/inspector/types';
// The app's reactive language source: a switch redraws the views at once.
import '../../src/viz/state/language.svelte';

const config = { epochs: 300, learningRate: 0.001, hiddenUnits: 8, seed: 42 };
const panel = { config, running: false, epoch: 0, totalEpochs: 300, msLeft: null, engine: null, onstart: () => {}, onstop: () => {} };

beforeEach(async () => {
  setLanguage('de');
  await page.viewport(1000, 700);
});
afterEach(() => setLanguage('en'));

describe('TrainPanel in German', () => {
  it('labels the fields and buttons in German and explains a bad value in German', async () => {
    const screen = await render(TrainPanel, { ...panel, onreseed: () => {} });
    await expect.element(screen.getByRole('button', { name: 'Trainieren' })).toBeEnabled();
    await expect.element(screen.getByRole('button', { name: 'Stopp' })).toBeDisabled();
    await expect.element(screen.getByRole('button', { name: 'Neuer Seed' })).toHaveAttribute('title', 'Einen neuen zufälligen Seed wählen');
    const epochs = screen.getByLabelText('Epochen');
    await expect.element(epochs).toHaveValue('300');
    await expect.element(screen.getByLabelText('Lernrate')).toHaveValue('0,001');
    await userEvent.fill(epochs, 'abc');
    await expect.element(epochs).toHaveAccessibleDescription('Epochen muss eine Zahl sein, nicht „abc“.');
    await expect.element(screen.getByRole('button', { name: 'Trainieren' })).toBeDisabled();
    await userEvent.fill(epochs, '50');
    await userEvent.fill(screen.getByLabelText('Lernrate'), '0,01');
    await expect.element(screen.getByRole('button', { name: 'Trainieren' })).toBeEnabled();
    await page.screenshot({ path: '__screenshots__/viz/train-panel-de.png', element: screen.container });
  });

  it('shows the progress in German with a decimal comma', async () => {
    const screen = await render(TrainPanel, { ...panel, running: true, epoch: 120, msLeft: 1234 });
    await expect.element(screen.getByText('Epoche 120/300 · noch ~1,2 s')).toBeVisible();
    await expect.element(screen.getByRole('progressbar', { name: 'Trainingsfortschritt' })).toBeVisible();
  });
});

describe('Matrix in German', () => {
  it('writes 5,30 and 0,0619 in the cells and says what the table is in German', async () => {
    const values = Float32Array.from([5.3, 0.0619, -1.25, 0]);
    const screen = await render(Matrix, { tensor: { shape: [2, 2], values }, title: 'kernel' });
    await expect.element(screen.getByRole('gridcell', { name: 'kernel[0][0] = 5,30' })).toHaveTextContent('5,30');
    await expect.element(screen.getByRole('gridcell', { name: 'kernel[0][1] = 0,0619' })).toHaveTextContent('0,0619');
    await expect.element(screen.getByRole('gridcell', { name: 'kernel[1][0] = \u22121,25' })).toBeVisible();
    await expect.element(screen.getByRole('columnheader', { name: 'Index' })).toBeInTheDocument();
    await expect.element(screen.getByRole('img', { name: 'Farbskala: blau \u22125,30, neutral 0, rot 5,30' })).toBeVisible();
  });

  it('names a large matrix drawn as a heatmap in German and reads a cell with a comma', async () => {
    const values = Float32Array.from({ length: 3 * 4 * 60 }, (_, i) => i / 100);
    const screen = await render(Matrix, { tensor: { shape: [3, 4, 60], values }, title: 'w' });
    await expect.element(screen.getByText('dargestellt als 12 × 60: die letzte Dimension als Spalten, die ersten 2 zu Zeilen zusammengefasst')).toBeVisible();
    await expect.element(screen.getByText('Zeigen Sie auf eine Zelle, um ihren Wert zu lesen.')).toBeVisible();
    const canvas = screen.getByLabelText(/^w: Heatmap aus 12 × 60 Werten; zeigen Sie/);
    (canvas.element() as HTMLCanvasElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.element(screen.getByText('w[0][0][1] = 0,0100')).toBeVisible();
  });
});

describe('ProbabilityBars in German', () => {
  it('names the prediction in German with percentages 97,1 %', async () => {
    const screen = await render(ProbabilityBars, { probabilities: new Float32Array([0.021, 0.9712, 0.0078]), classNames: ['setosa', 'versicolor', 'virginica'], stale: true });
    await expect.element(screen.getByText('Vorhersage:')).toHaveTextContent('Vorhersage: versicolor (97,1 %)');
    await expect.element(screen.getByText('2,1 %')).toBeVisible();
    await expect.element(screen.getByRole('status')).toHaveTextContent('veraltet: Eingabe korrigieren');
    await expect.element(screen.getByRole('region', { name: 'Wahrscheinlichkeiten der Klassen' })).toBeVisible();
  });
});

describe('TrainingCurves in German', () => {
  it('says Epoche and writes the axis ticks with a decimal comma', async () => {
    const history = Array.from({ length: 30 }, (_, i) => ({ epoch: i, loss: 1.1 * Math.exp(-i / 10), accuracy: 0.3 + i / 50 }));
    const screen = await render(TrainingCurves, { history, totalEpochs: 60 });
    await expect.element(screen.getByText('Epoche 30/60')).toBeVisible();
    await expect.element(screen.getByText('Genauigkeit', { exact: true })).toBeVisible();
    const ticks = [...screen.container.querySelectorAll('text.tick')].map((t) => t.textContent);
    expect(ticks).toContain('Epoche');
    expect(ticks.some((t) => /^0,\d$/.test(t ?? ''))).toBe(true);
    expect(ticks.some((t) => /^\d\.\d$/.test(t ?? ''))).toBe(false);
    await expect.element(screen.getByRole('img', { name: 'Loss über 60 Epochen' })).toBeVisible();
  });
});

describe('Dense arithmetic in German', () => {
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units: 3, inputShape: [4], name: 'dense', kernelInitializer: tfl.initializers.glorotUniform({ seed: 4 }) })],
  });
  model.layers[0].setWeights([model.layers[0].getWeights()[0], tf.tensor1d([0.25, -0.5, 0.125])]);
  afterAll(() => model.dispose());
  const trace = traceModel(model, [5.3, 3.4, 1.9, 0.0619]);

  it('writes the sum with decimal commas and explains it in German', async () => {
    const step = trace.steps[0];
    const screen = await render(DenseArithmetic, { step, neuron: 1 });
    await expect.element(screen.getByText('Formel:')).toBeVisible();
    await expect.element(screen.getByText('Ausgabe-Neuron:')).toBeVisible();
    await expect.element(screen.getByText('values_1[0, 1] = 5,30·', { exact: false })).toBeVisible();
    await expect.element(screen.getByText('0,0619', { exact: true }).first()).toBeVisible();
    await expect.element(screen.getByRole('rowheader', { name: 'Summe' })).toBeVisible();
    await expect.element(screen.getByText(/^✓ Die Summe stimmt bis auf \|d\| = .* mit tfjs überein\.$/)).toBeVisible();
    expect(screen.container.textContent).not.toMatch(/\d\.\d/);
    await page.screenshot({ path: '__screenshots__/viz/dense-arithmetic-de.png', element: screen.container });
  });

  it('says the check against the reference in German', async () => {
    const screen = await render(LayerArithmetic, { step: trace.steps[0] });
    await expect.element(screen.getByRole('status')).toHaveTextContent(/^✓ max \|tfjs − Referenz\| = .* OK \(höchstens /);
    await expect.element(screen.getByRole('region', { name: 'Rechnung von dense' })).toBeVisible();
  });
});

describe('Dropout arithmetic in German', () => {
  it('names both modes in German and writes the rate and the factor with a decimal comma', async () => {
    const x = Float32Array.from({ length: 16 }, (_, i) => (i - 5) / 3);
    const step: TraceStep = {
      index: 1, name: 'dropout', className: 'Dropout', config: { rate: 0.1 }, paramCount: 0,
      inputNames: ['dense'], inputValues: [1], inputs: [{ shape: [1, 16], values: x }], params: [],
      output: { shape: [1, 16], values: x.slice() }, reference: { shape: [1, 16], values: x.slice() }, maxAbsDiff: 0,
    };
    const screen = await render(DropoutArithmetic, { step });
    await expect.element(screen.getByRole('group', { name: 'Modus' })).toBeVisible();
    await screen.getByLabelText('Training (ein Durchlauf)').click();
    await expect.element(screen.getByTestId('dropout-factor')).toHaveTextContent(/^Faktor = 1 \/ \(1 − 0,1\) = 1,111 · \d+ von 16 Werten behalten, \d+ verworfen$/);
    await expect.element(screen.getByRole('button', { name: 'Neue Maske ziehen' })).toBeVisible();
    await expect.element(screen.getByLabelText('Seed der Maske')).toHaveValue(1);
    await expect.element(screen.getByRole('columnheader', { name: 'Maske' })).toBeVisible();
    await expect.element(screen.getByText(/^aus der Maske nachgerechnet: max \|d\| = /)).toBeVisible();
    expect(screen.container.textContent).not.toMatch(/\d\.\d/);
  });
});

describe('switching the language while the views are on screen', () => {
  it('redraws the labels and numbers, and keeps what the user typed', async () => {
    setLanguage('en');
    const matrix = await render(Matrix, { tensor: { shape: [1, 2], values: Float32Array.from([5.3, 0.0619]) }, title: 'bias' });
    const bars = await render(ProbabilityBars, { probabilities: [0.25, 0.75], classNames: ['a', 'b'] });
    const train = await render(TrainPanel, panel);
    await expect.element(matrix.getByRole('gridcell', { name: 'bias[0][0] = 5.30' })).toBeVisible();
    await userEvent.fill(train.getByLabelText('Epochs'), '77');
    setLanguage('de');
    await expect.element(matrix.getByRole('gridcell', { name: 'bias[0][0] = 5,30' })).toHaveTextContent('5,30');
    await expect.element(matrix.getByRole('gridcell', { name: 'bias[0][1] = 0,0619' })).toBeVisible();
    await expect.element(bars.getByText('Vorhersage:')).toHaveTextContent('Vorhersage: b (75,0 %)');
    await expect.element(train.getByLabelText('Epochen')).toHaveValue('77');
    await expect.element(train.getByRole('button', { name: 'Trainieren' })).toBeVisible();
  });
});
