/** The neuron diagram and the layer stepper. */
import { defineMessages } from '../define';

export const viewDiagram = defineMessages(
  'view-diagram',
  {
    layers: 'Layers',
    inputStep: 'values_0 · input',
    pixel: (row: number, col: number) => `pixel (${row}, ${col})`,
    input: (i: number) => `input ${i}`,
    edge: (layer: string, from: number, to: number, weight: string) => `${layer}: input ${from} -> neuron ${to}, w = ${weight}`,
    kept: (n: number) => `; the strongest ${n} edges per layer for this input (largest |w · x|)`,
    summary: (units: string, weights: string, kept: string) => `Neuron diagram: ${units} units, ${weights} weights drawn${kept}`,
    picture: (height: number, width: number, units: number) => `${height} × ${width} picture, ${units} units`,
    allUnits: (units: number) => `all ${units} units`,
    showing: (shown: number, units: number) => `showing ${shown} of ${units}`,
    units: (units: number) => `${units} units`,
    strongest: (drawn: string, total: string) => `strongest ${drawn} of ${total} weights`,
    neverFires: ': never fires (0 for every row of the data)',
    pointAtEdge: 'Point at a connection to read its weight.',
    deadNote: (count: number) =>
      `${count} ${count === 1 ? 'unit never fires' : 'units never fire'}: their output is 0 for every row of the data, so nothing flows on from them.`,
  },
  {
    layers: 'Schichten',
    inputStep: 'values_0 · Eingabe',
    pixel: (row, col) => `Pixel (${row}, ${col})`,
    input: (i) => `Eingabe ${i}`,
    edge: (layer, from, to, weight) => `${layer}: Eingabe ${from} -> Neuron ${to}, w = ${weight}`,
    kept: (n) => `; je Schicht die ${n} stärksten Verbindungen für diese Eingabe (größtes |w · x|)`,
    summary: (units, weights, kept) => `Neuronendiagramm: ${units} Neuronen, ${weights} Gewichte gezeichnet${kept}`,
    picture: (height, width, units) => `Bild ${height} × ${width}, ${units} Neuronen`,
    allUnits: (units) => `alle ${units} Neuronen`,
    showing: (shown, units) => `${shown} von ${units} gezeigt`,
    units: (units) => `${units} Neuronen`,
    strongest: (drawn, total) => `die stärksten ${drawn} von ${total} Gewichten`,
    neverFires: ': feuert nie (0 für jede Zeile der Daten)',
    pointAtEdge: 'Zeigen Sie auf eine Verbindung, um ihr Gewicht zu lesen.',
    deadNote: (count) =>
      count === 1
        ? '1 Neuron feuert nie: Seine Ausgabe ist für jede Zeile der Daten 0, von ihm fließt also nichts weiter (eine tote ReLU).'
        : `${count} Neuronen feuern nie: Ihre Ausgabe ist für jede Zeile der Daten 0, von ihnen fließt also nichts weiter (tote ReLUs).`,
  },
);
