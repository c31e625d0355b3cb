/**
 * The app's view of model.evaluate for a classifier on a test set: what the Evaluate section,
 * the confusion matrix, the mistakes gallery and "next mistake" read. The numbers come from
 * src/models/evaluate (the course model on the training engine's forward pass, a file's model on tfjs).
 */
import type { EvaluationResult } from '../../models/evaluate';

export interface EvaluatedMistake {
  /** Row of the test set. */
  row: number;
  actual: number;
  predicted: number;
  /** The model's probability for the class it predicted. */
  probability: number;
}

export interface Evaluation {
  rows: number;
  correct: number;
  loss: number;
  accuracy: number;
  /** confusion[actual][predicted] = count. */
  confusion: number[][];
  mistakes: EvaluatedMistake[];
  /** The outputs were not probabilities (logits): softmax was applied first. */
  softmaxed: boolean;
}

/** The evaluation as the views read it: the confusion matrix as rows, the mistakes as a list. */
export function toEvaluation(r: EvaluationResult, labels: ArrayLike<number>): Evaluation {
  const k = r.classes;
  const confusion = Array.from({ length: k }, (_, t) => Array.from(r.confusion.subarray(t * k, (t + 1) * k)));
  const mistakes = Array.from(r.misclassified, (row) => ({
    row,
    actual: labels[row],
    predicted: r.predicted[row],
    probability: r.probability[row],
  }));
  return {
    rows: r.rows,
    correct: r.rows - mistakes.length,
    loss: r.loss,
    accuracy: r.accuracy,
    confusion,
    mistakes,
    softmaxed: r.outputs === 'softmax',
  };
}
