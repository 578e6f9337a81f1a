// npm run setup [-- --answers clinic.yaml]: the clinic's facts and deployment settings, asked in the
// terminal or read from an answers file, checked by the schemas and written into their files
// (src/launch/setup.ts, loaded through Vite as the build loads it, so it reads the same schemas).
import { runnerImport } from 'vite';

const { module } = await runnerImport('/src/launch/setup.ts', {
  root: process.cwd(),
  configFile: false,
  logLevel: 'error',
});
process.exitCode = await module.main(process.argv.slice(2));
