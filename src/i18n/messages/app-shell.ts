/**
 * The page around the sections (src/viz/App.svelte, sections/Guard.svelte,
 * sections/CourseSwitcher.svelte): the status line, the start-up error, each section's name in
 * its error boundary, the course switcher.
 */
import { defineMessages } from '../define';
import { formatPercent } from '../format';

export const appShell = defineMessages(
  'app-shell',
  {
    status: {
      model: 'Model:',
      inference: (backend: string) => `Inference: ${backend}`,
      training: (engine: string) => `Training: ${engine}`,
    },
    startFailed: (message: string) => `Layer Lens could not start: ${message}`,
    sections: {
      training: 'Training',
      ownModel: 'Your own model',
      photos: 'Train on your photos',
      input: 'Input',
      regression: 'Evaluate the regression',
      evaluate: 'Evaluate',
      inspect: 'Step through the network',
      keras: 'The model in Keras',
      exports: 'Exports',
    },
    guard: {
      failed: (message: string) => `This view could not be drawn: ${message}`,
      retry: 'Try again',
    },
    courses: {
      label: 'Course',
      loading: 'Loading the data',
      percent: (fraction: number) => formatPercent(fraction, 0),
    },
  },
  {
    status: {
      model: 'Modell:',
      inference: (backend) => `Inferenz: ${backend}`,
      training: (engine) => `Training: ${engine}`,
    },
    startFailed: (message) => `Layer Lens konnte nicht starten: ${message}`,
    sections: {
      training: 'Training',
      ownModel: 'Ihr eigenes Modell',
      photos: 'Mit eigenen Fotos trainieren',
      input: 'Eingabe',
      regression: 'Regression auswerten',
      evaluate: 'Auswertung',
      inspect: 'Schritt für Schritt durch das Netz',
      keras: 'Das Modell in Keras',
      exports: 'Exporte',
    },
    guard: {
      failed: (message) => `Diese Ansicht konnte nicht gezeichnet werden: ${message}`,
      retry: 'Erneut versuchen',
    },
    courses: {
      label: 'Kurs',
      loading: 'Daten werden geladen',
      percent: (fraction) => formatPercent(fraction, 0),
    },
  },
);
