import type { ScrollAreaProps } from '@mantine/core';

/**
 * What a table's scroll area needs to be scrolled from the keyboard (WCAG 2.1.1): its viewport in
 * the tab order, named after the table it holds.
 */
export const scrollableBy = (label: string): ScrollAreaProps => ({
  viewportProps: { tabIndex: 0, role: 'group', 'aria-label': label },
});
