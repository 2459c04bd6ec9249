import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a narrow screen: the region takes the keyboard's focus, so
 * it can be scrolled without a mouse.
 */
export function ScrollRegion({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  return (
    <div tabIndex={0} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
