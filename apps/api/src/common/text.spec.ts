import { checkText } from './text.js';

describe('checkText', () => {
  it('trims and normalises to NFC, so that spaces only are empty', () => {
    expect(checkText('  Cafe\u0301  ')).toEqual({ ok: true, value: 'Café' });
    expect(checkText(' \u00a0\u3000 ')).toEqual({ ok: true, value: '' });
    expect(checkText('\u200b\u200f')).toEqual({ ok: true, value: '' });
    expect(checkText('  وزارة الصحة ')).toEqual({ ok: true, value: 'وزارة الصحة' });
  });

  it('keeps the marks Arabic text needs (joiners, direction marks) inside text', () => {
    expect(checkText('مئة\u200c100\u200f')).toEqual({ ok: true, value: 'مئة\u200c100\u200f' });
  });

  it('refuses what PostgreSQL or JSON cannot hold, and controls', () => {
    expect(checkText('a\u0000b')).toMatchObject({ ok: false, key: 'validation.controlCharacter' });
    expect(checkText('a\u0007b', 'multiline')).toMatchObject({ ok: false, key: 'validation.controlCharacter' });
    expect(checkText('a\u0085b')).toMatchObject({ ok: false, key: 'validation.controlCharacter' });
    expect(checkText('a\ud800b')).toMatchObject({ ok: false, key: 'validation.brokenText' });
    expect(checkText('a\udc00')).toMatchObject({ ok: false, key: 'validation.brokenText' });
    expect(checkText('😀')).toEqual({ ok: true, value: '😀' });
  });

  it('refuses the bidirectional overrides, embeddings and isolates in every kind of field', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])
      for (const kind of ['line', 'multiline', 'secret'] as const)
        expect(checkText(`name${c}gpj.exe`, kind)).toMatchObject({ ok: false, key: 'validation.bidiControl' });
  });

  it('allows tab and line breaks only in multi-line text, where \\r\\n becomes \\n', () => {
    expect(checkText('a\nb')).toMatchObject({ ok: false, key: 'validation.singleLine' });
    expect(checkText('a\tb')).toMatchObject({ ok: false, key: 'validation.singleLine' });
    expect(checkText('a\r\nb\rc\td', 'multiline')).toEqual({ ok: true, value: 'a\nb\nc\td' });
  });

  it('leaves passwords as typed, but refuses the same characters in them', () => {
    expect(checkText('  Pass word 1  ', 'secret')).toEqual({ ok: true, value: '  Pass word 1  ' });
    expect(checkText('Cafe\u0301-123456', 'secret')).toEqual({ ok: true, value: 'Cafe\u0301-123456' });
    expect(checkText('pass\u0000word', 'secret')).toMatchObject({ ok: false, key: 'validation.controlCharacter' });
  });

  it('caps the length of any string, whatever its field says', () => {
    expect(checkText('x'.repeat(2001))).toMatchObject({ ok: false, key: 'validation.maxLength', params: { 0: 2000 } });
    expect(checkText('x'.repeat(20_000), 'multiline')).toMatchObject({ ok: true });
  });
});
