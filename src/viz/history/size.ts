/** A memory size as a learner reads it, in the language's number format: "79 KB", "6.2 MB" ("6,2 MB"). */
import { formatFixed, formatInteger } from '../../i18n/format';

const KB = 1024;
const MB = 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes < MB) return `${formatInteger(Math.max(1, Math.round(bytes / KB)))} KB`;
  const mb = bytes / MB;
  return mb < 10 ? `${formatFixed(mb, 1)} MB` : `${formatInteger(Math.round(mb))} MB`;
}
