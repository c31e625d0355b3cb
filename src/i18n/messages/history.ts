/** The weights' history: the epoch slider, what it keeps, and the notes that say an earlier epoch is shown. */
import { defineMessages } from '../define';
import { formatInteger } from '../format';

export const history = defineMessages(
  'history',
  {
    heading: 'Weights through time',
    sliderLabel: 'Epoch shown',
    /** Kept: all epochs 0..last. */
    keptAll: (snapshots: number, size: string) => `Weights of all ${formatInteger(snapshots)} epochs kept (${size})`,
    /** Kept: some, evenly spread. */
    keptSome: (snapshots: number, total: number, size: string) =>
      `Weights of ${formatInteger(snapshots)} of ${formatInteger(total)} epochs kept, evenly spread (${size})`,
    keptNote: 'Epoch 0 is the initial weights, before any training.',
    epochOf: (epoch: number, last: number) => `epoch ${formatInteger(epoch)} of ${formatInteger(last)}`,
    initial: 'epoch 0: the initial weights',
    finalShown: (last: number) => `The final model (epoch ${formatInteger(last)}) is on screen.`,
    pastShown: (epoch: number, last: number) =>
      epoch === 0
        ? `Every view shows the initial weights (epoch 0), not the final model (epoch ${formatInteger(last)}).`
        : `Every view shows the weights after epoch ${formatInteger(epoch)}, not the final model (epoch ${formatInteger(last)}).`,
    backToLast: (last: number) => `Back to the final model (epoch ${formatInteger(last)})`,
    hint: 'Drag, or use the arrow keys, Page Up/Down, Home and End: the matrices, the diagram, the arithmetic and the prediction follow.',
    marker: (epoch: number) => `epoch ${formatInteger(epoch)} shown`,
    exportNote: (epoch: number, last: number) =>
      `The exports below hold what is on screen: the weights after epoch ${formatInteger(epoch)}, not the final model (epoch ${formatInteger(last)}).`,
  },
  {
    heading: 'Die Gewichte im Verlauf',
    sliderLabel: 'Angezeigte Epoche',
    keptAll: (snapshots, size) => `Gewichte aller ${formatInteger(snapshots)} Epochen gespeichert (${size})`,
    keptSome: (snapshots, total, size) =>
      `Gewichte von ${formatInteger(snapshots)} der ${formatInteger(total)} Epochen gespeichert, gleichmäßig verteilt (${size})`,
    keptNote: 'Epoche 0 sind die Anfangsgewichte, vor jedem Training.',
    epochOf: (epoch, last) => `Epoche ${formatInteger(epoch)} von ${formatInteger(last)}`,
    initial: 'Epoche 0: die Anfangsgewichte',
    finalShown: (last) => `Das fertige Modell (Epoche ${formatInteger(last)}) wird angezeigt.`,
    pastShown: (epoch, last) =>
      epoch === 0
        ? `Alle Ansichten zeigen die Anfangsgewichte (Epoche 0), nicht das fertige Modell (Epoche ${formatInteger(last)}).`
        : `Alle Ansichten zeigen die Gewichte nach Epoche ${formatInteger(epoch)}, nicht das fertige Modell (Epoche ${formatInteger(last)}).`,
    backToLast: (last) => `Zurück zum fertigen Modell (Epoche ${formatInteger(last)})`,
    hint: 'Ziehen oder Pfeiltasten, Bild auf/ab, Pos1 und Ende verwenden: Matrizen, Diagramm, Rechenweg und Vorhersage folgen.',
    marker: (epoch) => `Epoche ${formatInteger(epoch)} angezeigt`,
    exportNote: (epoch, last) =>
      `Die Exporte unten enthalten, was angezeigt wird: die Gewichte nach Epoche ${formatInteger(epoch)}, nicht das fertige Modell (Epoche ${formatInteger(last)}).`,
  },
);
