import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A calm, restrained public-sector look: a deep blue primary (#1f4e79, shade 7) on white
// surfaces. White text on shade 7 has a contrast of about 8.6:1 (WCAG AA needs 4.5:1).
const brand: MantineColorsTuple = [
  '#eaf1f8',
  '#d3e0ee',
  '#a6c1dd',
  '#769fcb',
  '#4f83bb',
  '#3670a9',
  '#2a5f93',
  '#1f4e79',
  '#173d60',
  '#0f2c46',
];

export const theme = createTheme({
  colors: { brand },
  primaryColor: 'brand',
  primaryShade: 7,
  autoContrast: true,
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.875rem', lineHeight: '1.25' },
      h2: { fontSize: '1.375rem', lineHeight: '1.3' },
      h3: { fontSize: '1.125rem', lineHeight: '1.35' },
    },
  },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { fw: 600 } },
    Paper: { defaultProps: { radius: 'md' } },
    Modal: { defaultProps: { radius: 'md', centered: true } },
    // Never change a number a person typed: Mantine clamps to min/max on blur by default, which
    // saved 30 hours as 24 without a word. The form's validation names the limit instead.
    NumberInput: { defaultProps: { clampBehavior: 'none' } },
    // A menu gives focus back to its button when it closes, so a dialog opened from one of its
    // items returns focus there too, not to the top of the page (WCAG 2.4.3).
    Menu: { defaultProps: { returnFocus: true } },
    // Badges keep the case they were written in: upper case turned "12 MWh" into "12 MWH".
    Badge: { defaultProps: { tt: 'none' } },
    // A wide table scrolls in a native box, as a phone scrolls: Mantine's ScrollArea measured
    // itself after a page drawn on the server was taken over, some 30 re-renders at once on the
    // company list that held the main thread (decision 052).
    TableScrollContainer: { defaultProps: { type: 'native' } },
  },
});

// Text in a colour must reach 4.5:1 (WCAG 1.4.3; axe checks it in e2e/accessibility.spec.ts).
// Mantine writes a light badge or button in shade 9 on shade 1, and an outline one and text in the
// colour (c="teal") in the primary shade, 7, on white. For these colours that is below 4.5:1
// (shade 9 on 1: teal 4.3, orange 3.6, yellow 2.7, red 4.5 only just; shade 7 on white: red 3.8,
// teal 3.1), so they write in shade 9 darkened until it reaches 5:1 on shade 1 (about 6:1 on
// white). Filled ones keep their colour: their text is black or white, whichever reads (autoContrast).
const readableText: Record<string, string> = {
  red: '#bb2727',
  cyan: '#0b6d80',
  teal: '#077252',
  green: '#247434',
  lime: '#48730a',
  yellow: '#a15300',
  orange: '#b23b0c',
  blue: '#1864ab',
};

/** The light scheme's text colours of the colours above, given to MantineProvider. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: Object.fromEntries(
    Object.entries(readableText).flatMap(([colour, value]) => [
      [`--mantine-color-${colour}-light-color`, value],
      [`--mantine-color-${colour}-outline`, value],
      [`--mantine-color-${colour}-text`, value],
    ]),
  ),
  dark: {},
});
