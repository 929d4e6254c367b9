/**
 * Props for a table that is wider than the page (`Table.ScrollContainer`, a native scrolling box:
 * theme.ts): the box takes the keyboard's focus, so that a person without a mouse can scroll it
 * with the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable). Only for tables with no
 * link or button inside, which would take the focus themselves.
 */
export const keyboardScrollable = { tabIndex: 0 } as const;
