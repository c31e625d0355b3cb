/** The page around the sections: header, tagline, status line and the language switch. */
import { defineMessages } from '../define';

export const shell = defineMessages(
  'shell',
  {
    tagline: 'See inside a neural network, layer by layer.',
    languageLabel: 'Language',
    switchTo: (name: string) => `Show Layer Lens in ${name}`,
  },
  {
    tagline: 'Ein neuronales Netz von innen sehen, Schicht für Schicht.',
    languageLabel: 'Sprache',
    switchTo: (name) => `Layer Lens auf ${name} anzeigen`,
  },
);
