declare namespace App {
  interface Locals {
    /** The language of the page being built; the main language when unset (src/i18n/routes.ts). */
    language?: import('./schemas/languages').Language;
  }
}
