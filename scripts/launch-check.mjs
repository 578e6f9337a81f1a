// npm run launch-check: lists every placeholder, example value and invalid value left, with its file
// and field, and exits 1 while any remains (src/launch/check.ts, loaded through Vite as the build
// loads it, so it reads the same schemas).
import { runnerImport } from 'vite';

const { module } = await runnerImport('/src/launch/check.ts', {
  root: process.cwd(),
  configFile: false,
  logLevel: 'error',
});
const findings = module.launchCheck(process.cwd());
console.log(module.formatFindings(findings));
process.exitCode = findings.length ? 1 : 0;
