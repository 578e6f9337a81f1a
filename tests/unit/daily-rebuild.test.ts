/**
 * The daily rebuild: the due-check (scripts/rebuild-due.mjs) rebuilds whenever the live site shows
 * a day before today in the clinic's time zone (read from clinic.yaml), and falls back to one
 * hourly run a day, the first after midnight there, when the site's day cannot be read; every workflow file is one GitHub
 * accepts (GitHub's own parser); the GitHub Pages workflow's build step builds the site; and the
 * hook workflow's step POSTs to each host whose secret is set, failing when a host refuses.
 * No GitHub, Netlify or Cloudflare here: the steps' own scripts run in bash, against a local
 * stand-in for the hosts.
 */
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { clinicTimeZone, publishedDay, rebuildDue, slotOf } from '../../scripts/rebuild-due.mjs';
import { addDays, todayIn } from '../../src/lib/dates';
import { CMS_BACKEND } from '../../src/site.config';
import { copyProject } from '../support/project-copy.mjs';

const projectRoot = resolve(import.meta.dirname, '../..');
const workflowsDir = join(projectRoot, '.github/workflows');
const HOURLY = '17 * * * *';

interface Step {
  id?: string;
  if?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; pull_request?: { branches?: string[] } };
  jobs: Record<string, { steps: Step[] }>;
}

const readWorkflow = (file: string) =>
  parse(readFileSync(join(workflowsDir, file), 'utf8')) as Workflow;

function stepOf(workflow: Workflow, id: string): Step {
  const step = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((candidate) => candidate.id === id);
  if (!step?.run) throw new Error(`no step with id "${id}" and a run script`);
  return step;
}

/** Runs a step's `run` script as GitHub's runner does by default (`bash -e`), without blocking. */
function runScript(
  script: string,
  options: { cwd?: string; env: Record<string, string | undefined> },
): Promise<{ status: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-e', '-c', script], {
      cwd: options.cwd ?? projectRoot,
      env: options.env,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, output }));
  });
}

/** GitHub's own reading of a workflow file: its errors, none when GitHub would accept it. */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  if (parsed.value === undefined) return parsed.context.errors.getErrors().map((e) => e.message);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((error) => error.Message);
}

/** A stand-in for the live site: serves `/site-day.txt` with `day` (404 while it is undefined). */
async function startSite(): Promise<{ origin: string; day?: string; close(): Promise<void> }> {
  const site: { origin: string; day?: string; close(): Promise<void> } = {
    origin: '',
    close: () => new Promise((closed) => server.close(() => closed())),
  };
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://site');
    if (pathname !== '/site-day.txt' || site.day === undefined) {
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain' }).end(`${site.day}\n`);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  site.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return site;
}

describe('the due-check, from the day the live site shows', () => {
  const run = (start: string, published: string, timeZone = 'America/Los_Angeles') =>
    rebuildDue({ event: 'schedule', cron: HOURLY, start: new Date(start), timeZone, published });
  interface Row {
    start: string;
    published: string;
    due: boolean;
    stale: boolean;
  }

  // Los Angeles, 15 January 2026 (UTC−8) unless said otherwise.
  test.each`
    start                     | published       | case                                                         | due      | stale
    ${'2026-01-15T08:17:00Z'} | ${'2026-01-14'} | ${'the run after midnight (00:17)'}                          | ${true}  | ${false}
    ${'2026-01-15T09:17:00Z'} | ${'2026-01-14'} | ${'the midnight run dropped: the next, at 01:17'}            | ${true}  | ${false}
    ${'2026-01-15T19:17:00Z'} | ${'2026-01-14'} | ${'the midnight run eleven hours late (11:17)'}              | ${true}  | ${false}
    ${'2026-01-15T10:17:00Z'} | ${'2026-01-15'} | ${'a run after the rebuild published (02:17)'}               | ${false} | ${false}
    ${'2026-01-16T07:17:00Z'} | ${'2026-01-15'} | ${'the last run of the day (23:17)'}                         | ${false} | ${false}
    ${'2026-01-15T08:17:00Z'} | ${'2026-01-13'} | ${'yesterday’s rebuilds all failed: due, and stale'}         | ${true}  | ${true}
    ${'2026-03-08T10:17:00Z'} | ${'2026-03-07'} | ${'the day clocks go forward (03:17 PDT), midnight dropped'} | ${true}  | ${false}
    ${'2026-11-01T09:17:00Z'} | ${'2026-11-01'} | ${'the day clocks go back, 01:17 for the second time'}       | ${false} | ${false}
  `('$case: due $due, stale $stale', ({ start, published, due, stale }: Row) => {
    expect(run(start, published)).toMatchObject({ due, stale });
  });

  test('names the day shown and today, and what to look at when stale', () => {
    expect(run('2026-01-15T09:17:00Z', '2026-01-14').why).toBe(
      'the site shows 2026-01-14, and it is 2026-01-15 in America/Los_Angeles',
    );
    expect(run('2026-01-15T09:17:00Z', '2026-01-13').why).toContain(
      'the rebuilds since did not publish',
    );
  });

  /**
   * A year of hourly runs against a host that publishes each requested build at once, except on
   * the days and hours a test says GitHub drops the run or the host's build fails: the day each
   * build was made for, and which runs were stale.
   */
  function simulate(
    timeZone: string,
    lost: (local: { day: string; hour: number }) => boolean = () => false,
  ) {
    const builds: string[] = [];
    const staleDays = new Set<string>();
    let published = '2025-12-31';
    const start = Date.parse('2026-01-01T00:17:00Z');
    const hourThere = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      hourCycle: 'h23',
    });
    for (let hour = 0; hour < 365 * 24; hour++) {
      const at = new Date(start + hour * 3_600_000);
      const local = { day: todayIn(timeZone, at), hour: Number(hourThere.format(at)) };
      const result = rebuildDue({
        event: 'schedule',
        cron: HOURLY,
        start: at,
        timeZone,
        published,
      });
      if (result.stale) staleDays.add(result.day);
      if (!result.due || lost(local)) continue;
      builds.push(result.day);
      published = result.day;
    }
    return { builds, staleDays };
  }

  test.each(['America/Los_Angeles', 'America/Havana', 'Australia/Lord_Howe', 'Asia/Kathmandu'])(
    'in %s, one build a day, every day of 2026, daylight saving time included',
    (timeZone) => {
      const { builds, staleDays } = simulate(timeZone);
      expect(builds.length).toBeGreaterThanOrEqual(364);
      builds.slice(1).forEach((day, index) => expect(day).toBe(addDays(builds[index]!, 1)));
      expect([...staleDays]).toEqual([]);
    },
  );

  test('runs dropped or failing until 11:00 every day: still one build a day, the first run after', () => {
    const { builds } = simulate('America/Los_Angeles', ({ hour }) => hour < 11);
    expect(builds.length).toBeGreaterThanOrEqual(364);
    builds.slice(1).forEach((day, index) => expect(day).toBe(addDays(builds[index]!, 1)));
  });

  test('a host whose builds fail for a whole day: every run retries, and the next day is stale until one publishes', () => {
    const failing = (day: string) => day === '2026-06-10' || day === '2026-06-11';
    const { builds, staleDays } = simulate(
      'America/Los_Angeles',
      ({ day, hour }) => failing(day) || (day === '2026-06-12' && hour < 5),
    );
    expect(builds).not.toContain('2026-06-10');
    expect(builds).not.toContain('2026-06-11');
    expect(builds).toContain('2026-06-12');
    expect([...staleDays]).toEqual(['2026-06-11', '2026-06-12']);
  });

  test('reads the live site’s /site-day.txt, and says why when it cannot', async () => {
    const site = await startSite();
    try {
      const now = new Date();
      expect(await publishedDay(site.origin, now)).toEqual({
        unread: `${site.origin}/site-day.txt: HTTP 404`,
      });
      site.day = '2026-01-15';
      expect(await publishedDay(site.origin, now)).toBe('2026-01-15');
      site.day = '<html>';
      expect(await publishedDay(site.origin, now)).toEqual({
        unread: `${site.origin}/site-day.txt holds no day`,
      });
    } finally {
      await site.close();
    }
    const unreachable = await publishedDay(site.origin, new Date());
    expect(unreachable).toMatchObject({ unread: expect.stringContaining(site.origin) });
  });

  test('cannot read the site (not published yet, or unreachable): the day’s first run only', () => {
    const unread = { unread: 'https://www.your-clinic.com/site-day.txt: HTTP 404' };
    const at = (start: string) =>
      rebuildDue({
        event: 'schedule',
        cron: HOURLY,
        start: new Date(start),
        timeZone: 'America/Los_Angeles',
        published: unread,
      });
    expect(at('2026-01-15T08:17:00Z')).toMatchObject({ due: true, stale: false });
    expect(at('2026-01-15T09:17:00Z')).toMatchObject({ due: false });
    expect(at('2026-01-15T09:17:00Z').why).toContain(
      "the site's day could not be read (https://www.your-clinic.com/site-day.txt: HTTP 404)",
    );
  });
});

describe('the due-check, when the site’s day cannot be read', () => {
  const scheduled = (start: string, timeZone: string) =>
    rebuildDue({ event: 'schedule', cron: HOURLY, start: new Date(start), timeZone });
  interface Row {
    start: string;
    timeZone: string;
    due: boolean;
    day: string;
  }

  // Runs of the hourly schedule at 17 past each UTC hour, at what the clock says in the zone.
  test.each`
    start                     | timeZone                 | there                                   | due      | day
    ${'2026-01-15T08:17:00Z'} | ${'America/Los_Angeles'} | ${'00:17 in winter (UTC−8)'}            | ${true}  | ${'2026-01-15'}
    ${'2026-01-15T07:17:00Z'} | ${'America/Los_Angeles'} | ${'23:17 the day before'}               | ${false} | ${'2026-01-14'}
    ${'2026-01-15T09:17:00Z'} | ${'America/Los_Angeles'} | ${'01:17'}                              | ${false} | ${'2026-01-15'}
    ${'2026-07-15T07:17:00Z'} | ${'America/Los_Angeles'} | ${'00:17 in summer (UTC−7)'}            | ${true}  | ${'2026-07-15'}
    ${'2026-07-15T08:17:00Z'} | ${'America/Los_Angeles'} | ${'01:17 in summer (the winter run)'}   | ${false} | ${'2026-07-15'}
    ${'2026-01-15T18:17:00Z'} | ${'Asia/Kolkata'}        | ${'23:47 (UTC+5:30)'}                   | ${false} | ${'2026-01-15'}
    ${'2026-01-15T19:17:00Z'} | ${'Asia/Kolkata'}        | ${'00:47'}                              | ${true}  | ${'2026-01-16'}
    ${'2026-01-15T18:17:00Z'} | ${'Asia/Kathmandu'}      | ${'00:02 (UTC+5:45)'}                   | ${true}  | ${'2026-01-16'}
    ${'2026-09-06T04:17:00Z'} | ${'America/Santiago'}    | ${'01:17, the clock having skipped 00'} | ${true}  | ${'2026-09-06'}
    ${'2026-11-01T04:17:00Z'} | ${'America/Havana'}      | ${'00:17, the first of two'}            | ${true}  | ${'2026-11-01'}
    ${'2026-11-01T05:17:00Z'} | ${'America/Havana'}      | ${'00:17 again, the clock put back'}    | ${false} | ${'2026-11-01'}
  `('$timeZone at $there: due $due', ({ start, timeZone, due, day }: Row) => {
    expect(scheduled(start, timeZone)).toMatchObject({ due, day });
  });

  // A run that starts late, past midnight, still belongs to the slot it was scheduled for.
  test.each`
    start                     | timeZone                 | late                                           | due      | day
    ${'2026-01-15T09:15:00Z'} | ${'America/Los_Angeles'} | ${'the 00:17 run, 58 minutes late (01:15)'}    | ${true}  | ${'2026-01-15'}
    ${'2026-01-15T08:05:00Z'} | ${'America/Los_Angeles'} | ${'the 23:17 run, 48 minutes late (00:05)'}    | ${false} | ${'2026-01-14'}
    ${'2026-01-15T18:45:00Z'} | ${'Asia/Kolkata'}        | ${'the 23:47 run, 28 minutes late (00:15)'}    | ${false} | ${'2026-01-15'}
    ${'2026-01-15T20:16:59Z'} | ${'Asia/Kolkata'}        | ${'the 00:47 run, 59 minutes late (01:46:59)'} | ${true}  | ${'2026-01-16'}
  `('across midnight, $timeZone: $late is due $due', ({ start, timeZone, due, day }: Row) => {
    expect(scheduled(start, timeZone)).toMatchObject({ due, day });
  });

  test.each(['America/Havana', 'Australia/Lord_Howe'])(
    'in %s, exactly one hourly run a day is due, every day of 2026 (daylight saving time included)',
    (timeZone) => {
      const dueDays: string[] = [];
      const start = Date.parse('2026-01-01T00:17:00Z');
      for (let hour = 0; hour < 365 * 24; hour++) {
        const result = scheduled(new Date(start + hour * 3_600_000).toISOString(), timeZone);
        if (result.due) dueDays.push(result.day);
      }
      // Each day once, from the first to the last, none skipped.
      expect(dueDays.length).toBeGreaterThanOrEqual(364);
      dueDays.slice(1).forEach((day, index) => expect(day).toBe(addDays(dueDays[index]!, 1)));
    },
  );

  test('a push, a manual run and a re-run of a scheduled run always build', () => {
    const notDue = { start: new Date('2026-01-15T09:17:00Z'), timeZone: 'America/Los_Angeles' };
    expect(rebuildDue({ event: 'schedule', cron: HOURLY, ...notDue }).due).toBe(false);
    expect(rebuildDue({ event: 'push', ...notDue }).due).toBe(true);
    expect(rebuildDue({ event: 'workflow_dispatch', ...notDue }).due).toBe(true);
    expect(rebuildDue({ event: 'schedule', attempt: 2, cron: HOURLY, ...notDue }).due).toBe(true);
  });

  test('refuses a schedule that is not hourly, naming the shape it expects', () => {
    expect(() => slotOf('17 0 * * *', new Date())).toThrow(
      `schedule "17 0 * * *": the due-check expects an hourly schedule, 'M * * * *' (M a minute 0–59)`,
    );
  });

  test('reads the zone from clinic.yaml and follows a change of it', async () => {
    const copy = copyProject('clinic-rebuild-zone-');
    try {
      const settings = join(copy.dir, 'src/content/settings/en/clinic.yaml');
      const start = (iso: string, timeZone: string) =>
        rebuildDue({ event: 'schedule', cron: HOURLY, start: new Date(iso), timeZone }).due;

      const before = await clinicTimeZone(copy.dir);
      expect(before).toBe('America/Los_Angeles');
      expect(start('2026-01-15T08:17:00Z', before)).toBe(true);

      const text = readFileSync(settings, 'utf8');
      writeFileSync(settings, text.replace(/^timeZone: .*$/m, "timeZone: 'Asia/Kolkata'"));
      const after = await clinicTimeZone(copy.dir);
      expect(after).toBe('Asia/Kolkata');
      expect(start('2026-01-15T08:17:00Z', after)).toBe(false);
      expect(start('2026-01-15T19:17:00Z', after)).toBe(true);

      writeFileSync(settings, text.replace(/^timeZone: .*$/m, 'timeZone: Mars/Olympus_Mons'));
      await expect(clinicTimeZone(copy.dir)).rejects.toThrow(
        'src/content/settings/en/clinic.yaml: timeZone: "Mars/Olympus_Mons" is not a time zone',
      );
    } finally {
      copy.remove();
    }
  });
});

describe('the workflow files', () => {
  const files = readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file));

  test('include the two this file tests further', () => {
    expect(files).toEqual(expect.arrayContaining(['deploy-pages.yml', 'rebuild-hooks.yml']));
  });

  test.each(files)('%s is a workflow GitHub accepts', async (file) => {
    const content = readFileSync(join(workflowsDir, file), 'utf8');
    expect(await workflowErrors(file, content)).toEqual([]);
  });

  // What GitHub would refuse, one mistake at a time: the validator is not a test that cannot fail.
  test.each([
    ['deploy-pages.yml', `cron: '17 * * * *'`, `cron: '17 * * *'`, 'Invalid cron expression'],
    ['deploy-pages.yml', 'runs-on:', 'runs_on:', "Unexpected value 'runs_on'"],
    ['deploy-pages.yml', "due == 'true'", "due == 'true", 'Unexpected symbol'],
    ['deploy-pages.yml', 'needs: build', 'needs: built', "depends on unknown job 'built'"],
    ['rebuild-hooks.yml', '${{ secrets.', '${{ secret.', "Unrecognized named-value: 'secret'"],
  ])('%s with %s written %s is refused', async (file, from, to, error) => {
    const content = readFileSync(join(workflowsDir, file), 'utf8');
    expect(content).toContain(from);
    const errors = await workflowErrors(file, content.replace(from, to));
    expect(errors.join('\n')).toContain(error);
  });

  test.each(['deploy-pages.yml', 'rebuild-hooks.yml'])(
    '%s runs hourly and asks the due-check with its schedule',
    (file) => {
      const workflow = readWorkflow(file);
      const schedules = workflow.on.schedule ?? [];
      expect(schedules).not.toEqual([]);
      for (const { cron } of schedules) expect(() => slotOf(cron, new Date())).not.toThrow();
      const due = stepOf(workflow, 'due');
      expect(due.run).toBe('node scripts/rebuild-due.mjs');
      expect(due.env).toEqual({ SCHEDULE: '${{ github.event.schedule }}' });
    },
  );
});

describe('the workflow that builds drafts', () => {
  const workflow = readWorkflow('build-drafts.yml');

  test('builds every pull request into the branch the CMS publishes to, as the hosts build', () => {
    expect(workflow.on.pull_request?.branches).toEqual([CMS_BACKEND.branch]);
    expect(stepOf(workflow, 'build').run).toBe('npm run build');
  });
});

describe('the GitHub Pages workflow', () => {
  const workflow = readWorkflow('deploy-pages.yml');
  let copy: ReturnType<typeof copyProject>;

  beforeAll(() => {
    // A production build stops while a placeholder is left: set up a made-up clinic first.
    copy = copyProject('clinic-pages-build-', ['scripts']);
    const setup = spawnSync(
      process.execPath,
      ['scripts/setup.mjs', '--answers', join(projectRoot, 'tests/fixtures/setup/clinic.yaml')],
      { cwd: copy.dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
    );
    expect(setup.status, setup.stderr).toBe(0);
  });
  afterAll(() => copy?.remove());

  test('its due step writes due=, stale= and why= for the steps after it', async () => {
    const step = stepOf(workflow, 'due');
    const outputs = mkdtempSync(join(tmpdir(), 'clinic-rebuild-output-'));
    const site = await startSite();
    try {
      const ask = async (name: string, env: Record<string, string>, at = '') => {
        const output = join(outputs, name);
        const result = await runScript(`${step.run}${at}`, {
          cwd: copy.dir,
          env: { PATH: process.env['PATH'], GITHUB_OUTPUT: output, SCHEDULE: HOURLY, ...env },
        });
        expect(result.status, result.output).toBe(0);
        return readFileSync(output, 'utf8');
      };
      expect(await ask('push', { GITHUB_EVENT_NAME: 'push' })).toMatch(/^due=true\nstale=false\n/);
      const schedule = { GITHUB_EVENT_NAME: 'schedule', GITHUB_RUN_ATTEMPT: '1' };
      const scheduledAt = (instant: string) => ` --at ${instant} --site ${site.origin}`;
      // The site not yet published: the day's first run only.
      expect(await ask('01-17', schedule, scheduledAt('2026-01-15T09:17:00Z'))).toMatch(
        /^due=false\n/,
      );
      expect(await ask('00-17', schedule, scheduledAt('2026-01-15T08:17:00Z'))).toMatch(
        /^due=true\n/,
      );
      // Published: whenever it shows a day before today (the 00:17 run was dropped).
      site.day = '2026-01-14';
      expect(await ask('01-17-behind', schedule, scheduledAt('2026-01-15T09:17:00Z'))).toBe(
        'due=true\nstale=false\nwhy=the site shows 2026-01-14, and it is 2026-01-15 in America/Los_Angeles\n',
      );
      site.day = '2026-01-15';
      expect(await ask('02-17', schedule, scheduledAt('2026-01-15T10:17:00Z'))).toMatch(
        /^due=false\n/,
      );
      site.day = '2026-01-13';
      expect(await ask('stale', schedule, scheduledAt('2026-01-15T10:17:00Z'))).toMatch(
        /^due=true\nstale=true\n/,
      );
    } finally {
      rmSync(outputs, { recursive: true, force: true });
      await site.close();
    }
  });

  test('after publishing, fails the run when the site was stale, so that GitHub tells the owner', async () => {
    const step = workflow.jobs['deploy']!.steps.at(-1)!;
    expect(step.if).toBe("needs.build.outputs.stale == 'true'");
    const result = await runScript(step.run!, {
      env: { PATH: process.env['PATH'], WHY: 'the site shows 2026-01-13, and it is 2026-01-15' },
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('::error::The site was out of date: the site shows 2026-01-13');
  });

  test('runs the build it names, which builds the production site', async () => {
    const step = stepOf(workflow, 'build');
    expect(step.if).toBe("steps.due.outputs.due == 'true'");
    const result = await runScript(step.run!, {
      cwd: copy.dir,
      env: { ...process.env, ...step.env, SITE_DATE: '2026-12-24', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('launch check passed');
    expect(existsSync(join(copy.dir, 'dist/index.html'))).toBe(true);
  });
});

describe('the hook workflow', () => {
  const workflow = readWorkflow('rebuild-hooks.yml');
  const hooks = stepOf(workflow, 'hooks');
  const secrets = ['NETLIFY_BUILD_HOOK', 'CLOUDFLARE_DEPLOY_HOOK'];
  /** Requests the stand-in received, and the status it answers each path with. */
  const received: { method: string; path: string; body: string }[] = [];
  const answers = new Map<string, number>();
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const path = request.url ?? '';
        received.push({ method: request.method ?? '', path, body });
        const status = answers.get(path) ?? 200;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(status < 400 ? '{"id":"stand-in"}' : '{"error":"stand-in refused"}');
      });
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((closed) => server.close(closed)));

  /** The hook step's script, with the given secrets pointing at the stand-in. */
  async function requestRebuild(set: Record<string, string>) {
    received.length = 0;
    return runScript(hooks.run!, { env: { PATH: process.env['PATH'], ...set } });
  }

  test('fails the run when the site is stale, after asking for the rebuild', async () => {
    const steps = workflow.jobs['rebuild']!.steps;
    const last = steps.at(-1)!;
    expect(last.if).toBe("steps.due.outputs.stale == 'true'");
    expect(steps.indexOf(hooks)).toBeLessThan(steps.indexOf(last));
    const result = await runScript(last.run!, {
      env: { PATH: process.env['PATH'], WHY: 'the site shows 2026-01-13, and it is 2026-01-15' },
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('::error::The site is out of date: the site shows 2026-01-13');
  });

  test('reads each hook from its repository secret, and runs only when a rebuild is due', () => {
    expect(hooks.if).toBe("steps.due.outputs.due == 'true'");
    expect(hooks.env).toEqual(
      Object.fromEntries(secrets.map((name) => [name, `\${{ secrets.${name} }}`])),
    );
  });

  test('POSTs once to each hook whose secret is set', async () => {
    const result = await requestRebuild({
      NETLIFY_BUILD_HOOK: `${origin}/build_hooks/netlify-id`,
      CLOUDFLARE_DEPLOY_HOOK: `${origin}/pages/webhooks/deploy_hooks/cloudflare-id`,
    });
    expect(result.status, result.output).toBe(0);
    expect(received).toEqual([
      { method: 'POST', path: '/build_hooks/netlify-id', body: '{}' },
      { method: 'POST', path: '/pages/webhooks/deploy_hooks/cloudflare-id', body: '{}' },
    ]);
    expect(result.output).toContain('NETLIFY_BUILD_HOOK: build requested.');
    expect(result.output).toContain('CLOUDFLARE_DEPLOY_HOOK: build requested.');
  });

  test('leaves a host alone when its secret is not set', async () => {
    const result = await requestRebuild({
      CLOUDFLARE_DEPLOY_HOOK: `${origin}/pages/webhooks/deploy_hooks/cloudflare-id`,
    });
    expect(result.status, result.output).toBe(0);
    expect(received.map(({ path }) => path)).toEqual([
      '/pages/webhooks/deploy_hooks/cloudflare-id',
    ]);
    expect(result.output).toContain('NETLIFY_BUILD_HOOK is not set: skipped.');
  });

  test('with no secret set, sends nothing and stops before installing', async () => {
    const result = await requestRebuild({});
    expect(result.status, result.output).toBe(0);
    expect(received).toEqual([]);

    const output = join(mkdtempSync(join(tmpdir(), 'clinic-hooks-set-')), 'output');
    try {
      const check = await runScript(stepOf(workflow, 'hooks-set').run!, {
        env: { PATH: process.env['PATH'], GITHUB_OUTPUT: output },
      });
      expect(check.status, check.output).toBe(0);
      expect(existsSync(output) ? readFileSync(output, 'utf8') : '').not.toContain('any=true');
      const install = workflow.jobs['rebuild']!.steps.find((step) =>
        step.run?.startsWith('npm ci'),
      );
      expect(install?.if).toBe("steps.hooks-set.outputs.any == 'true'");
    } finally {
      rmSync(join(output, '..'), { recursive: true, force: true });
    }
  });

  test('fails, naming the host, when a hook answers with an error, and still tries the other', async () => {
    answers.set('/build_hooks/netlify-id', 500);
    try {
      const result = await requestRebuild({
        NETLIFY_BUILD_HOOK: `${origin}/build_hooks/netlify-id`,
        CLOUDFLARE_DEPLOY_HOOK: `${origin}/pages/webhooks/deploy_hooks/cloudflare-id`,
      });
      expect(result.status).not.toBe(0);
      expect(received).toHaveLength(2);
      expect(result.output).toContain('stand-in refused');
      expect(result.output).toContain(
        '::error::NETLIFY_BUILD_HOOK: the host did not accept the request',
      );
      expect(result.output).toContain('CLOUDFLARE_DEPLOY_HOOK: build requested.');
    } finally {
      answers.clear();
    }
  });
});
