/**
 * The app's view of model.evaluate for a classifier on a test set: what the Evaluate section,
 * the confusion matrix, the mistakes gallery and "next mistake" read.
 */
import type { LayersModel } from '../../models/tf';
import type { Dataset } from '../../models/types';

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
}

export async function evaluateClassifier(model: LayersModel, test: Dataset): Promise<Evaluation> {
  void model;
  void test;
  throw new Error('evaluation is not wired yet');
}
