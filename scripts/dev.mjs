// `npm run dev`: the site (Astro's dev server, live reload) and the CMS's local backend together, as
// in production: each save in the CMS is a draft on a `cms/…` branch of this repository, moved
// through Draft → In review → Ready, and "Publish" merges it into the branch checked out here.
// `npm run dev -- --simple`: no drafts, every save is written straight into src/content.
// Ctrl+C stops both.
import { spawn } from 'node:child_process';

const simple = process.argv.includes('--simple');
const astroArgs = process.argv.slice(2).filter((arg) => arg !== '--simple');

const children = [
  spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', ...astroArgs], {
    stdio: 'inherit',
  }),
  spawn(process.execPath, ['scripts/cms-server.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, MODE: simple ? 'fs' : 'git', PORT: process.env.CMS_PORT ?? '8081' },
  }),
];

const stop = (code = 0) => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
for (const child of children) child.on('exit', (code) => stop(code ?? 0));

const portArg = astroArgs.indexOf('--port');
const site = `http://localhost:${portArg >= 0 ? astroArgs[portArg + 1] : '4321'}`;
console.log(`Site: ${site}/   Content manager: ${site}/admin/`);
