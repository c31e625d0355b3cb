/**
 * Trying an input (src/viz/sections/InputSection.svelte, sections/ImageInputPanel.svelte,
 * src/viz/InputForm.svelte): the heading, the picture input's words, the form's controls.
 */
import { defineMessages } from '../define';
import { formatInteger } from '../format';

/** A noun as a heading starts it: "flower" -> "Flower" (German nouns are capitalised already). */
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const appInput = defineMessages(
  'app-input',
  {
    heading: {
      course: (noun: string) => `2 · Try a ${noun}`,
      image: '2 · Try an image',
      input: '2 · Try an input',
    },
    loadingImageInput: 'Loading the image input…',
    predicted: (name: string) => `Predicted ${name}`,
    namesCourse: (inputs: number, outputs: number, title: string) =>
      `${formatInteger(inputs)} inputs and ${formatInteger(outputs)} outputs: a ${title} model?`,
    useNames: (title: string) => `Use the ${title} feature and class names`,
    output: 'Output:',
    staleOutput: ' (stale: fix the input)',
    image: {
      shown: 'The input on screen',
      drawn: 'your drawing',
      picture: (name: string) => `the picture "${name}"`,
      test: (index: number, label: string) => `test image ${index} (a ${label})`,
      pictureFallback: 'picture',
      pixels: 'The model expects its pixels',
      raw: 'as they are, 0 … 255',
      scaled: 'divided by 255 (x / 255), 0 … 1',
      custom: 'scaled as the scaler you entered',
      tensorLabel: 'input',
    },
    form: {
      presets: 'Presets',
      slider: (name: string) => `${name} (slider)`,
      paste: 'Paste a row',
      useRow: 'Use row',
    },
  },
  {
    heading: {
      course: (noun) => `2 · ${capital(noun)} ausprobieren`,
      image: '2 · Bild ausprobieren',
      input: '2 · Eingabe ausprobieren',
    },
    loadingImageInput: 'Die Bildeingabe wird geladen…',
    predicted: (name) => `Vorhersage: ${name}`,
    namesCourse: (inputs, outputs, title) =>
      `${formatInteger(inputs)} Eingaben und ${formatInteger(outputs)} Ausgaben: ein Modell für ${title}?`,
    useNames: (title) => `Merkmals- und Klassennamen von ${title} übernehmen`,
    output: 'Ausgabe:',
    staleOutput: ' (veraltet: Eingabe korrigieren)',
    image: {
      shown: 'Die gezeigte Eingabe',
      drawn: 'Ihre Zeichnung',
      picture: (name) => `das Bild „${name}“`,
      test: (index, label) => `Testbild ${index} (Klasse ${label})`,
      pictureFallback: 'Bild',
      pixels: 'Das Modell erwartet seine Pixel',
      raw: 'unverändert, 0 … 255',
      scaled: 'durch 255 geteilt (x / 255), 0 … 1',
      custom: 'skaliert mit dem eingegebenen Scaler',
      tensorLabel: 'Eingabe',
    },
    form: {
      presets: 'Vorgaben',
      slider: (name) => `${name} (Schieberegler)`,
      paste: 'Zeile einfügen',
      useRow: 'Zeile übernehmen',
    },
  },
);
