// The public page's route, loaded by the router as one small module: the list of the page's
// chunks then sits here instead of in the entry, which the sign-in page carries too (its budget,
// docs/quality.md P3, had 0.7 KiB left). It imports nothing itself (the strings' loader is passed
// in), so the bundler splits the entry's modules as before. The page reads the area names from the
// signed-in strings.

/** The page and its strings, loaded together when /programmet is first visited. */
export async function loadProgrammePage(loadStrings: (feature: string) => Promise<void>) {
  const [page] = await Promise.all([
    import('./pages/programme-page'),
    loadStrings('programme'),
    loadStrings('signed-in'),
  ]);
  return { Component: page.ProgrammePage };
}
