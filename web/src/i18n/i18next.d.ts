import 'i18next';
import type fr from './fr.json';

// French is the source: every key used in a component must exist in fr.json (tsc checks it).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}
