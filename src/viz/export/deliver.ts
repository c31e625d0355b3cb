/**
 * How an export reaches the user: a download (Blob + object URL + <a download>) or the clipboard.
 * The only DOM code of the exports; what goes into the files is made in src/inspector/export.
 */
import type { ExportFile } from '../../inspector/export/types';

/** Starts a download of one file. The file name is already safe (safeFilename). */
export function downloadFile(file: ExportFile): void {
  const blob = new Blob([file.data as BlobPart], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the Blob before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Copies text; false when the clipboard is unavailable (insecure page, denied permission, old browser). */
export async function copyText(text: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== 'function') return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
