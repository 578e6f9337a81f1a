// npm run launch-check: lists every placeholder, example value and invalid value left, with its file
// and field, and exits 1 while any remains (src/launch/check.ts, loaded through Vite as the build
// loads it, so it reads the same schemas). A file the check cannot even read (a languages.yaml
// that is not a list of languages, a missing src/site.config.ts) is named, without a stack trace.
import { runnerImport } from 'vite';

try {
  const { module } = await runnerImport('/src/launch/check.ts', {
    root: process.cwd(),
    configFile: false,
    logLevel: 'error',
  });
  const findings = module.launchCheck(process.cwd());
  console.log(module.formatFindings(findings));
  process.exitCode = findings.length ? 1 : 0;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    `Launch check: the project cannot be read.\n\n  ${message.replaceAll('\n', '\n  ')}`,
  );
  process.exitCode = 2;
}
