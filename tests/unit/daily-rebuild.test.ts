/**
 * The daily rebuild: the due-check (scripts/rebuild-due.mjs) picks one hourly run a day, the first
 * after midnight in the clinic's time zone, read from clinic.yaml; every workflow file is one GitHub
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
import { clinicTimeZone, rebuildDue, slotOf } from '../../scripts/rebuild-due.mjs';
import { addDays } from '../../src/lib/dates';
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

describe('the due-check', () => {
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

  test('its due step writes due= for the steps after it', async () => {
    const step = stepOf(workflow, 'due');
    const outputs = mkdtempSync(join(tmpdir(), 'clinic-rebuild-output-'));
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
      expect(await ask('push', { GITHUB_EVENT_NAME: 'push' })).toBe('due=true\n');
      const schedule = { GITHUB_EVENT_NAME: 'schedule', GITHUB_RUN_ATTEMPT: '1' };
      expect(await ask('01-17', schedule, ' --at 2026-01-15T09:17:00Z')).toBe('due=false\n');
      expect(await ask('00-17', schedule, ' --at 2026-01-15T08:17:00Z')).toBe('due=true\n');
    } finally {
      rmSync(outputs, { recursive: true, force: true });
    }
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
