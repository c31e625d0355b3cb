/**
 * The fit loop validates on the LAST `floor`-rounded fraction of the rows (train/split.ts:
 * `trainRows = floor(rows * (1 - validationSplit))`). A folder of photos comes with its own
 * validation files (image_dataset_from_directory's subset), put after the training rows; this
 * finds the `validationSplit` that makes the loop validate on exactly those rows.
 */
import { splitRows } from '../train/split';
import { modelsData } from '../../i18n/messages/models-data';

export function fitValidationSplit(trainRows: number, validationRows: number): number {
  if (!Number.isInteger(trainRows) || !Number.isInteger(validationRows) || trainRows < 1 || validationRows < 1) {
    throw new Error(modelsData.folder.needsBoth(trainRows, validationRows));
  }
  const rows = trainRows + validationRows;
  const plain = validationRows / rows;
  if (trainsOn(rows, plain) === trainRows) return plain;
  // Floating point put rows * (1 - plain) just below trainRows: half a row less validation puts
  // the product at trainRows + 0.5, far from either integer, so floor gives trainRows.
  const nudged = (validationRows - 0.5) / rows;
  if (trainsOn(rows, nudged) === trainRows) return nudged;
  throw new Error(modelsData.folder.noSplit(validationRows, rows));
}

/** The rows the fit loop trains on, or -1 where it refuses the split (one side empty). */
function trainsOn(rows: number, validationSplit: number): number {
  try {
    return splitRows(rows, validationSplit).trainRows;
  } catch {
    return -1;
  }
}
