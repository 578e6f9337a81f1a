import { axeTests } from './axe';
import { builtPages } from './site';

/** Every page of every language, on a desktop (tests/e2e/accessibility-phone.spec.ts: a phone). */
axeTests(builtPages());
