// npm run add-language -- <tag>: adds a language (src/launch/add-language.ts, loaded through Vite as
// the build loads it, so it reads the same schemas).
import { runnerImport } from 'vite';

const { module } = await runnerImport('/src/launch/add-language.ts', {
  root: process.cwd(),
  configFile: false,
  logLevel: 'error',
});
process.exitCode = module.main(process.argv.slice(2));
