/** The matrix views (table and canvas heatmap), the colour legend and the probability bars. */
import { defineMessages } from '../define';

export const viewMatrix = defineMessages(
  'view-matrix',
  {
    value: 'value',
    marked: 'marked',
    cannotShow: (title: string, shape: string, size: number, got: number) =>
      `Cannot show ${title}: shape ${shape} needs ${size} values, got ${got}.`,
    reshaped: (rows: number, cols: number, flattened: number) =>
      `shown as ${rows} × ${cols}: the last dimension as columns, the first ${flattened} flattened into rows`,
    corner: 'index',
    heatmapLabel: (title: string, rows: number, cols: number) =>
      `${title}: heatmap of ${rows} × ${cols} values; point at a cell or use the arrow keys to read a value`,
    heatmapFallback: (title: string, rows: number, cols: number) => `${title}: heatmap of ${rows} × ${cols} values.`,
    pointAtCell: 'Point at a cell to read its value.',
    colourScale: (low: string, high: string) => `Colour scale: blue ${low}, neutral 0, red ${high}`,
    probabilities: 'Class probabilities',
    className: (i: number) => `class ${i}`,
    prediction: 'Prediction:',
    stale: 'stale: fix the input',
  },
  {
    value: 'Wert',
    marked: 'markiert',
    cannotShow: (title, shape, size, got) =>
      `${title} lässt sich nicht anzeigen: Die Form ${shape} braucht ${size} Werte, es sind aber ${got}.`,
    reshaped: (rows, cols, flattened) =>
      `dargestellt als ${rows} × ${cols}: die letzte Dimension als Spalten, die ersten ${flattened} zu Zeilen zusammengefasst`,
    corner: 'Index',
    heatmapLabel: (title, rows, cols) =>
      `${title}: Heatmap aus ${rows} × ${cols} Werten; zeigen Sie auf eine Zelle oder lesen Sie die Werte mit den Pfeiltasten`,
    heatmapFallback: (title, rows, cols) => `${title}: Heatmap aus ${rows} × ${cols} Werten.`,
    pointAtCell: 'Zeigen Sie auf eine Zelle, um ihren Wert zu lesen.',
    colourScale: (low, high) => `Farbskala: blau ${low}, neutral 0, rot ${high}`,
    probabilities: 'Wahrscheinlichkeiten der Klassen',
    className: (i) => `Klasse ${i}`,
    prediction: 'Vorhersage:',
    stale: 'veraltet: Eingabe korrigieren',
  },
);
