// The interface's languages (Swedish by default, English available): one list for the web app's
// strings, the API's locale and the server's choice of a page drawn beforehand (decision 051).

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'sv';

/** The cookie in which the web app keeps the browser's choice, for the server to read. */
export const languageCookie = 'iiw-language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
