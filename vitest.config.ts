/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { readFileSync } from 'node:fs';

const WORKFLOW_PARSER = '/node_modules/@actions/workflow-parser/';

// getViteConfig lets tests import `astro:content` and the schemas exactly as the site does.
export default getViteConfig({
  plugins: [
    {
      // Its files name source maps of TypeScript sources the package does not ship, and Vite warns
      // about each of them: read them without the map.
      name: 'workflow-parser-without-source-maps',
      enforce: 'pre',
      load(id) {
        if (!id.includes(WORKFLOW_PARSER) || !id.endsWith('.js')) return null;
        return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
      },
    },
  ],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    globalSetup: ['tests/unit/global-setup.ts'],
    testTimeout: 120_000,
    // Hooks build and set up project copies as tests do: on a loaded 2-core machine they take as
    // long (Vitest's default, 10 s, failed a setup run while the end-to-end suite ran beside it).
    hookTimeout: 300_000,
    // Two test files at a time, and concurrent tests (tests/unit/build-errors.test.ts, each an
    // `astro sync` in a child process) two at a time: Vitest's default leaves one of a 2-core
    // machine's cores idle, and most of the time here is spent in child processes.
    maxWorkers: 2,
    maxConcurrency: 2,
    // Through Vite, not Node: the package imports its JSON schema without `with { type: 'json' }`,
    // which Node refuses (actions/languageservices#387).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
