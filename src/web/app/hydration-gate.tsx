import type { ReactNode } from 'react';
import { useHydrated } from '../components/use-hydrated';

/**
 * A page drawn beforehand or on request (decisions 051, 052) is shown before React has taken it over,
 * when its buttons do nothing yet. Until then its controls say they are disabled (aria-disabled on a
 * group around them, which browser tests wait on as well) and take no clicks, while its links work as
 * plain links. The forms people type into at once keep their fields in `FormFields`, which disables
 * them natively. A page drawn in the browser is enabled from its first render; the gate draws nothing.
 */
export function HydrationGate({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <div className="hydration-gate" role={hydrated ? undefined : 'group'} aria-disabled={hydrated ? undefined : true}>
      {children}
    </div>
  );
}
