import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The font every report is set in: Arabic, Latin and digits, shipped in node_modules. */
export const REPORT_FONT = 'Noto Naskh Arabic';

let css: string | null = null;

/**
 * @font-face rules of Noto Naskh Arabic (regular and bold, each of its subsets with its
 * unicode-range), read from @fontsource/noto-naskh-arabic once and with every woff2 inlined as a
 * data URL: the page Chromium prints loads nothing from anywhere.
 */
export function reportFontFaces(): string {
  if (css !== null) return css;
  const dir = path.dirname(require.resolve('@fontsource/noto-naskh-arabic/400.css'));
  const inline = (file: string) =>
    readFileSync(path.join(dir, file), 'utf8').replace(
      /src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)(?:,\s*url\([^)]+\)\s*format\('woff'\))?/g,
      (_whole, font: string) =>
        `src: url(data:font/woff2;base64,${readFileSync(path.join(dir, 'files', font)).toString('base64')}) format('woff2')`,
    );
  const faces = `${inline('400.css')}\n${inline('700.css')}`;
  if (/url\(\.\//.test(faces)) throw new Error('a font file of @fontsource/noto-naskh-arabic could not be inlined');
  css = faces;
  return css;
}
