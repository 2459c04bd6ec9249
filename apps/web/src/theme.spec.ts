import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';

import { contrast, cssVariablesResolver, theme } from './theme';

describe('the colours of text on tinted and outlined elements', () => {
  const full = mergeMantineTheme(DEFAULT_THEME, theme);
  const light = cssVariablesResolver(full).light as Record<string, string>;

  it('read at WCAG AA (4.5:1) on the light variant of every palette, and outlines on white', () => {
    const weak: string[] = [];
    for (const [name, shades] of Object.entries(full.colors)) {
      const text = light[`--mantine-color-${name}-light-color`];
      const outline = light[`--mantine-color-${name}-outline`];
      if (!text || !outline) {
        weak.push(`${name}: no colour`);
        continue;
      }
      if (contrast(text, shades[1]) < 4.5) weak.push(`${name} light: ${text} on ${shades[1]}`);
      if (contrast(outline, '#ffffff') < 4.5) weak.push(`${name} outline: ${outline} on white`);
    }
    expect(weak).toEqual([]);
  });

  it('keep a palette whose shade already reads as it is', () => {
    // Dark grey on light grey is well past 4.5:1: nothing to darken.
    expect(light['--mantine-color-dark-light-color']).toBe(full.colors.dark[9]);
  });
});
