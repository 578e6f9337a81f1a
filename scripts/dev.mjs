// `npm run dev`: the site (Astro's dev server, live reload) and the CMS's local backend
// (decap-server, which reads and writes src/content in this folder) together. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const children = [
  spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', ...process.argv.slice(2)], {
    stdio: 'inherit',
  }),
  spawn(process.execPath, [fileURLToPath(import.meta.resolve('decap-server'))], {
    stdio: 'inherit',
    env: { ...process.env, MODE: 'fs', PORT: process.env.CMS_PORT ?? '8081' },
  }),
];

const stop = (code = 0) => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
for (const child of children) child.on('exit', (code) => stop(code ?? 0));

console.log('Site: http://localhost:4321/   Content manager: http://localhost:4321/admin/');
