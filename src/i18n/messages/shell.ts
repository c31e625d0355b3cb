/** The page around the sections: header, tagline, status line and the language switch. */
import { defineMessages } from '../define';

export const shell = defineMessages(
  'shell',
  {
    tagline: 'See inside a neural network, layer by layer.',
    languageLabel: 'Language',
    /** The switch's tooltip per language it switches to. */
    switchTo: { de: 'Show Layer Lens in German', en: 'Show Layer Lens in English' },
  },
  {
    tagline: 'Ein neuronales Netz von innen sehen, Schicht für Schicht.',
    languageLabel: 'Sprache',
    switchTo: { de: 'Layer Lens auf Deutsch anzeigen', en: 'Layer Lens auf Englisch anzeigen' },
  },
);
