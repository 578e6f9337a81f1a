/**
 * Decap's CommonJS dependencies name Node's `global` (e.g. `@iarna/toml`). The production build
 * rewrites it; Vite's dev server serves them as they are, where it is undefined and `/admin/` stays
 * blank (`ReferenceError: global is not defined`). Imported first by ./admin.ts, so it runs before
 * any of them.
 */
const scope = globalThis as typeof globalThis & { global?: typeof globalThis };
scope.global ??= globalThis;
