/**
 * Launch: `npm run launch-check` finds every placeholder, `npm run setup` replaces them all from
 * one answers file, and a production build refuses to run while one is left. The commands run as a
 * person runs them (node scripts/…), on the real project or on a temporary copy of it; the answers
 * files refused or applied one after another run setup's `main` in this process
 * (tests/support/setup-in-process.ts), the function the command runs.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { normalisePhone } from '../../src/launch/answers';
import { fieldCheck } from '../../src/launch/setup';
import { productionDeploy, valueProblems } from '../../src/launch/placeholders';
import { withDeploySettings } from '../../src/launch/site-config';
import type { Host } from '../../src/schemas/deploy';
import { ASTRO, copyProject } from '../support/project-copy.mjs';
import { setupWithAnswers } from '../support/setup-in-process';

const projectRoot = resolve(import.meta.dirname, '../..');
const answersFile = join(projectRoot, 'tests/fixtures/setup/clinic.yaml');

function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
  });
  return {
    status: result.status,
    output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`),
  };
}

const launchCheck = (cwd: string) => run(cwd, ['scripts/launch-check.mjs']);
const astroBuild = (cwd: string, env: Record<string, string>) => run(cwd, [...ASTRO, 'build'], env);

/**
 * What a person finds by reading the files, independently of the launch check: every line with a
 * PLACEHOLDER mark or a placeholder, example.com, 555-01xx or sample value, or naming an image file
 * that says it is a placeholder. Field names are read from the line (`phone:`) or are the body.
 */
function placeholdersByHand(root: string): { file: string; line: number; key: string }[] {
  const found: { file: string; line: number; key: string }[] = [];
  const contentDir = join(root, 'src/content');
  const files = [
    'src/site.config.ts',
    ...readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(?:mdx|yaml)$/.test(file))
      .map((file) => `src/content/${file}`),
  ];
  const pattern =
    /PLACEHOLDER|CONFIRM|\(placeholder|^Placeholder|example\.com|555-?01\d\d|your-clinic\b|your-github-account|Anytown/;
  for (const file of files) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    let inBody = false;
    let fences = 0;
    lines.forEach((text, index) => {
      if (file.endsWith('.mdx') && text === '---' && ++fences === 2) inBody = true;
      // A comment that explains the marks (`# Values marked PLACEHOLDER are…`) is not one.
      if (/^\s*#(?!\s*(?:PLACEHOLDER|CONFIRM))/.test(text)) return;
      // A translation a fluent speaker has yet to review: each of its words is listed.
      if (/^reviewed: false$/.test(text)) {
        found.push({ file, line: index + 1, key: '.' });
        return;
      }
      // Health content its reviewing therapist has not approved yet.
      if (/^approvedByReviewer: false$/.test(text)) {
        found.push({ file, line: index + 1, key: 'approvedByReviewer' });
        return;
      }
      const image = /(\/src\/assets\/\S+)/.exec(text)?.[1];
      const placeholderImage =
        image !== undefined && readFileSync(join(root, image)).includes('PLACEHOLDER');
      if (!pattern.test(text) && !placeholderImage) return;
      // A mark on a line of its own is about what follows: the field on the next line, or the
      // whole entry when it heads the file.
      if (/^\s*#/.test(text)) {
        const next = lines[index + 1] ?? '';
        const heading = index === 0 || (file.endsWith('.mdx') && index === 1);
        const nextKey = /^\s*([A-Za-z_]+):/.exec(next)?.[1];
        const key = heading ? '(the whole entry)' : /^\s*-\s/.test(next) ? '.' : (nextKey ?? '');
        found.push({ file, line: index + 1, key });
        return;
      }
      const ownKey = /^\s*(?:export const )?([A-Za-z_]+)\s*[:=]/.exec(text)?.[1];
      // A line of text folded under its field (`cancellation: >-`) belongs to that field.
      const keyAbove = lines
        .slice(0, index)
        .reverse()
        .map((above) => /^\s*([A-Za-z_]+):/.exec(above)?.[1])
        .find(Boolean);
      const key = inBody
        ? `body, line ${index + 1}`
        : (ownKey ??
          (/^\s*-\s/.test(text)
            ? '.'
            : /^\s+\S/.test(text)
              ? (keyAbove ?? '(the whole entry)')
              : '(the whole entry)'));
      found.push({ file, line: index + 1, key });
    });
  }
  if (readFileSync(join(root, 'public/favicon.svg'), 'utf8').includes('PLACEHOLDER')) {
    found.push({ file: 'public/favicon.svg', line: 0, key: '(the file)' });
  }
  return found;
}

/** The launch check's output as `file → field lines`. */
function listed(output: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of output.split('\n')) {
    const file = /^ {2}(\S+)$/.exec(line)?.[1];
    if (file) files.set(file, (current = []));
    else if (/^ {4}\S/.test(line)) current.push(line.trim());
  }
  return files;
}

describe('npm run launch-check on the content as it is', () => {
  const result = launchCheck(projectRoot);
  const byHand = placeholdersByHand(projectRoot);

  test('fails while anything is left, and says so', () => {
    expect(result.status).toBe(byHand.length ? 1 : 0);
    if (byHand.length) expect(result.output).toMatch(/Launch check: \d+ values? (?:is|are) still/);
    else expect(result.output).toContain('nothing is left to replace');
  });

  test('lists every placeholder a person finds in the files, by file and field', () => {
    const files = listed(result.output);
    for (const { file, key, line } of byHand) {
      const fields = files.get(file);
      expect(fields, `${file} (line ${line}) is not listed`).toBeDefined();
      if (key === '.') continue; // a list item: its field is the list above, checked on its own line
      const named = fields?.some((field) =>
        key.startsWith('body')
          ? field.startsWith(`${key}:`)
          : field.startsWith(`${key}:`) ||
            field.startsWith(`${key}.`) ||
            field.includes(`.${key}:`) ||
            field.includes(`.${key}.`),
      );
      expect(named, `${file}: ${key} (line ${line}) is not listed:\n${fields?.join('\n')}`).toBe(
        true,
      );
    }
    // Nothing is listed that a person would not find: every listed file has something by hand.
    for (const file of files.keys()) {
      expect(
        byHand.some((found) => found.file === file),
        `${file} is listed`,
      ).toBe(true);
    }
  });
});

describe('what counts as a placeholder', () => {
  test.each([
    ['Clinic Name (placeholder)', 'says placeholder'],
    ['hello@example.com', 'example.com, an example address'],
    ['https://cms-auth.example.com', 'cms-auth.example.com, an example address'],
    ['+15415550100', '555-01xx'],
    ['(541) 555-0199', '555-01xx'],
    ['your-clinic', 'the sample Cal.com link'],
  ])('%s', (value, words) => {
    expect(valueProblems(value).join(' ')).toContain(words);
  });

  test.each([
    'Willow Creek Medical Massage',
    '+15035550200',
    'care@willowcreekmassage.com',
    'your-clinic-portland',
  ])('%s is the clinic’s own', (value) => {
    expect(valueProblems(value)).toEqual([]);
  });
});

describe('which builds are the production site', () => {
  test.each([
    [{ NETLIFY: 'true', CONTEXT: 'production' }, 'Netlify production deploy'],
    [{ NETLIFY: 'true', CONTEXT: 'deploy-preview' }, undefined],
    [{ NETLIFY: 'true', CONTEXT: 'branch-deploy' }, undefined],
    [{ CF_PAGES: '1', CF_PAGES_BRANCH: 'main' }, 'Cloudflare Pages production branch'],
    [{ CF_PAGES: '1', CF_PAGES_BRANCH: 'cms/pricing/60-minutes' }, undefined],
    [{ CF_PAGES: '1', CF_PAGES_BRANCH: 'live', PRODUCTION_BRANCH: 'live' }, 'CF_PAGES_BRANCH=live'],
    [{ CF_PAGES: '1', CF_PAGES_BRANCH: 'main', PRODUCTION_BRANCH: 'live' }, undefined],
    [{ DEPLOY_CONTEXT: 'production' }, 'DEPLOY_CONTEXT=production'],
    [{}, undefined],
  ])('%j', (env, expected) => {
    const production = productionDeploy(env, 'main');
    if (expected) expect(production).toContain(expected);
    else expect(production).toBeUndefined();
  });
});

describe('bad answers are refused with the schema’s words', () => {
  const clinic = parse(
    readFileSync(join(projectRoot, 'src/content/settings/en/clinic.yaml'), 'utf8'),
  ) as Record<string, unknown>;

  test('as they are typed (the validators the prompts use)', () => {
    expect(fieldCheck('clinic', clinic, ['phone'])(normalisePhone('call us'))).toBe(
      'phone: must be a US number written like +15415550123',
    );
    expect(fieldCheck('clinic', clinic, ['email'])('hello.willowcreek.com')).toBe(
      'email: must be an email address',
    );
    expect(fieldCheck('clinic', clinic, ['phone'])(normalisePhone('(503) 227-0144'))).toBe(
      undefined,
    );
  });

  test('from an answers file, which then writes nothing', () => {
    const copy = copyProject('clinic-setup-bad-', ['scripts', 'prettier.config.mjs']);
    try {
      const answers = join(copy.dir, 'answers.yaml');
      writeFileSync(answers, 'clinic:\n  phone: call us\n  email: hello.willowcreek.com\n');
      const before = readFileSync(join(copy.dir, 'src/content/settings/en/clinic.yaml'), 'utf8');
      const result = run(copy.dir, ['scripts/setup.mjs', '--answers', answers]);
      expect(result.status).toBe(1);
      expect(result.output).toContain(
        'answers.yaml: clinic.phone: must be a US number written like +15415550123',
      );
      expect(result.output).toContain('answers.yaml: clinic.email: must be an email address');
      expect(result.output).toContain('Nothing was written');
      expect(readFileSync(join(copy.dir, 'src/content/settings/en/clinic.yaml'), 'utf8')).toBe(
        before,
      );
    } finally {
      copy.remove();
    }
  });
});

describe('the CMS login an answers file chooses', () => {
  test('Netlify Identity on Netlify: git-gateway and the host are written, the login address left as it was', async () => {
    const copy = copyProject('clinic-setup-identity-', ['scripts', 'prettier.config.mjs']);
    try {
      const answers = join(copy.dir, 'answers.yaml');
      writeFileSync(
        answers,
        'deploy:\n  host: netlify\n  backend: git-gateway\n  siteUrl: https://www.willowcreekmassage.com\n  repo: willow-creek/website\n',
      );
      const result = await setupWithAnswers(copy.dir, answers);
      expect(result.output).not.toContain('Nothing was written');
      // Its next steps are Identity's, not a GitHub OAuth App's.
      expect(result.output).toContain('Invite staff: Identity › Invite users, by email');
      expect(result.output).not.toContain('GITHUB_CLIENT_SECRET');
      const config = readFileSync(join(copy.dir, 'src/site.config.ts'), 'utf8');
      expect(config).toContain("export const HOST: Host = 'netlify';");
      expect(config).toContain("name: 'git-gateway',");
      expect(config).toContain("repo: 'willow-creek/website',");
      // A second answers file that leaves the host and the login out keeps them.
      writeFileSync(
        answers,
        'deploy:\n  siteUrl: https://www.willowcreekmassage.com\n  repo: willow-creek/site\n',
      );
      await setupWithAnswers(copy.dir, answers);
      const again = readFileSync(join(copy.dir, 'src/site.config.ts'), 'utf8');
      expect(again).toContain("name: 'git-gateway',");
      expect(again).toContain("export const HOST: Host = 'netlify';");
      expect(again).toContain("repo: 'willow-creek/site',");
    } finally {
      copy.remove();
    }
  });
});

describe('a malformed answers file', () => {
  let copy: ReturnType<typeof copyProject>;
  beforeAll(() => {
    copy = copyProject('clinic-setup-malformed-', ['scripts']);
  });
  afterAll(() => copy.remove());

  test.each([
    [': : :', 'answers.yaml: line 1, column 3: not valid YAML: Nested mappings are not allowed'],
    ['- languages', 'answers.yaml: (the whole file): must be answers by name'],
    ['clinic: [1', 'answers.yaml: line 1, column 11: not valid YAML'],
    ['clinic: 5', 'answers.yaml: clinic: must be fields of clinic.yaml'],
    [
      'deploy: { host: mars }',
      'answers.yaml: deploy.host: must be netlify, cloudflare or github-pages',
    ],
    ['deploy: { backend: okta }', 'answers.yaml: deploy.backend: must be github or git-gateway'],
    [
      'deploy: { host: cloudflare, backend: git-gateway, siteUrl: https://harborlightmassage.com, repo: harbor-light/site }',
      'answers.yaml: deploy.backend: git-gateway (Netlify Identity) works only on Netlify, and the host is cloudflare: use github, or publish on Netlify',
    ],
    [
      'deploy: { host: github-pages, siteUrl: https://harborlightmassage.com, repo: harbor-light/site }',
      'answers.yaml: deploy.loginEndpoint: is required on GitHub Pages: the login Worker’s address',
    ],
    ['confirm: { prices: lots }', 'answers.yaml: confirm.prices: must be a price for each length'],
    [
      'confirm: { policiesReviewed: yesterday }',
      'answers.yaml: confirm.policiesReviewed: must be a day like 2026-12-01',
    ],
    ['\u0000\u0001', 'answers.yaml'],
    [
      // A malformed answer does not hide the problems of the others.
      'confirm: { policiesReviewed: 2026-02-30 }\nclinic: { email: care.harborlight.com }',
      'answers.yaml: clinic.email: must be an email address',
    ],
    [
      'languages: [en-US]\nclinc: { name: Typo }',
      'answers.yaml: clinc: is not an answer setup knows (the answers are languages, clinic,',
    ],
  ])('%j is named, never a stack trace, and nothing is written', async (text, expected) => {
    const answers = join(copy.dir, 'answers.yaml');
    writeFileSync(answers, text);
    const result = await setupWithAnswers(copy.dir, answers);
    expect(result.status).toBe(1);
    expect(result.output).toContain(expected);
    expect(result.output).toContain('Nothing was written');
    expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});

describe('what setup and launch-check cannot read is named, never a stack trace', () => {
  test('an answers file that is a folder, and a languages.yaml that is not a list of languages', () => {
    const copy = copyProject('clinic-unreadable-', ['scripts']);
    try {
      const folder = run(copy.dir, ['scripts/setup.mjs', '--answers', 'src']);
      expect(folder.status).toBe(1);
      expect(folder.output).toContain('--answers: there is no answers file');
      writeFileSync(join(copy.dir, 'src/content/settings/languages.yaml'), '- en-US\n- es-US\n');
      const check = launchCheck(copy.dir);
      expect(check.status).toBe(2);
      expect(check.output).toContain('Launch check: the project cannot be read.');
      expect(check.output).toContain('src/content/settings/languages.yaml');
      for (const { output } of [folder, check]) {
        expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      }
    } finally {
      copy.remove();
    }
  });

  test('a field the answers leave, broken in its file by hand, is named by that file, not the answers', async () => {
    const copy = copyProject('clinic-setup-broken-', ['scripts']);
    try {
      const clinic = join(copy.dir, 'src/content/settings/en/clinic.yaml');
      writeFileSync(clinic, readFileSync(clinic, 'utf8').replace(/^name: .*$/m, 'name: X'));
      const answers = join(copy.dir, 'answers.yaml');
      writeFileSync(answers, 'clinic:\n  email: care@harborlightmassage.com\n');
      const result = await setupWithAnswers(copy.dir, answers);
      expect(result.status).toBe(1);
      expect(result.output).toContain(
        'src/content/settings/en/clinic.yaml: name: must be at least 2 characters (not in the answers: correct the file, or answer it)',
      );
      expect(result.output).not.toContain('answers.yaml: clinic.name');
    } finally {
      copy.remove();
    }
  });

  test('a second run keeps a translation of a value it leaves as it was', async () => {
    const copy = copyProject('clinic-setup-keeps-', ['scripts', 'prettier.config.mjs']);
    try {
      const answers = join(copy.dir, 'answers.yaml');
      const noShow = 'A session missed without notice is charged in full.';
      writeFileSync(answers, `clinic:\n  visitPolicy:\n    noShow: ${noShow}\n`);
      await setupWithAnswers(copy.dir, answers);
      const spanish = join(copy.dir, 'src/content/settings/es/clinic.yaml');
      // Set in English, marked for review, until a translator writes the Spanish.
      expect(readFileSync(spanish, 'utf8')).toContain(noShow);
      const translated = readFileSync(spanish, 'utf8')
        .replace(noShow, 'Una sesión perdida sin aviso se cobra completa.')
        .replace(/^reviewed: false$/m, 'reviewed: true');
      writeFileSync(spanish, translated);
      await setupWithAnswers(copy.dir, answers);
      expect(readFileSync(spanish, 'utf8')).toBe(translated);
    } finally {
      copy.remove();
    }
  });
});

describe('from setup to a production build', () => {
  let copy: ReturnType<typeof copyProject>;
  let setup: ReturnType<typeof run>;

  beforeAll(() => {
    copy = copyProject('clinic-setup-', ['scripts', 'prettier.config.mjs', 'README.md', '.github']);
    setup = run(copy.dir, ['scripts/setup.mjs', '--answers', answersFile]);
  });
  afterAll(() => copy.remove());

  test('setup --answers fills in everything, comments kept', () => {
    expect(setup.output).toContain('nothing is left to replace');
    expect(setup.status).toBe(0);
    // On Netlify: the GitHub Pages deploy, which would fail on every push, is removed; the daily
    // rebuild through Netlify's build hook stays.
    expect(setup.output).toContain('.github/workflows/deploy-pages.yml (removed)');
    expect(existsSync(join(copy.dir, '.github/workflows/deploy-pages.yml'))).toBe(false);
    expect(existsSync(join(copy.dir, '.github/workflows/rebuild-hooks.yml'))).toBe(true);
    const clinic = readFileSync(join(copy.dir, 'src/content/settings/en/clinic.yaml'), 'utf8');
    expect(clinic).toContain('# Clinic settings: each fact about the clinic is set here, once.');
    expect(clinic).toContain("phone: '+15032270144'");
    expect(clinic).not.toMatch(/# PLACEHOLDER/);
    // The answers' address and hours are the main location's, written into its file.
    const location = readFileSync(join(copy.dir, 'src/content/locations/en/main.yaml'), 'utf8');
    expect(location).toContain("# The clinic's main location");
    expect(location).toContain('city: Portland');
    expect(location).not.toMatch(/# PLACEHOLDER|\(placeholder\)|Anytown/);
    expect(clinic).not.toMatch(/^(address|hours|hoursNote|googlePlaceId):/m);
    expect(readFileSync(join(copy.dir, 'src/site.config.ts'), 'utf8')).toContain(
      "export const SITE_URL = 'https://www.willowcreekmassage.com';",
    );
    expect(existsSync(join(copy.dir, 'src/content/therapists/en/therapist-placeholder.mdx'))).toBe(
      false,
    );
  });

  test('launch-check passes, and the files are as prettier writes them', () => {
    const result = launchCheck(copy.dir);
    expect(result.output).toContain('nothing is left to replace');
    expect(result.status).toBe(0);
    execFileSync(
      process.execPath,
      ['node_modules/prettier/bin/prettier.cjs', '--check', 'src/content', 'src/site.config.ts'],
      { cwd: copy.dir, stdio: 'pipe' },
    );
  });

  test('a production build succeeds, with none of the placeholders in it', () => {
    const build = astroBuild(copy.dir, { NETLIFY: 'true', CONTEXT: 'production' });
    expect(build.output).toContain('launch check passed');
    expect(build.status).toBe(0);
    const pages = readdirSync(join(copy.dir, 'dist'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html') && !file.startsWith('admin'))
      .map((file) => [file, readFileSync(join(copy.dir, 'dist', file), 'utf8')] as const);
    expect(pages.length).toBeGreaterThan(15);
    for (const [file, html] of pages) {
      expect(html, file).not.toMatch(/placeholder|example\.com|555-01\d\d|\+1\d{3}55501\d\d/i);
      expect(html, file).toContain('Willow Creek Medical Massage');
    }
  });

  test('a value filled in but invalid is listed with the schema’s words', () => {
    const settings = join(copy.dir, 'src/content/settings/en/clinic.yaml');
    const config = join(copy.dir, 'src/site.config.ts');
    const filled = [readFileSync(settings, 'utf8'), readFileSync(config, 'utf8')] as const;
    try {
      writeFileSync(
        settings,
        filled[0].replace(/^email: .*$/m, 'email: care.willowcreekmassage.com'),
      );
      writeFileSync(
        config,
        filled[1].replace(
          "'https://www.willowcreekmassage.com'",
          "'http://willowcreekmassage.com/home'",
        ),
      );
      const result = launchCheck(copy.dir);
      expect(result.status).toBe(1);
      expect(result.output).toContain('email: is not valid: must be an email address');
      expect(result.output).toContain(
        'SITE_URL: is not valid: must be a full https:// address like https://www.your-clinic.com',
      );
      expect(result.output).toMatch(/Launch check: 2 values are still/);
    } finally {
      writeFileSync(settings, filled[0]);
      writeFileSync(config, filled[1]);
    }
  });

  test.each<[string, Host, string, Record<string, string>]>([
    ['Netlify', 'netlify', 'https://api.netlify.com', { NETLIFY: 'true', CONTEXT: 'production' }],
    [
      'Cloudflare Pages',
      'cloudflare',
      'https://www.willowcreekmassage.com',
      { CF_PAGES: '1', CF_PAGES_BRANCH: 'main' },
    ],
    [
      'the GitHub Pages workflow',
      'github-pages',
      'https://cms-login.willow-creek.workers.dev',
      { GITHUB_ACTIONS: 'true', DEPLOY_CONTEXT: 'production' },
    ],
  ])(
    'a production build on %s with one placeholder left fails, naming it',
    (_, host, login, env) => {
      const settings = join(copy.dir, 'src/content/settings/en/clinic.yaml');
      const config = join(copy.dir, 'src/site.config.ts');
      const filled = [readFileSync(settings, 'utf8'), readFileSync(config, 'utf8')] as const;
      try {
        writeFileSync(settings, filled[0].replace(/^email: .*$/m, 'email: hello@example.com'));
        writeFileSync(config, withDeploySettings(filled[1], { host, loginEndpoint: login }));
        const build = astroBuild(copy.dir, env);
        expect(build.status).not.toBe(0);
        expect(build.output).toContain(
          'the production site is not built while the launch check finds a value to replace or correct',
        );
        expect(build.output).toContain('src/content/settings/en/clinic.yaml');
        expect(build.output).toContain(
          'email: "hello@example.com" uses example.com, an example address',
        );
        expect(build.output).toMatch(/Launch check: 1 value is still/);
      } finally {
        writeFileSync(settings, filled[0]);
        writeFileSync(config, filled[1]);
      }
    },
  );

  test('a production build on another host than HOST says so, and the host to choose', () => {
    const build = astroBuild(copy.dir, { CF_PAGES: '1', CF_PAGES_BRANCH: 'main' });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(
      "src/site.config.ts says HOST is 'netlify', but this build runs on cloudflare, where the CMS login set for netlify does not work: run npm run setup and choose cloudflare, or publish on netlify.",
    );
  });
});

describe('a translation not yet reviewed', () => {
  let copy: ReturnType<typeof copyProject>;
  beforeAll(async () => {
    copy = copyProject('clinic-review-', ['scripts', 'prettier.config.mjs', 'README.md']);
    expect((await setupWithAnswers(copy.dir, answersFile)).status).toBe(0);
    // The clinic's answers make an English site; it now adds Spanish back, as shipped (unreviewed).
    const languages = join(copy.dir, 'src/content/settings/languages.yaml');
    writeFileSync(
      languages,
      readFileSync(languages, 'utf8').replace('  - en-US\n', '  - en-US\n  - es-US\n'),
    );
  });
  afterAll(() => copy.remove());

  test('is listed by file and field, and a production build refuses it', () => {
    const result = launchCheck(copy.dir);
    expect(result.status).toBe(1);
    const files = listed(result.output);
    expect(files.get('src/content/faq/es/why-a-prescription.mdx')).toEqual([
      'question: is a translation not yet reviewed by a fluent speaker (then tick “Translation checked by a fluent speaker” in the CMS, or set reviewed: true)',
      'body: is a translation not yet reviewed by a fluent speaker (then tick “Translation checked by a fluent speaker” in the CMS, or set reviewed: true)',
    ]);
    const build = astroBuild(copy.dir, { NETLIFY: 'true', CONTEXT: 'production' });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('src/content/faq/es/why-a-prescription.mdx');
  });

  test('passes once a fluent speaker has marked it reviewed', () => {
    const file = join(copy.dir, 'src/content/faq/es/why-a-prescription.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('reviewed: false', 'reviewed: true'));
    expect(
      listed(launchCheck(copy.dir).output).has('src/content/faq/es/why-a-prescription.mdx'),
    ).toBe(false);
  });
});

/**
 * The interactive set-up as a person types it, in a terminal: `script` (util-linux) gives the
 * command a pseudo-terminal of 120 columns. Each answer is typed once its question is on screen,
 * and each refusal is waited for as the person would read it.
 */
/** A question's input line as the terminal shows it (`│  09:00-17:00█`, lines end in CR LF). */
const INPUT_LINE = /\n[│|] {2}([^\r\n]*)\r?\n/;

function terminalSession(cwd: string) {
  const child = spawn(
    'script',
    [
      '-qec',
      `stty cols 120 rows 50; exec ${JSON.stringify(process.execPath)} scripts/setup.mjs`,
      '/dev/null',
    ],
    { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  let screen = '';
  let all = '';
  const waiting: (() => boolean)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    const text = stripVTControlCharacters(chunk.toString());
    screen += text;
    all += text;
    waiting.splice(0, waiting.length, ...waiting.filter((done) => !done()));
  });
  const exited = new Promise<number | null>((done) => child.on('close', done));
  return {
    /** Waits until `text` is on screen, then types `answer` (clearing what is there) and Enter. */
    async answer(text: string, answer?: string) {
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(
          () => fail(new Error(`"${text}" never appeared; last output:\n${screen.slice(-600)}`)),
          60_000,
        );
        const seen = () => {
          const at = screen.indexOf(text);
          if (at === -1) return false;
          screen = screen.slice(at + text.length);
          clearTimeout(timer);
          done();
          return true;
        };
        if (!seen()) waiting.push(seen);
      });
      if (answer !== undefined) child.stdin.write(`${answer ? `\x15${answer}` : ''}\r`);
    },
    /**
     * Waits until the question `text` is on screen and returns the answer it offers (the text
     * of its input line, up to the end of the line), without answering.
     */
    async offered(text: string): Promise<string> {
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(
          () => fail(new Error(`"${text}" never appeared; last output:\n${screen.slice(-600)}`)),
          60_000,
        );
        const seen = () => {
          const at = screen.indexOf(text);
          if (at === -1 || !INPUT_LINE.test(screen.slice(at))) return false;
          clearTimeout(timer);
          done();
          return true;
        };
        if (!seen()) waiting.push(seen);
      });
      const line = INPUT_LINE.exec(screen.slice(screen.indexOf(text)))?.[1] ?? '';
      return line.replace(/[_█▌]+$/u, '').trim();
    },
    /** Waits until `text` is on screen, then presses Ctrl-C, as a person stopping halfway. */
    async interrupt(text: string) {
      await this.answer(text);
      child.stdin.write('\x03');
    },
    async end() {
      child.stdin.end();
      return { status: await exited, output: all };
    },
  };
}

describe('the original clinic’s facts, as shipped', () => {
  test('plans removed and workers’ compensation not confirmed: the plans go, in every language, and launch-check names each place that still says so', () => {
    const copy = copyProject('clinic-setup-facts-', ['scripts', 'prettier.config.mjs']);
    try {
      const answers = join(copy.dir, 'answers.yaml');
      writeFileSync(
        answers,
        [
          'confirm:',
          '  prices: { 30: 50, 60: 95, 90: 140 }',
          '  insurancePlans: remove',
          '  workersCompensationAndAutoAccidents: false',
          '  policiesReviewed: 2026-12-02',
          '',
        ].join('\n'),
      );
      const result = run(copy.dir, ['scripts/setup.mjs', '--answers', answers]);
      expect(result.output).toContain('src/content/insurance/en/priority-health.mdx (removed)');
      for (const code of ['en', 'es']) {
        expect(readdirSync(join(copy.dir, 'src/content/insurance', code))).toEqual([]);
      }
      const check = launchCheck(copy.dir);
      const files = listed(check.output);
      const confirmLeft = [...files]
        .filter(([, fields]) => fields.some((field) => field.includes('marked CONFIRM')))
        .map(([file]) => file)
        .sort();
      expect(confirmLeft).toEqual(
        ['en', 'es']
          .flatMap((code) => [
            `src/content/faq/${code}/auto-accidents.mdx`,
            `src/content/faq/${code}/which-insurance-plans.mdx`,
            `src/content/faq/${code}/workers-compensation.mdx`,
            `src/content/pages/${code}/faq.mdx`,
            `src/content/pages/${code}/home.mdx`,
            `src/content/pages/${code}/insurance.mdx`,
            `src/content/settings/${code}/booking.yaml`,
          ])
          .sort(),
      );
      expect(files.get('src/content/settings/en/booking.yaml')).toContain(
        'beforeYourVisit.items.2: is the original clinic’s, as shipped (marked CONFIRM): keep it through npm run setup, or change it and delete its # CONFIRM line (saving it in the CMS does both)',
      );
      const thirty = readFileSync(join(copy.dir, 'src/content/pricing/en/30-minutes.mdx'), 'utf8');
      expect(thirty).toContain('price: 50\n');
      expect(thirty).not.toContain('CONFIRM');
      const privacy = readFileSync(join(copy.dir, 'src/content/pages/en/privacy.mdx'), 'utf8');
      expect(privacy).toMatch(/^updated: '?2026-12-02'?$/m);
      expect(privacy).not.toContain('CONFIRM');
    } finally {
      copy.remove();
    }
  });

  test('a length the site does not offer, or one left without a price, is named and nothing is written', async () => {
    const copy = copyProject('clinic-setup-prices-', ['scripts', 'prettier.config.mjs']);
    try {
      const answers = join(copy.dir, 'answers.yaml');
      writeFileSync(answers, 'confirm:\n  prices: { 30: 55, 45: 80, 90: -5 }\n');
      const before = readFileSync(join(copy.dir, 'src/content/pricing/en/30-minutes.mdx'), 'utf8');
      const result = await setupWithAnswers(copy.dir, answers);
      expect(result.status).toBe(1);
      expect(result.output).toContain(
        'answers.yaml: confirm.prices: no price for 60 minutes (the site offers 30, 60, 90)',
      );
      expect(result.output).toContain(
        'answers.yaml: confirm.prices.45: the site has no 45-minute session (add one in the CMS: Pricing)',
      );
      expect(result.output).toMatch(/answers\.yaml: confirm\.prices\.90: price: /);
      expect(readFileSync(join(copy.dir, 'src/content/pricing/en/30-minutes.mdx'), 'utf8')).toBe(
        before,
      );
    } finally {
      copy.remove();
    }
  });
});

describe('npm run setup in a terminal', () => {
  test('run again on a set-up site, it offers every value already there, the hours and service area included', async () => {
    const copy = copyProject('clinic-setup-again-', ['scripts', 'prettier.config.mjs', 'tests']);
    try {
      expect((await setupWithAnswers(copy.dir, answersFile)).status).toBe(0);
      const session = terminalSession(copy.dir);
      // Enter through each question keeps what is offered; the screen shows what that is.
      for (const question of [
        'The site’s languages',
        'Clinic name',
        'Phone number',
        'Email address',
        'How many locations',
        'Street and number',
        'City',
        'State',
        'ZIP code',
        'time zone',
      ]) {
        await session.answer(question, '');
      }
      const offered: string[] = [];
      for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
        offered.push(await session.offered(day));
        await session.answer(day, '');
      }
      expect(offered).toEqual([
        '09:00-17:00',
        '11:00-19:00',
        '09:00-17:00',
        '11:00-19:00',
        '09:00-17:00',
      ]);
      // Closed days stay closed.
      await session.answer('Saturday', '');
      await session.answer('Sunday', '');
      await session.answer('A note under the opening hours', '');
      expect(await session.offered('Towns or areas')).toBe('Portland, Milwaukie, Gresham');
      await session.interrupt('Towns or areas');
      expect((await session.end()).status).toBe(1);
    } finally {
      copy.remove();
    }
  });

  test('asks, refuses bad answers with the schema’s words, and leaves nothing to replace', async () => {
    const copy = copyProject('clinic-setup-tty-', [
      'scripts',
      'prettier.config.mjs',
      'tests',
      '.github',
    ]);
    try {
      const session = terminalSession(copy.dir);
      const steps: [string, string?][] = [
        ['The site’s languages', 'english'],
        ['must be a language tag like en-US or es-US', 'en-US'],
        ['Clinic name', 'Willow Creek Medical Massage'],
        ['Phone number', 'call us'],
        ['phone: must be a US number written like +15415550123', '(503) 227-0144'],
        ['Email address', 'hello.willowcreek.com'],
        ['email: must be an email address', 'care@willowcreekmassage.com'],
        // One location: where it is and when it is open, asked as before there were locations.
        ['How many locations', ''],
        ['Street and number', '2211 SE Division Street'],
        ['City', 'Portland'],
        ['State', 'OR'],
        ['ZIP code', '97202'],
        ['time zone', 'Portland'],
        ['must be a time zone like America/Los_Angeles', 'America/Los_Angeles'],
        ['Monday', '9-17'],
        ['Tuesday', '25:00-17:00'],
        ['must be a 24-hour time like 09:00 or 17:30', '09:00-17:00'],
        ['Wednesday', '09:00-17:00'],
        ['Thursday', '11:00 to 19:00'],
        ['Friday', '09:00-15:00'],
        ['Saturday', ''],
        ['Sunday', ''],
        ['A note under the opening hours', ''],
        ['Towns or areas', 'Portland, Milwaukie'],
        ['How many hours', ''],
        ['Cancellation rule', ''],
        ['arrives late', ''],
        ['misses a session', ''],
        ['colour', '#7fb8ad'],
        ['reaches only 2.15:1', '#24485e'],
        ['logo', 'tests/fixtures/setup/logo.svg'],
        ['Describe the logo', 'Willow Creek Medical Massage'],
        ['Google Business Profile link', 'https://www.yelp.com/biz/willow-creek'],
        ['must be an address on google.com', 'https://g.page/r/CWillowCreekMassage'],
        ['Yelp page', ''],
        ['Facebook page', 'https://www.facebook.com/willowcreekmassage'],
        ['Instagram profile', ''],
        ['Healthgrades page', ''],
        ['Google Place ID', 'ChIJd8BlQ2BZwokRAFUEcm_qrcA'],
        ['Cal.com link', 'willow-creek-massage'],
        ['Full name', 'Dana Whitfield'],
        ['Credentials after the name', ''],
        ['The credential in full', ''],
        ['Licence number', '21904'],
        ['Issuing state', ''],
        ['Issuing board', 'Oregon Board of Massage Therapists'],
        ['licence lookup', 'https://obmt.us.thentiacloud.net/webs/obmt/register/'],
        ['Services they practise', ''],
        ['Languages', ''],
        ['A short biography', 'Dana has treated orthopedic conditions for twelve years.'],
        ['Add another therapist', ''],
        ['A photo for pages/en/home.mdx', 'tests/fixtures/setup/treatment-room.jpg'],
        ['Describe the photo', 'The treatment room, with a massage table by a window.'],
        ['A photo for services/en/orthopedic-medical-massage.mdx', ''],
        ['Physical access', 'Step-free access from the street; two parking spaces by the door.'],
        // The original clinic's facts: the prices kept (Enter), one changed; its plans kept; its
        // workers' compensation and auto-accident care confirmed; the policies reviewed today.
        ['30-minute session', ''],
        ['60-minute session', '105'],
        ['90-minute session', ''],
        ['insurance plans and programs', ''],
        ['workers’ compensation and auto-accident cases', ''],
        ['reviewed the privacy notice', ''],
        ['read the pages on conditions', 'y'],
        ['SVG icon', ''],
        // GitHub Pages: two steps down from Netlify.
        ['Where will the site be published', '\x1b[B\x1b[B'],
        ['The site’s address', 'https://www.willowcreekmassage.com'],
        ['GitHub repository', 'willow-creek/website'],
        ['The production branch', ''],
        ['login Worker', 'https://willow-creek-cms-login.willow-creek.workers.dev'],
        ['Ready to go live.'],
      ];
      // Stopped halfway (Ctrl-C at the visit policy): nothing is written into the site, the
      // answers so far are kept; the next run goes on from there without asking them again.
      const stopAt = steps.findIndex(([text]) => text === 'How many hours');
      for (const [text, answer] of steps.slice(0, stopAt)) await session.answer(text, answer);
      await session.interrupt('How many hours');
      const stopped = await session.end();
      expect(stopped.status).toBe(1);
      expect(stopped.output).toContain('your answers so far are kept (.setup-answers.json)');
      expect(readFileSync(join(copy.dir, 'src/content/settings/en/clinic.yaml'), 'utf8')).toContain(
        'Clinic Name (placeholder)',
      );
      const resumed = terminalSession(copy.dir);
      await resumed.answer('Go on with the set-up stopped', '');
      for (const [text, answer] of steps.slice(stopAt)) await resumed.answer(text, answer);
      const { status, output } = await resumed.end();
      expect(output).toContain('Clinic name: Willow Creek Medical Massage');
      expect(output).toContain(
        'Towns or areas the clinic serves, separated by commas: Portland, Milwaukie',
      );
      expect(output).toContain('nothing is left to replace');
      expect(status).toBe(0);
      expect(existsSync(join(copy.dir, '.setup-answers.json'))).toBe(false);
      const clinic = parse(
        readFileSync(join(copy.dir, 'src/content/settings/en/clinic.yaml'), 'utf8'),
      ) as {
        phone: string;
        brand: { colour: string };
        profiles: unknown;
      };
      // Where the clinic is and when it is open: its (one, main) location's file.
      const location = parse(
        readFileSync(join(copy.dir, 'src/content/locations/en/main.yaml'), 'utf8'),
      ) as { hours: unknown; googlePlaceId: string; address: { city: string } };
      expect(clinic.phone).toBe('+15032270144');
      expect(clinic.brand.colour).toBe('#24485e');
      // The profiles answered, the shipped examples of the others gone.
      expect(clinic.profiles).toEqual({
        google: 'https://g.page/r/CWillowCreekMassage',
        facebook: 'https://www.facebook.com/willowcreekmassage',
      });
      expect(clinic).not.toHaveProperty('hours');
      expect(location.googlePlaceId).toBe('ChIJd8BlQ2BZwokRAFUEcm_qrcA');
      expect(location.hours).toEqual([
        { days: ['Monday', 'Tuesday', 'Wednesday'], opens: '09:00', closes: '17:00' },
        { days: ['Thursday'], opens: '11:00', closes: '19:00' },
        { days: ['Friday'], opens: '09:00', closes: '15:00' },
      ]);
      const sixty = readFileSync(join(copy.dir, 'src/content/pricing/en/60-minutes.mdx'), 'utf8');
      expect(sixty).toContain('price: 105\n');
      expect(sixty).not.toContain('CONFIRM');
      // On GitHub Pages staff log in through the login Worker, whose address setup asked for; the
      // hourly hook workflow, for Netlify and Cloudflare Pages, is removed.
      const config = readFileSync(join(copy.dir, 'src/site.config.ts'), 'utf8');
      expect(config).toContain("export const HOST: Host = 'github-pages';");
      expect(config).toContain("name: 'github',");
      expect(config).toContain(
        "base_url: 'https://willow-creek-cms-login.willow-creek.workers.dev',",
      );
      expect(existsSync(join(copy.dir, '.github/workflows/rebuild-hooks.yml'))).toBe(false);
      expect(existsSync(join(copy.dir, '.github/workflows/deploy-pages.yml'))).toBe(true);
      expect(launchCheck(copy.dir).status).toBe(0);
    } finally {
      copy.remove();
    }
  }, 300_000);
});
