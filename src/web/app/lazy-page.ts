import { lazy, type ComponentType } from 'react';

// A page loaded when it is first rendered (React's lazy) that can also be loaded beforehand. The
// server, drawing a page on request (decision 052), waits for the pages being loaded and renders
// again instead of sending their fallback; the browser loads the page a drawn page shows before it
// takes the page over, so that the page is taken over with the rest, not after it.

type PageModule<P> = { default: ComponentType<P> };

const loading = new Set<Promise<unknown>>();

export function lazyPage<P>(load: () => Promise<PageModule<P>>) {
  let loaded: PageModule<P> | undefined;
  async function preload(): Promise<PageModule<P>> {
    loaded ??= await load();
    return loaded;
  }
  const Page = lazy(() => {
    // Loaded already: a thenable that answers at once, so React renders the page without suspending.
    if (loaded) {
      const module = loaded;
      return { then: (resolve: (value: PageModule<P>) => void) => resolve(module) } as Promise<PageModule<P>>;
    }
    const loadedNow = preload();
    loading.add(loadedNow);
    void loadedNow.finally(() => loading.delete(loadedNow)).catch(() => undefined);
    return loadedNow;
  });
  return Object.assign(Page, { preload });
}

/** The pages being loaded now. */
export function pagesLoading(): Promise<unknown>[] {
  return [...loading];
}
