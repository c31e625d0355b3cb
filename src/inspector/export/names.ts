/**
 * Names that come from a model may hold any characters ("/", "..", quotes, control characters,
 * right-to-left overrides, emoji). These helpers turn them into safe file and archive names.
 */

// Control characters, the characters Windows forbids in file names, and "/" "\".
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]/g;
// Bidirectional overrides and invisible format characters that can disguise an extension.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_LENGTH = 80;

/**
 * A name that is safe as one file-name component on Windows, macOS and Linux: unsafe characters
 * and ".." become "_", leading/trailing dots and spaces go, reserved device names get a "_" prefix,
 * and the result is at most 80 characters (never cutting a surrogate pair). Never empty.
 */
export function safeName(name: string, fallback = 'export'): string {
  let s = String(name).normalize('NFC').replace(INVISIBLE, '').replace(/\.{2,}/g, '_').replace(UNSAFE, '_');
  s = s.replace(/\s+/g, ' ').replace(/_+/g, '_');
  s = s.replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  const chars = Array.from(s);
  if (chars.length > MAX_LENGTH) s = chars.slice(0, MAX_LENGTH).join('').replace(/[\s.]+$/, '');
  if (s === '' || /^_+$/.test(s)) return fallback;
  return s;
}

/**
 * A safe file name from parts and an extension, e.g. safeFilename(["iris", "dense", "kernel"], "csv")
 * gives "iris-dense-kernel.csv". The extension is ours (never from a model), given without the dot.
 */
export function safeFilename(parts: string[], extension: string): string {
  const base = parts.map((p) => safeName(p, '')).filter((p) => p !== '').join('-');
  return `${safeName(base, 'export')}.${extension}`;
}

/** A weight's short name: "dense_1/kernel:0" -> "kernel". */
export function weightShortName(name: string): string {
  const noSuffix = name.replace(/:\d+$/, '');
  const slash = noSuffix.lastIndexOf('/');
  return slash >= 0 ? noSuffix.slice(slash + 1) : noSuffix;
}

/**
 * One path segment inside an archive (.npz). Ordinary Keras names ("dense_1", "kernel") stay as
 * they are, so np.load(...)["dense_1/kernel"] works; anything that could escape the folder or
 * confuse an unzipper ("..", "/", "\", control characters) is replaced.
 */
export function archiveSegment(name: string): string {
  const s = safeName(name, '_');
  return s === '.' || s === '..' ? '_' : s;
}
