import 'i18next';
import type sv from './sv.json';

// Typed keys: a key missing in Swedish (the reference language) is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv };
  }
}
