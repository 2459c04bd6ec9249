import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/web/src');

type Catalogue = { [key: string]: string | Catalogue };

function load(language: string): Catalogue {
  return JSON.parse(readFileSync(path.join(WEB_SRC, 'i18n', `${language}.json`), 'utf8')) as Catalogue;
}

/** Every leaf of a catalogue as `dotted.key -> text`. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

const ar = flatten(load('ar'));
const en = flatten(load('en'));

describe('the web catalogues', () => {
  it('have exactly the same keys in Arabic and English', () => {
    expect([...ar.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !ar.has(k))).toEqual([]);
  });

  it('have no empty text', () => {
    expect([...ar].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    expect([...en].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differing = [...ar.keys()].filter(
      (k) => en.has(k) && placeholders(ar.get(k)!).join() !== placeholders(en.get(k)!).join(),
    );
    expect(differing).toEqual([]);
  });

  it('name the roles with the glossary terms', () => {
    expect(ar.get('roles.ADMIN')).toBe('مكتب المسرّعات');
    expect(ar.get('roles.LEADERSHIP')).toBe('القيادة');
    expect(ar.get('roles.FOCAL_POINT')).toBe('ضابط الارتباط');
    expect(ar.get('roles.REVIEWER')).toBe('المراجِع');
    expect(ar.get('app.name')).toBe('مئة');
    expect(ar.get('app.subtitle')).toBe('منصة المسرّعات الحكومية');
    expect(en.get('app.name')).toBe('Hundred');
  });
});

describe('the web components', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return name === 'gql' ? [] : sources(full);
      return full.endsWith('.tsx') ? [full] : [];
    });
  }

  // Letters of either script written straight into markup, instead of coming from the catalogues.
  const LETTERS = /[A-Za-z\u0600-\u06FF]/;
  const TEXT_ATTRIBUTE = /\b(?:aria-label|title|placeholder|label|description|alt)="([^"]*)"/g;

  it('show no hard-coded text', () => {
    const found: string[] = [];
    for (const file of sources(WEB_SRC)) {
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(TEXT_ATTRIBUTE)) {
        if (LETTERS.test(match[1]!)) found.push(`${path.relative(WEB_SRC, file)}: ${match[0]}`);
      }
      // A line of JSX text: words alone on a line, not code, not a comment, not a bare attribute.
      for (const line of code.split('\n')) {
        const text = line.trim();
        if (!text || /^(?:\/\/|\/\*|\*)/.test(text)) continue;
        if (/^[\w.-]+$/.test(text)) continue;
        if (/^[^<>{}()=;:,'"`]*[A-Za-z\u0600-\u06FF][^<>{}()=;:,'"`]*$/.test(text)) {
          found.push(`${path.relative(WEB_SRC, file)}: ${text}`);
        }
        // Text between two tags on one line: `<b>text</b>`.
        for (const match of text.matchAll(/>([^<>{}]*)<\//g)) {
          if (LETTERS.test(match[1]!)) found.push(`${path.relative(WEB_SRC, file)}: ${match[0]}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
