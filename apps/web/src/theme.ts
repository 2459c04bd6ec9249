import {
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

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

/**
 * Light variants (badges, light buttons, alerts) write in the darkest shade of their colour on its
 * lightest, so that their text keeps a contrast of 4.5:1 or more in every colour.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return resolved;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  return parsed.isThemeColor
    ? {
        ...resolved,
        background: `var(--mantine-color-${parsed.color}-0)`,
        hover: `var(--mantine-color-${parsed.color}-1)`,
        color: `var(--mantine-color-${parsed.color}-9)`,
      }
    : resolved;
};

export const theme = createTheme({
  variantColorResolver,
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
    Modal: { styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } } },
    Drawer: { styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } } },
  },
});
