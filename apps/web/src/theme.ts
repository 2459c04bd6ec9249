import { createTheme, type MantineColorsTuple } from '@mantine/core';

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
    Modal: { styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } } },
    Drawer: { styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } } },
  },
});
