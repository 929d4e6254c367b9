import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// docs/quality.md P3: the JavaScript a route needs, gzipped, against the budgets: the first route a
// visitor meets (sign-in) ≤ 170 KiB, any route ≤ 350 KiB. A route's JavaScript is the entry chunk,
// the app it loads after the first paint, and the page's chunk with everything they import statically, the chunks the page loads later
// (a lazy component, and what it imports), plus the feature's strings (which its route loads beside
// the page: src/web/i18n/i18n.ts). Pages reached by navigating are routes of their own, not part of
// the page that links to them. Reads Vite's manifest in dist/web, so run `npm run build` first.
// Exits 1 when a budget is broken.

type Chunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
};

const budgets = { firstRouteKiB: 170, anyRouteKiB: 350 };
const firstRoute = 'src/web/features/auth/pages/sign-in-page.tsx';
const layoutKey = 'src/web/app/app-layout.tsx';
const layoutStrings = ['src/web/features/auth/i18n/sv.json', 'src/web/features/signed-in/i18n/sv.json'];
/** Features whose pages render without the signed-in layout, and the other strings each loads:
 * the sign-in pages, and the public pages with the signed-in area names (decision 045) and the
 * activities' type names (decision 046). */
const outsideShell: Record<string, string[]> = {
  auth: [],
  programme: ['src/web/features/signed-in/i18n/sv.json', 'src/web/features/activities/i18n/sv.json'],
};
const outDir = path.resolve('dist/web');
const manifestPath = path.join(outDir, '.vite', 'manifest.json');

if (!fs.existsSync(manifestPath)) {
  process.stderr.write(`No ${manifestPath}: run \`npm run build\` first.\n`);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;
const sizes = new Map<string, number>();
const gzipped = (file: string) => {
  if (!sizes.has(file)) sizes.set(file, gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length);
  return sizes.get(file)!;
};

const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
/** The app the entry (src/web/boot.ts: the styles) loads after the first paint (decision 052). */
const appKey = 'src/web/main.tsx';
/** The chunks that hold the router's lazy routes: the app, the signed-in layout (the overview and
 * the portal) and the public pages' route. */
const routerKeys = [appKey, layoutKey, 'src/web/features/programme/programme-route.ts'];
/** What a person reaches by navigating: each is a route of its own. */
const navigable = new Set(routerKeys.flatMap((key) => manifest[key]?.dynamicImports ?? []));

/** A chunk with everything it imports, and the chunks it loads later that are not routes or strings
 * (the strings of one language are counted apart). */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
  for (const later of manifest[key]?.dynamicImports ?? []) {
    if (!navigable.has(later) && !later.endsWith('.json')) closure(later, seen);
  }
  return seen;
}

const routes = [...navigable].filter((key) => key.endsWith('.tsx'));
const rows = routes
  .map((key) => {
    const feature = /^src\/web\/features\/([^/]+)\//.exec(key)?.[1];
    // A visitor loads one language's strings (src/web/i18n/i18n.ts): Swedish, the default.
    const strings = feature ? [`src/web/features/${feature}/i18n/sv.json`, ...(outsideShell[feature] ?? [])] : [];
    // Pages of the signed-in app render inside its layout, a chunk of its own, which loads the
    // auth strings (for the account menu) and the strings the signed-in features share beside it.
    const isInShell = key === layoutKey || (feature !== undefined && !(feature in outsideShell));
    const layout = isInShell ? [...closure(layoutKey), ...layoutStrings.flatMap((k) => [...closure(k)])] : [];
    const files = new Set([
      ...closure(entryKey),
      ...closure(appKey),
      ...closure(key),
      ...layout,
      ...strings.flatMap((k) => [...closure(k)]),
    ]);
    const bytes = [...files].reduce((sum, file) => sum + gzipped(manifest[file]!.file), 0);
    const budget = key === firstRoute ? budgets.firstRouteKiB : budgets.anyRouteKiB;
    return { route: key.replace('src/web/features/', ''), kib: bytes / 1024, budget };
  })
  .sort((a, b) => b.kib - a.kib);

if (!routes.includes(firstRoute) || !manifest[entryKey]?.dynamicImports?.includes(appKey)) {
  process.stderr.write(
    `The sign-in page ${firstRoute} is not a route chunk of its own any more, or the entry does not load ${appKey}: update this script.\n`,
  );
  process.exit(1);
}
const over = rows.filter((row) => row.kib > row.budget);
for (const row of rows) {
  const mark = row.kib > row.budget ? '  OVER' : '';
  process.stdout.write(`${row.kib.toFixed(1).padStart(7)} KiB / ${row.budget} KiB  ${row.route}${mark}\n`);
}
process.stdout.write(
  over.length === 0
    ? `Bundle budget: all ${rows.length} routes within budget.\n`
    : `Bundle budget: ${over.length} route(s) over budget.\n`,
);
process.exit(over.length === 0 ? 0 : 1);
