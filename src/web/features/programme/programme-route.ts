// The public pages' route, loaded by the router as one small module: the list of the pages'
// chunks then sits here instead of in the entry, which the sign-in page carries too (its budget,
// docs/quality.md P3, had 0.7 KiB left). It imports nothing itself (the strings' loader is passed
// in), so the bundler splits the entry's modules as before. The pages read the area names from the
// signed-in strings and the activity types from the activities' (decision 046).

/** The public pages and their strings, loaded together when /programmet/… is first visited. */
export async function loadProgrammePage(loadStrings: (feature: string) => Promise<void>) {
  const [page] = await Promise.all([
    import('./pages/programme-routes'),
    loadStrings('programme'),
    loadStrings('signed-in'),
    loadStrings('activities'),
  ]);
  return { Component: page.ProgrammeRoutes };
}
