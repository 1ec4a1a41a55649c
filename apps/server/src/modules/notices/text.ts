/**
 * Plain text as residents and cadres type it. Content is stored verbatim and is never HTML: clients render it
 * as text, so `<script>` shows as the characters it is. What is refused: blank after trimming (422 `required`)
 * and control characters other than line breaks and tabs (422 `control_characters`), which no keyboard types and
 * which hide content from moderators.
 */
import { AppError } from '../../platform/http/errors.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export const invalid = (path: string, code: string) => new AppError(422, 'validation_failed', {}, [{ path, code }]);

/** Trimmed text, or 422 at `path`. */
export function plainText(value: string, path: string): string {
  const v = value.normalize('NFC').trim();
  if (v.length === 0) throw invalid(path, 'required');
  if (CONTROL.test(v)) throw invalid(path, 'control_characters');
  return v;
}

/** The first characters of a text on one line, for lists. */
export const excerptOf = (text: string, max = 80): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length > max ? `${[...flat].slice(0, max).join('')}…` : flat;
};
