import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * False while a page drawn at build time is shown and not yet taken over by its JavaScript (decision
 * 051), true from then on and on every page rendered in the browser.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
