import { axeTests } from './axe';
import { builtPages, languageOfPage, LANGUAGES, pathIn } from './site';

/**
 * On a phone (the mobile project): every page of the main language, and each other language's
 * home page; tests/e2e/accessibility.spec.ts checks every page of every language on a desktop.
 */
axeTests(
  builtPages().filter(
    (path) => languageOfPage(path) === LANGUAGES.main || path === pathIn('/', languageOfPage(path)),
  ),
);
