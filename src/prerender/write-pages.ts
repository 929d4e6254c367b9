import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { renderPrerenderedPages } from '../web/prerender';
import { inShell } from './shell';

// Writes the pages drawn at build time (decision 051) into the built web app. Built by Vite for Node
// after the web app (`npm run build:prerender`: `vite build --ssr`, so the web code's JSON and glob
// imports resolve as in the browser's build) and run once. It reads dist/web/index.html and writes
// dist/web/prerendered/<name>.<language>.html with the Brotli and gzip copies the static files have,
// and pages.json, which the server reads at start to send each path's page in the visitor's language.

const webDir = path.resolve('dist/web');
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const template = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
const outDir = path.join(webDir, 'prerendered');
fs.mkdirSync(outDir, { recursive: true });
const listed = new Map<string, Record<string, string>>();
for (const page of await renderPrerenderedPages()) {
  const file = path.join(outDir, `${page.name}.${page.language}.html`);
  const document = Buffer.from(inShell(template, page.language, page.html, { title: page.title }));
  fs.writeFileSync(file, document);
  fs.writeFileSync(`${file}.br`, await brotli(document));
  fs.writeFileSync(`${file}.gz`, await gzip(document, { level: 9 }));
  listed.set(page.path, { ...listed.get(page.path), [page.language]: path.relative(webDir, file) });
  console.log(`prerendered ${page.path} (${page.language}): ${path.relative(process.cwd(), file)}`);
}
const pages = [...listed].map(([pagePath, files]) => ({ path: pagePath, files }));
fs.writeFileSync(path.join(outDir, 'pages.json'), `${JSON.stringify(pages, null, 2)}\n`);
