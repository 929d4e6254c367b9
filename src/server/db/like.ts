/** A LIKE pattern that finds the person's text anywhere: wildcards they typed match literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
