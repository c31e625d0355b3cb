/** What every exporter hands back: a file the UI can download or copy, with no DOM in sight. */
import { inspectorExport as X } from '../../i18n/messages/inspector-export';

export interface ExportFile {
  /** A safe file name (see safeFilename). */
  filename: string;
  /** MIME type for the Blob. */
  mime: string;
  /** Text (UTF-8) or bytes. */
  data: string | Uint8Array;
}

/** A layer with its parameters, as the exports need it (read from a trace step). */
export interface LayerParams {
  name: string;
  className: string;
  config: Record<string, unknown>;
  params: { name: string; shape: number[]; values: Float32Array }[];
}

/** The two CSV dialects: "comma separator, decimal point" and "semicolon separator, decimal comma". */
export type CsvStyle = 'comma' | 'semicolon';

/** The dialects with their names in the language on screen (`label` is read when shown). */
export const CSV_STYLES: { id: CsvStyle; label: string }[] = [
  {
    id: 'comma',
    get label() {
      return X.csvComma;
    },
  },
  {
    id: 'semicolon',
    get label() {
      return X.csvSemicolon;
    },
  },
];
