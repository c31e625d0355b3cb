/** The model panel around model.summary() and the Keras code (those two texts stay as Keras prints them). */
import { defineMessages } from '../define';

export const viewModel = defineMessages(
  'view-model',
  {
    heading: 'The model in Keras',
    empty: 'No model yet: its summary and Keras code show here once it is built.',
    copy: 'Copy',
    copyLabel: (what: string) => `Copy: ${what}`,
    copied: 'Copied',
    copyFailed: 'Could not copy: select the text and press Ctrl+C',
    codeHeading: 'Keras code',
    codeLabel: 'Keras code that builds this model',
    summaryLabel: 'model.summary() as Keras prints it',
    totals: (total: string, trainable: string, frozen: string) =>
      `${total} parameters: ${trainable} trainable, ${frozen} non-trainable.`,
  },
  {
    heading: 'Das Modell in Keras',
    empty: 'Noch kein Modell: Seine Zusammenfassung und sein Keras-Code erscheinen hier, sobald es gebaut ist.',
    copy: 'Kopieren',
    copyLabel: (what) => `Kopieren: ${what}`,
    copied: 'Kopiert',
    copyFailed: 'Kopieren nicht möglich: Bitte den Text markieren und Strg+C drücken',
    codeHeading: 'Keras-Code',
    codeLabel: 'Keras-Code, der dieses Modell baut',
    summaryLabel: 'model.summary(), wie Keras es ausgibt',
    totals: (total, trainable, frozen) => `${total} Parameter: ${trainable} trainierbar, ${frozen} nicht trainierbar.`,
  },
);
