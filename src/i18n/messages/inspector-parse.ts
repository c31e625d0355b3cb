/**
 * What the input parser says (src/inspector/parse.ts): errors for a number or a row the user
 * typed, the warning for a value outside the training data, and errors in a list of names.
 * Both languages accept "5,3" and "5.3"; the examples say so.
 */
import { defineMessages } from '../define';
import { formatPlain } from '../plain-number';

/** The German words for the lists parseNames is asked about (callers name them in English). */
const NAMES_DE: Record<string, string> = { names: 'Namen', 'input names': 'Eingabenamen', 'class names': 'Klassennamen' };
const namesDe = (what: string) => NAMES_DE[what] ?? what;

export const inspectorParse = defineMessages(
  'inspector-parse',
  {
    enterNumber: 'Enter a number',
    notANumber: (text: string) => `"${text}" is not a number: enter a value, e.g. 5,3 or 5.3`,
    infinite: 'Enter a finite number, not infinity',
    mixed: (text: string) =>
      `"${text}" mixes a comma and a point; use one decimal separator and no thousands separator, e.g. 1234,5 or 1234.5`,
    commas: (text: string) => `"${text}" has more than one decimal comma; enter one number, e.g. 5,3 or 5.3`,
    points: (text: string) => `"${text}" has more than one decimal point; enter one number, e.g. 5,3 or 5.3`,
    space: (text: string) => `"${text}" contains a space; enter one number, e.g. 5,3 or 5.3`,
    notNumber: (text: string) => `"${text}" is not a number; enter a value such as 5,3 or 5.3`,
    tooLarge: (text: string) => `"${text}" is too large; numbers must stay below 3.4e38`,
    atLeast: (min: number) => `Must be at least ${min}${min === 0 ? ' (a measurement cannot be negative)' : ''}`,
    atMost: (max: number) => `Must be at most ${max}`,
    pasteRow: (count: number) => `Paste ${count} numbers, e.g. 5,3 3,4 1,9 0,6`,
    ambiguous: (text: string) =>
      `"${text}" is ambiguous: each comma could be a decimal comma or a separator. ` +
      'Separate the values with spaces or semicolons (5,3 3,4 1,9 0,6 or 5,3; 3,4; 1,9; 0,6) ' +
      'or write decimal points (5.3, 3.4, 1.9, 0.6)',
    count: (expected: number, got: number) => `Expected ${expected} values, got ${got}`,
    valueAt: (position: number, error: string) => `Value ${position}: ${error}`,
    outside: (name: string, value: number, below: boolean, min: number, max: number) =>
      `${name} = ${value} is ${below ? 'below' : 'above'} the training data (${min} to ${max}): the model extrapolates a little here.`,
    farOutside: (name: string, value: number, below: boolean, min: number, max: number) =>
      `${name} = ${value} is far ${below ? 'below' : 'above'} the training data (${min} to ${max}): ` +
      'the model is extrapolating, so treat its prediction with care.',
    names: {
      enter: (count: number, what: string) => `Enter ${count} ${what}, separated by ";" or ",".`,
      empty: (what: string) => `One of the ${what} is empty.`,
      count: (expected: number, what: string, got: number) => `Expected ${expected} ${what}, got ${got}.`,
      twice: (name: string, what: string) => `"${name}" appears twice: each of the ${what} must be different.`,
    },
  },
  {
    enterNumber: 'Bitte eine Zahl eingeben',
    notANumber: (text) => `„${text}“ ist keine Zahl: Bitte einen Wert eingeben, z. B. 5,3 oder 5.3`,
    infinite: 'Bitte eine endliche Zahl eingeben, nicht unendlich',
    mixed: (text) =>
      `„${text}“ mischt Komma und Punkt; bitte nur ein Dezimaltrennzeichen und kein Tausendertrennzeichen verwenden, z. B. 1234,5 oder 1234.5`,
    commas: (text) => `„${text}“ hat mehr als ein Dezimalkomma; bitte eine einzelne Zahl eingeben, z. B. 5,3 oder 5.3`,
    points: (text) => `„${text}“ hat mehr als einen Dezimalpunkt; bitte eine einzelne Zahl eingeben, z. B. 5,3 oder 5.3`,
    space: (text) => `„${text}“ enthält ein Leerzeichen; bitte eine einzelne Zahl eingeben, z. B. 5,3 oder 5.3`,
    notNumber: (text) => `„${text}“ ist keine Zahl; bitte einen Wert wie 5,3 oder 5.3 eingeben`,
    tooLarge: (text) => `„${text}“ ist zu groß; Zahlen müssen unter 3,4e38 bleiben`,
    atLeast: (min) => `Muss mindestens ${formatPlain(min)} sein${min === 0 ? ' (ein Messwert kann nicht negativ sein)' : ''}`,
    atMost: (max) => `Darf höchstens ${formatPlain(max)} sein`,
    pasteRow: (count) => `Bitte ${count} Zahlen einfügen, z. B. 5,3 3,4 1,9 0,6`,
    ambiguous: (text) =>
      `„${text}“ ist mehrdeutig: Jedes Komma könnte ein Dezimalkomma oder ein Trennzeichen sein. ` +
      'Bitte die Werte mit Leerzeichen oder Semikolons trennen (5,3 3,4 1,9 0,6 oder 5,3; 3,4; 1,9; 0,6) ' +
      'oder Dezimalpunkte schreiben (5.3, 3.4, 1.9, 0.6)',
    count: (expected, got) => `${expected} Werte erwartet, ${got} erhalten`,
    valueAt: (position, error) => `Wert ${position}: ${error}`,
    outside: (name, value, below, min, max) =>
      `${name} = ${formatPlain(value)} liegt ${below ? 'unter' : 'über'} den Trainingsdaten (${formatPlain(min)} bis ${formatPlain(max)}): Hier extrapoliert das Modell ein wenig.`,
    farOutside: (name, value, below, min, max) =>
      `${name} = ${formatPlain(value)} liegt weit ${below ? 'unter' : 'über'} den Trainingsdaten (${formatPlain(min)} bis ${formatPlain(max)}): ` +
      'Das Modell extrapoliert hier, seine Vorhersage ist daher mit Vorsicht zu lesen.',
    names: {
      enter: (count, what) => `Bitte ${count} ${namesDe(what)} eingeben, getrennt durch „;“ oder „,“.`,
      empty: (what) => `Einer der ${namesDe(what)} ist leer.`,
      count: (expected, what, got) => `${expected} ${namesDe(what)} erwartet, ${got} erhalten.`,
      twice: (name, what) => `„${name}“ kommt zweimal vor: Alle ${namesDe(what)} müssen verschieden sein.`,
    },
  },
);
