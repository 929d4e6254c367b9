// The built shell (dist/web/index.html) with a page drawn into its #root, marked with the language
// it was drawn in, so that main.tsx takes it over instead of drawing it anew (decisions 051, 052).

export function inShell(
  template: string,
  language: string,
  html: string,
  options: { title?: string; after?: string } = {},
) {
  let filled = template
    .replace('<html lang="sv"', `<html lang="${language}"`)
    .replace(
      '<div id="root"></div>',
      `<div id="root" data-prerendered="${language}">${html}</div>${options.after ?? ''}`,
    );
  if (options.title !== undefined) filled = filled.replace(/<title>[^<]*<\/title>/, `<title>${options.title}</title>`);
  if (!filled.includes(`data-prerendered="${language}"`)) throw new Error('dist/web/index.html has no empty #root');
  return filled;
}
