/** model.evaluate on the test images (src/viz/sections/EvaluateSection.svelte). */
import { defineMessages } from '../define';
import { formatInteger, formatPercent } from '../format';

export const appEvaluate = defineMessages(
  'app-evaluate',
  {
    heading: 'Evaluate on the test set',
    /** Python, with a comment in the language on screen. */
    code: (rows: number) => `test_loss, test_acc = model.evaluate(x_test, y_test)  # ${formatInteger(rows)} test images`,
    button: 'Evaluate',
    again: 'Evaluate again',
    running: (fraction: number) => `Evaluating… ${formatPercent(fraction, 0)}`,
    untrained: 'The model has its random initial weights: train it first to see what it gets right.',
    pick: 'Click a mistake to make it the input and step through the network with it; click a cell of the matrix to see only its images.',
    logitsBefore: "The model's outputs are not probabilities (logits): softmax was applied first, as",
    logitsAfter: 'would.',
    loss: 'Test loss',
    accuracy: 'test accuracy',
    counts: (correct: number, rows: number, wrong: number) =>
      `(${formatInteger(correct)} of ${formatInteger(rows)} right, ${formatInteger(wrong)} wrong)`,
    loadingViews: 'Loading the confusion matrix…',
  },
  {
    heading: 'Auswertung auf den Testdaten',
    code: (rows) => `test_loss, test_acc = model.evaluate(x_test, y_test)  # ${formatInteger(rows)} Testbilder`,
    button: 'Auswerten',
    again: 'Erneut auswerten',
    running: (fraction) => `Wird ausgewertet… ${formatPercent(fraction, 0)}`,
    untrained: 'Das Modell hat noch seine zufälligen Anfangsgewichte: Trainieren Sie es zuerst, um zu sehen, was es richtig erkennt.',
    pick: 'Ein falsch erkanntes Bild anklicken, um es als Eingabe Schritt für Schritt durch das Netz zu verfolgen; eine Zelle der Matrix anklicken, um nur ihre Bilder zu sehen.',
    logitsBefore: 'Die Ausgaben des Modells sind keine Wahrscheinlichkeiten (Logits): Zuerst wurde softmax angewandt, wie es',
    logitsAfter: 'täte.',
    loss: 'Test-Loss',
    accuracy: 'Test-Genauigkeit',
    counts: (correct, rows, wrong) => `(${formatInteger(correct)} von ${formatInteger(rows)} richtig, ${formatInteger(wrong)} falsch)`,
    loadingViews: 'Die Konfusionsmatrix wird geladen…',
  },
);
