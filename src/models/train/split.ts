/**
 * How Keras' `fit` cuts the data: `validation_split` takes the LAST fraction of the rows, before
 * any shuffling (keras/src/trainers/data_adapters/data_adapter_utils.py:
 * `split_at = int(math.floor(n * (1.0 - validation_split)))`, and it raises when either side is
 * empty); the training rows are then shuffled every epoch and cut into batches.
 */
import { modelsTrain } from '../../i18n/messages/models-train';

export interface Split {
  /** Rows 0 .. trainRows-1 train. */
  trainRows: number;
  /** Rows trainRows .. total-1 validate. */
  valRows: number;
}

export function splitRows(total: number, validationSplit: number): Split {
  if (!(validationSplit >= 0 && validationSplit < 1)) {
    throw new Error(modelsTrain.checks.validationSplit(validationSplit));
  }
  if (validationSplit === 0) return { trainRows: total, valRows: 0 };
  const splitAt = Math.floor(total * (1 - validationSplit));
  if (splitAt === 0 || splitAt === total) {
    throw new Error(modelsTrain.checks.tooFewRows(total, validationSplit));
  }
  return { trainRows: splitAt, valRows: total - splitAt };
}

/** [start, end) of each batch over `n` rows; the last batch holds the rest. */
export function batchRanges(n: number, batchSize: number): [number, number][] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(modelsTrain.checks.batchSizeWords(batchSize));
  }
  const ranges: [number, number][] = [];
  for (let start = 0; start < n; start += batchSize) ranges.push([start, Math.min(n, start + batchSize)]);
  return ranges;
}
