/**
 * A theme colour as Mantine names it ("brand.6", "teal.8") as the CSS variable Mantine sets for it,
 * so that a chart follows the theme as the rest of the page does.
 */
export function chartColour(name: string): string {
  return `var(--mantine-color-${name.replace('.', '-')})`;
}

/** The colour of the text in charts: the body text's, dark enough for AA on white at 11–12 px. */
export const chartTextColour = 'var(--mantine-color-dark-6)';
/** The lines behind a chart's figures: light, as they carry no figure of their own. */
export const chartGridColour = 'var(--mantine-color-gray-3)';
