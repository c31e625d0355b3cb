/** What the browser's model storage says (src/models/store): saving, loading and renaming a model. */
import { defineMessages } from '../define';

export const modelsStore = defineMessages(
  'models-store',
  {
    noName: 'Give the model a name.',
    nameTooLong: (max: number) => `The name is too long (at most ${max} characters).`,
    quota: 'The browser has no room left to keep this model. Delete saved models you no longer need.',
    failed: (detail: string) => `The browser's model storage failed: ${detail}`,
    noStorage: 'This browser offers no storage for models (IndexedDB is unavailable, e.g. in a private window).',
    goneElsewhere: 'This saved model no longer exists (it may have been deleted in another tab).',
    gone: 'This saved model no longer exists.',
    aborted: 'The browser aborted the storage transaction.',
    blocked: 'The model storage is blocked by another tab of this app; close it and try again.',
  },
  {
    noName: 'Bitte dem Modell einen Namen geben.',
    nameTooLong: (max) => `Der Name ist zu lang (höchstens ${max} Zeichen).`,
    quota: 'Im Browser ist kein Platz mehr, um dieses Modell zu speichern. Bitte gespeicherte Modelle löschen, die nicht mehr gebraucht werden.',
    failed: (detail) => `Der Modellspeicher des Browsers hat versagt: ${detail}`,
    noStorage: 'Dieser Browser bietet keinen Speicher für Modelle (IndexedDB ist nicht verfügbar, z. B. in einem privaten Fenster).',
    goneElsewhere: 'Dieses gespeicherte Modell gibt es nicht mehr (es wurde vielleicht in einem anderen Tab gelöscht).',
    gone: 'Dieses gespeicherte Modell gibt es nicht mehr.',
    aborted: 'Der Browser hat den Speichervorgang abgebrochen.',
    blocked: 'Der Modellspeicher wird von einem anderen Tab dieser App blockiert; bitte diesen schließen und erneut versuchen.',
  },
);
