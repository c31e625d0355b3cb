/** The course model's training section (src/viz/sections/TrainSection.svelte). */
import { defineMessages } from '../define';
import { formatPercent } from '../format';

export const appTrain = defineMessages(
  'app-train',
  {
    heading: '1 · Train the course model',
    model: 'Model',
    codeLabel: 'The Keras code this model follows',
    waitingForData: (message: string, fraction: number) =>
      `${message} (${formatPercent(fraction, 0)}): training can start once the data is here.`,
    fromFile: 'You are looking at a model from a file. Training brings back the course model.',
    untrained: (seed: number) => `The network below has its random initial weights (seed ${seed}): train it to see what it learns.`,
    stuck: 'This run got stuck',
    weak: 'This run did not learn well',
    retrain: 'Retrain with a new seed',
    stopped: (epoch: number) => `Stopped after epoch ${epoch}: the weights reached so far are kept.`,
    validates: 'What validates',
  },
  {
    heading: '1 · Das Kursmodell trainieren',
    model: 'Modell',
    codeLabel: 'Der Keras-Code, nach dem dieses Modell gebaut ist',
    waitingForData: (message, fraction) =>
      `${message} (${formatPercent(fraction, 0)}): Das Training kann beginnen, sobald die Daten da sind.`,
    fromFile: 'Sie sehen ein Modell aus einer Datei. Trainieren holt das Kursmodell zurück.',
    untrained: (seed) => `Das Netz unten hat noch seine zufälligen Anfangsgewichte (Seed ${seed}): Trainieren Sie es, um zu sehen, was es lernt.`,
    stuck: 'Dieser Lauf ist stecken geblieben',
    weak: 'Dieser Lauf hat schlecht gelernt',
    retrain: 'Mit neuem Seed neu trainieren',
    stopped: (epoch) => `Nach Epoche ${epoch} gestoppt: Die bis dahin erreichten Gewichte bleiben erhalten.`,
    validates: 'Womit validiert wird',
  },
);
