/**
 * Stepping through the network (src/viz/sections/InspectSection.svelte, InputDetail.svelte,
 * LayerSummary.svelte, StepDetail.svelte, TensorView.svelte): the reference check line, the
 * input step, a layer's card and the titles of its tensors.
 */
import { defineMessages } from '../define';
import { formatInteger } from '../format';

export const appInspect = defineMessages(
  'app-inspect',
  {
    heading: '3 · Step through the network',
    check: {
      failed: (list: string) => `Check failed for ${list}.`,
      recomputed: (checked: number, total: number) =>
        `${checked === total ? 'Every layer' : `${formatInteger(checked)} of ${formatInteger(total)} layers`} recomputed in plain TypeScript: largest difference from tfjs`,
      within: '(within 1e−5 × max(1, |value|) ✓)',
      referenceFailed: '(a reference failed: not checked)',
      mismatch: '(more than 1e−5 × max(1, |value|): mismatch)',
      unchecked: (list: string) => `· no reference yet for ${list}`,
      stale: '· stale: showing the last valid input',
    },
    loadingOverview: 'Loading the feature-map overview…',
    loadingModel: 'Loading the model…',
    input: {
      heading: 'values_0 · the input',
      scaled: 'Your raw input, then scaled the way the model was trained:',
      rawTitle: 'raw input',
      /** Before `values_0` (the noun: "digit", "input"). */
      given: (noun: string) => `The ${noun} you gave, as the network's first values:`,
      /** After `values_0`. */
      ofShape: (shape: string, count: number) => `of shape (${shape}), ${formatInteger(count)} numbers.`,
      entered: (noun: string) => `The ${noun} you entered, as the network's first values:`,
      next: 'Step on with → (or click a layer) to see what each layer does to it.',
    },
    summary: {
      parameters: 'parameters',
      outputShape: 'output shape',
    },
    step: {
      input: (label: string) => `input: ${label}`,
      output: (label: string) => `output: ${label}`,
      zeroedByRelu: 'set to 0 by ReLU',
    },
    tensor: {
      value: 'value',
      caption: (title: string, shape: string) => `${title}, shape (${shape})`,
    },
  },
  {
    heading: '3 · Schritt für Schritt durch das Netz',
    check: {
      failed: (list) => `Prüfung fehlgeschlagen für ${list}.`,
      recomputed: (checked, total) =>
        `${checked === total ? 'Jede Schicht' : `${formatInteger(checked)} von ${formatInteger(total)} Schichten`} in reinem TypeScript nachgerechnet: größte Abweichung von tfjs`,
      within: '(innerhalb 1e−5 × max(1, |Wert|) ✓)',
      referenceFailed: '(eine Referenz ist fehlgeschlagen: nicht geprüft)',
      mismatch: '(mehr als 1e−5 × max(1, |Wert|): Abweichung)',
      unchecked: (list) => `· noch keine Referenz für ${list}`,
      stale: '· veraltet: gezeigt wird die letzte gültige Eingabe',
    },
    loadingOverview: 'Die Übersicht der Feature-Maps wird geladen…',
    loadingModel: 'Das Modell wird geladen…',
    input: {
      heading: 'values_0 · die Eingabe',
      scaled: 'Ihre Roheingabe, dann so skaliert, wie das Modell trainiert wurde:',
      rawTitle: 'Roheingabe',
      given: (_noun) => 'Ihre Eingabe als erste Werte des Netzes:',
      ofShape: (shape, count) => `mit der Form (${shape}), ${formatInteger(count)} Zahlen.`,
      entered: (_noun) => 'Ihre Eingabe als erste Werte des Netzes:',
      next: 'Mit → weitergehen (oder eine Schicht anklicken), um zu sehen, was jede Schicht daraus macht.',
    },
    summary: {
      parameters: 'Parameter',
      outputShape: 'Ausgabeform',
    },
    step: {
      input: (label) => `Eingabe: ${label}`,
      output: (label) => `Ausgabe: ${label}`,
      zeroedByRelu: 'durch ReLU auf 0 gesetzt',
    },
    tensor: {
      value: 'Wert',
      caption: (title, shape) => `${title}, Form (${shape})`,
    },
  },
);
