import type { Language } from './schemas/languages';

declare global {
  namespace App {
    interface Locals {
      /** The language of the page being built; the main language when unset (src/i18n/paths.ts). */
      language?: Language;
    }
  }
}
