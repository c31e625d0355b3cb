/**
 * Why a run went wrong, in words a learner can act on (src/models/diagnostics.ts): dead ReLU
 * units, a run stuck on one class, a weak run, and what validation_split holds out. `one`/`many`
 * are the course's nouns ("flower"/"flowers", German "Blüte"/"Blüten").
 */
import { defineMessages } from '../define';
import { formatInteger, formatPercent } from '../format';

const enRows = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const deRows = (n: number, one: string, many: string) => `${formatInteger(n)} ${n === 1 ? one : many}`;
/** German list: "50 setosa, 50 versicolor und 35 virginica". */
const list = (parts: readonly string[], and: string, nothing: string) =>
  parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}` : (parts[0] ?? nothing);

export const modelsDiagnostics = defineMessages(
  'models-diagnostics',
  {
    row: 'row',
    rows: 'rows',
    classN: (index: number) => `class ${index}`,
    deadSingle: (dead: number, units: number) => `${dead} of ${units} hidden units`,
    deadOfLayer: (dead: number, units: number, layer: string) => `${dead} of ${units} units of layer ${layer}`,
    and: 'and',
    /** "… never fire (their ReLU output is 0 for every flower)"; `total` dead units in all. */
    deadTail: (total: number, one: string, _many: string) =>
      `${total === 1 ? 'never fires (its' : 'never fire (their'} ReLU output is 0 for every ${one})`,
    allFire: 'Every hidden unit fires for some row.',
    singleDead: (n: number, one: string, many: string, cls: string, dead: string, accuracy: number) =>
      `All ${enRows(n, one, many)} are predicted as ${cls}: ${dead}, so the network cannot tell the ${many} apart (accuracy ${formatPercent(accuracy)}). The random start left too few units alive. Retrain with a new seed.`,
    single: (n: number, one: string, many: string, cls: string, accuracy: number) =>
      `All ${enRows(n, one, many)} are predicted as ${cls} (accuracy ${formatPercent(accuracy)}): the network has not learned to tell the classes apart. Retrain with a new seed.`,
    stuck: (correct: number, n: number, one: string, many: string, accuracy: number, dead: string) =>
      `Only ${correct} of ${enRows(n, one, many)} (${formatPercent(accuracy)}) are classified correctly, little better than guessing${dead ? `; ${dead}` : ''}. Retrain with a new seed.`,
    correct: (correct: number, n: number, one: string, many: string, accuracy: number) =>
      `${correct} of ${enRows(n, one, many)} (${formatPercent(accuracy)}) are classified correctly.`,
    deadAddNothing: (dead: string) => ` ${dead[0].toUpperCase()}${dead.slice(1)}; those units add nothing.`,
    weak: ' That is weak: a run with a new seed may well do better.',
    noValidation: 'No rows are held out for validation (validation_split is 0).',
    lastRows: (valRows: number, trainRows: number) => `The last ${formatInteger(valRows)} rows are held out for validation; the first ${formatInteger(trainRows)} train.`,
    /** `trainList` like "50 setosa, 50 versicolor and 35 virginica" (built with `list`). */
    sortedSingle: (valRows: number, cls: string, trainList: string) =>
      `The last ${formatInteger(valRows)} rows, all ${cls}, are held out for validation: Keras takes validation_split from the end of the data before shuffling, and this data set is sorted by class. So val_accuracy only measures ${cls}, and training sees ${trainList}.`,
    mixed: (valRows: number, valList: string, trainList: string) =>
      `The last ${formatInteger(valRows)} rows are held out for validation: ${valList}. Training sees ${trainList}.`,
    list: (parts: readonly string[]) => list(parts, 'and', 'nothing'),
  },
  {
    row: 'Zeile',
    rows: 'Zeilen',
    classN: (index) => `Klasse ${index}`,
    deadSingle: (dead, units) => `${dead} von ${units} verborgenen Neuronen`,
    deadOfLayer: (dead, units, layer) => `${dead} von ${units} Neuronen der Schicht ${layer}`,
    and: 'und',
    deadTail: (total, _one, many) =>
      `${total === 1 ? 'feuert nie (seine' : 'feuern nie (ihre'} ReLU-Ausgabe ist für alle ${many} 0)`,
    allFire: 'Jedes verborgene Neuron feuert für mindestens eine Zeile.',
    singleDead: (n, one, many, cls, dead, accuracy) =>
      `Alle ${deRows(n, one, many)} werden als ${cls} vorhergesagt: ${dead}, daher kann das Netz die ${many} nicht unterscheiden (Genauigkeit ${formatPercent(accuracy)}). Der zufällige Start hat zu wenige Neuronen am Leben gelassen. Bitte mit einem neuen Seed neu trainieren.`,
    single: (n, one, many, cls, accuracy) =>
      `Alle ${deRows(n, one, many)} werden als ${cls} vorhergesagt (Genauigkeit ${formatPercent(accuracy)}): Das Netz hat nicht gelernt, die Klassen zu unterscheiden. Bitte mit einem neuen Seed neu trainieren.`,
    stuck: (correct, n, one, many, accuracy, dead) =>
      `Nur ${formatInteger(correct)} von ${deRows(n, one, many)} (${formatPercent(accuracy)}) werden richtig klassifiziert, kaum besser als Raten${dead ? `; ${dead}` : ''}. Bitte mit einem neuen Seed neu trainieren.`,
    correct: (correct, n, one, many, accuracy) =>
      `${formatInteger(correct)} von ${deRows(n, one, many)} (${formatPercent(accuracy)}) werden richtig klassifiziert.`,
    deadAddNothing: (dead) => ` ${dead[0].toUpperCase()}${dead.slice(1)}; diese Neuronen tragen nichts bei.`,
    weak: ' Das ist schwach: Mit einem neuen Seed gelingt ein Lauf oft besser.',
    noValidation: 'Es werden keine Zeilen für die Validierung zurückgehalten (validation_split ist 0).',
    lastRows: (valRows, trainRows) => `Die letzten ${formatInteger(valRows)} Zeilen werden für die Validierung zurückgehalten; mit den ersten ${formatInteger(trainRows)} wird trainiert.`,
    sortedSingle: (valRows, cls, trainList) =>
      `Die letzten ${formatInteger(valRows)} Zeilen, alle ${cls}, werden für die Validierung zurückgehalten: Keras nimmt validation_split vor dem Mischen vom Ende der Daten, und dieser Datensatz ist nach Klassen sortiert. Daher misst val_accuracy nur ${cls}, und das Training sieht ${trainList}.`,
    mixed: (valRows, valList, trainList) =>
      `Die letzten ${formatInteger(valRows)} Zeilen werden für die Validierung zurückgehalten: ${valList}. Das Training sieht ${trainList}.`,
    list: (parts) => list(parts, 'und', 'nichts'),
  },
);
