import { lazy, type ComponentType } from 'react';

// A page loaded when it is first rendered (React's lazy), whose loading the server can wait for: a
// page drawn on request (decision 052) renders again once its pages are there, instead of sending
// their fallback.

const loading = new Set<Promise<unknown>>();

export function lazyPage<P>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(() => {
    const loaded = load();
    loading.add(loaded);
    void loaded.finally(() => loading.delete(loaded)).catch(() => undefined);
    return loaded;
  });
}

/** The pages being loaded now. */
export function pagesLoading(): Promise<unknown>[] {
  return [...loading];
}
