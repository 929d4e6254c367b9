import { useId as useReactId } from 'react';

// Mantine's useId (@mantine/hooks) swaps the id React gave for a random one after the first render,
// in a layout effect: every field, select, menu and popover of a page drawn on the server (decision
// 052) then rendered again at once, synchronously, and changed its ids and the labels pointing at
// them. React's useId is the same on the server and in the browser and unique in the app, so this
// keeps it; vite.config.ts puts this module in place of Mantine's. Same ids as Mantine's first render.

export function useId(staticId?: string): string {
  const reactId = useReactId();
  return typeof staticId === 'string' ? staticId : `mantine-${reactId.replace(/:/g, '')}`;
}
