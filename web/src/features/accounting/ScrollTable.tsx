import { Table } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen (a tablet): the scrolling box is a named region in
 * the tab order, so the keyboard can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollTable({
  minWidth,
  maxHeight,
  label,
  children,
}: {
  minWidth: CSSProperties['minWidth'];
  maxHeight?: CSSProperties['maxHeight'];
  label: string;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={minWidth}
      maxHeight={maxHeight}
      tabIndex={0}
      role="region"
      aria-label={label}
      // Positioned, so visually hidden texts in the cells scroll with it instead of widening the page.
      pos="relative"
    >
      {children}
    </Table.ScrollContainer>
  );
}
