// `npm run bench`: builds the site, serves dist/ with compression on 127.0.0.1 and reports, for
// every page of the sitemap, bytes (HTML raw/gzip/brotli, CSS, JS, images), requests and
// Lighthouse (mobile defaults, system Chromium, median of 3 runs); then the build time with the
// content multiplied ×10 and ×100 in a temporary copy; and the "instant" figures of
// scripts/bench-instant.mjs (next page and booking calendar on intent, on a slow phone connection).
// Prints a table; writes .bench/<time>.json.
// A benchmark, not a test: figures swing with machine load, so it never fails on them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';
import { startServer } from './serve.mjs';
import { copyProject } from '../tests/support/project-copy.mjs';
import { bookingLine, instantFigures, median } from './bench-instant.mjs';

const PORT = 4410;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const KB = 1024;
const TARGETS = {
  htmlCssGzip: 14 * KB,
  jsBeforeIntent: 1 * KB,
  textPage: 20 * KB,
  photoPage: 60 * KB,
  lcpMs: 1200,
};

const started = Date.now();
const seconds = (ms) => (ms / 1000).toFixed(1);

function build(dir) {
  const begin = Date.now();
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return Date.now() - begin;
}

/** Bytes of one built page, read from dist/ (deterministic). */
function pageBytes(dist, path) {
  const html = readFileSync(join(dist, path, 'index.html'));
  const text = html.toString();
  const styles = [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
  const scripts = [
    ...text.matchAll(/<script\b(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g),
  ].map((m) => m[1]);
  const blocking =
    /<link[^>]+rel="stylesheet"/.test(text) ||
    /<script\b(?![^>]*\b(async|defer|type="module")\b)[^>]*\bsrc=/.test(text);
  return {
    htmlRaw: html.length,
    htmlGzip: gzipSync(html, { level: 9 }).length,
    htmlBrotli: brotliCompressSync(html).length,
    cssRaw: styles.join('').length,
    jsGzip: scripts.reduce((sum, source) => sum + gzipSync(source).length, 0),
    renderBlocking: blocking,
  };
}

async function lighthouseRuns(chrome, url) {
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const { categories, audits } = result.lhr;
    const requests = audits['network-requests']?.details?.items ?? [];
    runs.push({
      performance: categories.performance.score * 100,
      accessibility: categories.accessibility.score * 100,
      bestPractices: categories['best-practices'].score * 100,
      seo: categories.seo.score * 100,
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      requests: requests.length,
      transfer: requests.reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
      images: requests
        .filter((item) => item.resourceType === 'Image')
        .reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
      js: requests
        .filter((item) => item.resourceType === 'Script')
        .reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
    });
  }
  return Object.fromEntries(
    Object.keys(runs[0]).map((key) => [key, median(runs.map((run) => run[key]))]),
  );
}

/** A copy of the project with `factor` times the services and FAQ entries. */
function multipliedContent(factor) {
  const copy = copyProject(`clinic-bench-x${factor}-`, [], { withCms: true });
  for (const collection of ['services', 'faq']) {
    // Each language's folder (src/content/services/en/, …/es/): a copy keeps its file name in
    // every language, so it stays translated; a translated slug gets the copy's number too.
    const root = join(copy.dir, 'src/content', collection);
    for (const language of readdirSync(root)) {
      const folder = join(root, language);
      const originals = readdirSync(folder).filter((file) => file.endsWith('.mdx'));
      for (let n = 1; n < factor; n += 1) {
        for (const file of originals) {
          const text = readFileSync(join(folder, file), 'utf8')
            .replace(/^title: (.*)$/m, (_, title) => `title: ${title.slice(0, 38)} ${n}`)
            .replace(/^slug: (.*)$/m, (_, slug) => `slug: ${slug}-${n}`)
            .replace(
              /^question: (.*)\?$/m,
              (_, question) => `question: ${question.slice(0, 140)} (${n})?`,
            )
            .replace(/^order: (\d+)$/m, (_, order) => `order: ${Number(order) + n * 100}`)
            .replace(/^kind: treatment$/m, 'kind: modality');
          writeFileSync(join(folder, file.replace('.mdx', `-${n}.mdx`)), text);
        }
      }
    }
  }
  return copy;
}

/** The site's languages (`src/content/settings/languages.yaml`), main first. */
const languageTags = () =>
  parse(readFileSync('src/content/settings/languages.yaml', 'utf8')).languages;

const pad = (value, width) => String(value).padStart(width);
const kb = (bytes) => (bytes / KB).toFixed(1);

/** The build with the services and FAQ multiplied ×10 and ×100, in every language of the site. */
function scaledBuilds() {
  const scaled = [];
  for (const factor of [10, 100]) {
    console.log(`Building with ×${factor} services and FAQ…`);
    const copy = multipliedContent(factor);
    try {
      const buildMs = build(copy.dir);
      const pages = readdirSync(join(copy.dir, 'dist'), { recursive: true }).filter((file) =>
        String(file).endsWith('index.html'),
      ).length;
      const main = languageTags()[0].split('-')[0];
      const services = readdirSync(join(copy.dir, 'src/content/services', main)).length;
      scaled.push({ factor, services, pages, languages: languageTags(), buildMs });
    } finally {
      copy.remove();
    }
  }
  return scaled;
}

/** `Build ×100 (700 services, …: 1428 pages): 41.2 s (goal < 60 s)` for each scaled build. */
function printScaled(scaled) {
  for (const { factor, services, pages: built, languages, buildMs: ms } of scaled)
    console.log(
      `Build ×${factor} (${services} services, ${factor * 13} FAQ entries, in ${languages.join(' and ')}: ${built} pages): ${seconds(ms)} s${factor === 100 ? ' (goal < 60 s)' : ''}`,
    );
}

async function main() {
  console.log('Building the site…');
  const buildMs = build('.');
  const dist = 'dist';
  const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (match) => new URL(match[1]).pathname,
  );

  const server = await startServer({ root: dist, port: PORT });
  const browser = findChromium();
  const chrome = await chromeLauncher.launch({
    ...(browser?.executablePath && { chromePath: browser.executablePath }),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', ...CHROMIUM_ARGS],
  });

  const pages = [];
  try {
    for (const path of paths) {
      process.stdout.write(`Lighthouse ×${RUNS}: ${path}\n`);
      pages.push({
        path,
        ...pageBytes(dist, path),
        lighthouse: await lighthouseRuns(chrome, `http://127.0.0.1:${PORT}${path}`),
      });
    }
  } finally {
    chrome.kill();
    server.close();
  }

  const instant = await instantFigures(dist, Math.max(5, RUNS));

  const scaled = scaledBuilds();

  const header = [
    'page',
    'HTML',
    'gzip',
    'br',
    'CSS',
    'JS gz',
    'block',
    'img',
    'req',
    'xfer',
    'Perf',
    'A11y',
    'BP',
    'SEO',
    'FCP',
    'LCP',
    'TBT',
    'CLS',
  ];
  const widths = [40, 7, 6, 6, 6, 6, 5, 6, 4, 6, 4, 4, 4, 4, 5, 5, 4, 5];
  const row = (cells) =>
    cells
      .map((cell, index) =>
        index === 0 ? String(cell).padEnd(widths[0]) : pad(cell, widths[index]),
      )
      .join(' ');
  console.log(
    `\nBytes in KB (gzip unless said), times in ms; Lighthouse mobile, median of ${RUNS}.`,
  );
  console.log(row(header));
  for (const page of pages) {
    const lh = page.lighthouse;
    console.log(
      row([
        page.path,
        kb(page.htmlRaw),
        kb(page.htmlGzip),
        kb(page.htmlBrotli),
        kb(page.cssRaw),
        kb(page.jsGzip),
        page.renderBlocking ? 'yes' : 'no',
        kb(lh.images),
        lh.requests,
        kb(lh.transfer),
        lh.performance,
        lh.accessibility,
        lh.bestPractices,
        lh.seo,
        Math.round(lh.fcp),
        Math.round(lh.lcp),
        Math.round(lh.tbt),
        lh.cls.toFixed(3),
      ]),
    );
  }
  console.log(
    `\nTargets: HTML with CSS ≤ ${kb(TARGETS.htmlCssGzip)} KB gzip, JS before intent ≤ ${kb(TARGETS.jsBeforeIntent)} KB gzip, transfer < ${kb(TARGETS.textPage)} KB (text) / ${kb(TARGETS.photoPage)} KB (photo), Lighthouse 100 ×4, LCP < ${TARGETS.lcpMs} ms.`,
  );
  const misses = pages.flatMap(({ path, htmlGzip, jsGzip, lighthouse: lh }) => [
    ...(htmlGzip > TARGETS.htmlCssGzip ? [`${path}: HTML+CSS ${kb(htmlGzip)} KB gzip`] : []),
    ...(jsGzip > TARGETS.jsBeforeIntent ? [`${path}: JS ${kb(jsGzip)} KB gzip`] : []),
    ...(lh.transfer >= (lh.images > 0 ? TARGETS.photoPage : TARGETS.textPage)
      ? [`${path}: transfer ${kb(lh.transfer)} KB`]
      : []),
    ...['performance', 'accessibility', 'bestPractices', 'seo']
      .filter((key) => lh[key] < 100)
      .map((key) => `${path}: Lighthouse ${key} ${lh[key]}`),
    ...(lh.lcp >= TARGETS.lcpMs ? [`${path}: LCP ${Math.round(lh.lcp)} ms`] : []),
  ]);
  console.log(misses.length === 0 ? 'All targets met.' : `Missed:\n  ${misses.join('\n  ')}`);
  console.log(`\nBuild: ${seconds(buildMs)} s (${pages.length} public pages)`);
  printScaled(scaled);
  const { scripts, navigation, booking } = instant;
  console.log(
    `\nJavaScript (gzip): ${scripts.beforeIntent} B before intent (+ ${scripts.speculationRules} B of speculation rules, JSON), ${kb(scripts.afterIntent)} KB more on intent`,
  );
  if (navigation)
    console.log(
      `Click on a link → next page painted (median): ${navigation.withRules.medianMs} ms with speculation rules, ${navigation.withoutRules.medianMs} ms without (goal < 100 ms with)`,
    );
  console.log(bookingLine(booking));
  console.log(`Benchmark took ${seconds(Date.now() - started)} s`);

  if (!existsSync('.bench')) mkdirSync('.bench');
  const file = join('.bench', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const json = JSON.stringify(
    {
      date: new Date().toISOString(),
      runs: RUNS,
      targets: TARGETS,
      buildMs,
      scaled,
      pages,
      instant,
    },
    null,
    2,
  );
  writeFileSync(file, json);
  writeFileSync(join('.bench', 'latest.json'), json);
  console.log(`Wrote ${file}`);
}

// `npm run bench -- --scaled`: only the builds with the content multiplied (no Lighthouse).
if (process.argv.includes('--scaled')) printScaled(scaledBuilds());
else await main();
