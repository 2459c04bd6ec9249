import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A deep teal, the colour of the product; shades from light to dark.
const hundred: MantineColorsTuple = [
  '#e5f5f5',
  '#d3e9ea',
  '#a8d2d3',
  '#79b9bb',
  '#53a5a7',
  '#3a989a',
  '#2a9194',
  '#187e81',
  '#0b6e72',
  '#005f63',
];

// Fonts already on the machine: no download at run time. Arabic-capable faces come first.
const fontFamily = [
  '"Noto Sans Arabic"',
  '"Noto Sans"',
  '"Segoe UI"',
  '"SF Arabic"',
  '"Geeza Pro"',
  'Tahoma',
  '"DejaVu Sans"',
  'system-ui',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'hundred',
  primaryShade: 8,
  colors: { hundred },
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  respectReducedMotion: true,
  components: {
    Badge: { defaultProps: { radius: 'sm' } },
    // A table wider than the screen scrolls inside its container, which the keyboard must reach.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
    Modal: { styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } } },
    Drawer: { styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } } },
  },
});

/** Relative luminance of a #rrggbb colour (WCAG 2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
const darken = (hex: string, by: number) =>
  `#${[1, 3, 5]
    .map((i) =>
      Math.round(parseInt(hex.slice(i, i + 2), 16) * (1 - by))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
/** The colour, darkened as little as needed to read at WCAG AA (4.5:1, with a margin) on the background. */
function readableOn(color: string, background: string): string {
  let out = color;
  for (let by = 0.05; contrast(out, background) < 4.6 && by < 1; by += 0.05) out = darken(color, by);
  return out;
}
const isHex = (value: string | undefined): value is string => !!value && /^#[0-9a-f]{6}$/i.test(value);

/**
 * Text on the light variants (badges, alerts, subtle buttons) and on outlines dark enough for WCAG
 * AA: Mantine's own shades read at 3.3:1 to 4.3:1 on them (secondary text: styles/global.css).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    ...Object.fromEntries(
      Object.entries(t.colors).flatMap(([name, shades]) =>
        isHex(shades[9]) && isHex(shades[1]) && isHex(shades[6])
          ? [
              [`--mantine-color-${name}-light-color`, readableOn(shades[9], shades[1])],
              [`--mantine-color-${name}-outline`, readableOn(shades[6], '#ffffff')],
            ]
          : [],
      ),
    ),
  },
  dark: {},
});
