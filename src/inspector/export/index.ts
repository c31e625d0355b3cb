/** Exports: weight tables, traces and models as files that numpy, Excel, LaTeX and tfjs open. */
export type { ExportFile, LayerParams, CsvStyle } from './types';
export { CSV_STYLES } from './types';
export { formatFloat32, formatFloat32Comma } from './floats';
export { safeName, safeFilename, weightShortName, archiveSegment } from './names';
export { csvText, csvNumber, toCsv, tensorCsv } from './csv';
export { markdownTable, latexTable, markdownText, latexText } from './tables';
export { npyBytes } from './npy';
export { layersFromTrace, layersFromWeights, layersWithParams } from './layers';
export { modelJsonText, modelJsonFile, npzBytes, npzKeys, modelNpzFile } from './model';
export { paramCsvFile, paramNpyFile, paramMarkdown, paramLatex, paramLabel, type ParamRef } from './layerFiles';
export { traceJsonText, traceJsonFile, traceCsvText, traceCsvFile, traceValues, predictedClass } from './trace';
export { pythonScript, pythonFile, pythonString, pythonFloat, inputValueIndices, PYTHON_LAYER_CLASSES, PYTHON_ACTIVATIONS } from './python';
// tfjsModelFiles (./tfjsModel) is not re-exported here: it is the one export that needs tfjs.
