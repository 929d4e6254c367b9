import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * False while a page drawn at build time is shown and not yet taken over by its JavaScript (decision
 * 051), true from then on and on every page rendered in the browser. A form uses it to take no input
 * before its handlers are there: typed text would be lost, and a submit would send the fields as a
 * plain GET, the password in the address.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
