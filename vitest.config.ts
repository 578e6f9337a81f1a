/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig lets tests import `astro:content` and the schemas exactly as the site does.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    globalSetup: ['tests/unit/global-setup.ts'],
    testTimeout: 120_000,
    // Two test files at a time, and concurrent tests (tests/unit/build-errors.test.ts, each an
    // `astro sync` in a child process) two at a time: Vitest's default leaves one of a 2-core
    // machine's cores idle, and most of the time here is spent in child processes.
    maxWorkers: 2,
    maxConcurrency: 2,
  },
});
