import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { HSTS, SECURITY_HEADERS } from '../../apps/web/security-headers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The headers infra/nginx.conf adds at server level, by name (literal values only). */
function nginxHeaders(): Map<string, string> {
  const conf = readFileSync(path.join(ROOT, 'infra/nginx.conf'), 'utf8');
  return new Map([...conf.matchAll(/^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('the security headers of the web app', () => {
  it('are the same from nginx (the Docker image) as from vite preview (the run command)', () => {
    const nginx = nginxHeaders();
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect([name, nginx.get(name)]).toEqual([name, value]);
  });

  it('send HSTS from nginx only over TLS, with the same value', () => {
    const conf = readFileSync(path.join(ROOT, 'infra/nginx.conf'), 'utf8');
    expect(conf).toMatch(/add_header Strict-Transport-Security \$hundred_hsts always;/);
    expect(conf).toContain(`https   "${HSTS}";`);
  });

  it('allow no inline or foreign script, and no framing', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('same-origin');
  });
});
