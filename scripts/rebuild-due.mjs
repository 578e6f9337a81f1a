// @ts-check
/**
 * Whether a run of a scheduled workflow should rebuild the site: the "Rebuild due?" step of
 * `.github/workflows/deploy-pages.yml` and `rebuild-hooks.yml`, `node scripts/rebuild-due.mjs`.
 *
 * Why: closures and notices start and end on days in the clinic's time zone (`timeZone` in the main
 * language's `src/content/settings/<code>/clinic.yaml`), and a static site only changes when it is
 * built. GitHub's cron runs in UTC (or in a zone written into the workflow, which staff do not
 * edit), so the workflows run every hour and this check reads the zone from the content and picks
 * one run a day.
 *
 * The rule. The workflows run hourly at a fixed minute past each UTC hour (`cron: 'M * * * *'`).
 * Each build writes the day it was built for into the site (`/site-day.txt`, see
 * src/integrations/launch-guard.ts), and a scheduled run reads it from the live site
 * (`SITE_URL`): the run is due whenever the site shows a day before today in the clinic's zone.
 * So the first run after midnight rebuilds, and if GitHub drops it or starts it hours late, or the
 * host's build fails, the next hourly run sees the old day and rebuilds: the site is right from the
 * first run that works. A site still showing the day before yesterday (the rebuilds of a whole day
 * did not publish) is `stale`: the workflow then fails, so that its owner hears of it.
 *
 * When the live site's day cannot be read (the site is not published yet, or not reachable), the
 * run falls back to the clock: its slot is the latest instant at M minutes past a UTC hour at or
 * before the run's start (GitHub starts scheduled runs late, not early), and it is due when that
 * slot is the first of a day in the clinic's zone (the day at the slot is not the day one hour
 * before it). Exactly one slot a day is due, in any zone: whole, half- and quarter-hour offsets,
 * days that daylight saving time makes 23 or 25 hours long, and zones whose clocks skip midnight or
 * pass it twice.
 *
 * A run not started by the schedule (a push, "Run workflow", a re-run of a scheduled run, or the
 * script run by hand) is always due.
 *
 * Input, from the environment GitHub Actions sets: GITHUB_EVENT_NAME (`schedule`, `push`,
 * `workflow_dispatch`, …), GITHUB_RUN_ATTEMPT (1, or more for a re-run), SCHEDULE (the cron that
 * started the run, `${{ github.event.schedule }}`), GITHUB_OUTPUT (a file path). `--at <instant>`
 * (ISO 8601, e.g. 2026-01-15T08:17:00Z) asks about a run starting then instead of now; `--site
 * <origin>` reads the site's day there instead of at `SITE_URL` (src/site.config.ts).
 * Output: `due=`, `stale=` (`true` or `false`) and `why=` appended to $GITHUB_OUTPUT, and one line
 * saying why.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';
import { parse } from 'yaml';
import { addDays, SITE_DAY_FILE, todayIn } from '../src/lib/dates.ts';

const HOUR = 60 * 60 * 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HOURLY = /^([0-5]?\d) \* \* \* \*$/;

/**
 * The slot a run of an hourly schedule belongs to: the latest instant at `cron`'s minute past a
 * UTC hour, at or before `start`.
 * @param {string} cron `'M * * * *'`, M the minute (0–59) past each UTC hour
 * @param {Date} start when the run started
 * @returns {Date}
 */
export function slotOf(cron, start) {
  const minute = HOURLY.exec(cron.trim())?.[1];
  if (minute === undefined) {
    throw new Error(
      `schedule "${cron}": the due-check expects an hourly schedule, 'M * * * *' (M a minute 0–59)`,
    );
  }
  const slot = new Date(start);
  slot.setUTCMinutes(Number(minute), 0, 0);
  if (slot > start) slot.setTime(slot.getTime() - HOUR);
  return slot;
}

/**
 * @typedef {object} Run
 * @property {string} event what started the run, as GITHUB_EVENT_NAME: `schedule`, `push`, …
 * @property {number} [attempt] 1 for a run's first attempt, 2 and more for re-runs
 * @property {string} [cron] the schedule that started it (`schedule` runs)
 * @property {Date} start when it started
 * @property {string} timeZone the clinic's time zone, an IANA name
 * @property {string | { unread: string } | undefined} [published] the day the live site was built for
 *   (YYYY-MM-DD, its `/site-day.txt`), or why it could not be read
 */

/**
 * Whether a run should rebuild the site, the clinic's day it builds for (YYYY-MM-DD), whether the
 * site is stale (still showing the day before yesterday or earlier), and why.
 * @param {Run} run
 * @returns {{ due: boolean, day: string, stale: boolean, why: string }}
 * @throws Error naming the schedule when a scheduled run's cron is not hourly
 */
export function rebuildDue({ event, attempt = 1, cron = '', start, timeZone, published }) {
  if (event !== 'schedule' || attempt > 1) {
    const started = attempt > 1 ? `a re-run (attempt ${attempt})` : event || 'run by hand';
    const day = todayIn(timeZone, start);
    return {
      due: true,
      day,
      stale: false,
      why: `${started}: builds whenever it runs (${day} in ${timeZone})`,
    };
  }
  const slot = slotOf(cron, start);
  if (typeof published === 'string') {
    const day = todayIn(timeZone, start);
    if (published >= day) {
      return { due: false, day, stale: false, why: `the site already shows ${published}` };
    }
    const stale = published < addDays(day, -1);
    return {
      due: true,
      day,
      stale,
      why: `the site shows ${published}, and it is ${day} in ${timeZone}${
        stale ? ': the rebuilds since did not publish (see the host’s deploys)' : ''
      }`,
    };
  }
  const day = todayIn(timeZone, slot);
  const due = todayIn(timeZone, new Date(slot.getTime() - HOUR)) !== day;
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, timeStyle: 'short' }).format(slot);
  const utc = slot.toISOString().slice(11, 16);
  const first = due ? "the day's first" : "not the day's first";
  const unread = published ? `the site's day could not be read (${published.unread}); ` : '';
  return {
    due,
    day,
    stale: false,
    why: `${unread}the run scheduled at ${utc} UTC (${clock} on ${day} in ${timeZone}) is ${first}`,
  };
}

/**
 * The day the site at `origin` was built for: its `/site-day.txt`, asked past any cache.
 * @param {string} origin the site's address, e.g. https://www.your-clinic.com
 * @param {Date} start the run's start (makes the address unique, so no cache answers)
 * @returns {Promise<string | { unread: string }>} the day (YYYY-MM-DD), or why it was not read
 */
export async function publishedDay(origin, start) {
  const url = new URL(`/${SITE_DAY_FILE}`, origin);
  url.searchParams.set('run', String(start.getTime()));
  try {
    const response = await fetch(url, {
      cache: 'no-store',
      signal: AbortSignal.timeout(20_000),
    });
    if (!response.ok) return { unread: `${url.origin}${url.pathname}: HTTP ${response.status}` };
    const text = (await response.text()).trim();
    return DAY.test(text) ? text : { unread: `${url.origin}${url.pathname} holds no day` };
  } catch (error) {
    const cause = error instanceof Error ? (error.cause ?? error) : error;
    return {
      unread: `${url.origin}${url.pathname}: ${cause instanceof Error ? cause.message : String(cause)}`,
    };
  }
}

/**
 * The clinic's time zone: `timeZone` in the main language's `clinic.yaml` (the main language is
 * the first in `languages.yaml`, read by the site's own `readLanguages`).
 * @param {string} root the project's folder
 * @returns {Promise<string>} an IANA time zone name
 * @throws Error naming the file when the zone is missing or unknown
 */
export async function clinicTimeZone(root) {
  /** @type {{ module: typeof import('../src/i18n/languages.ts') }} */
  const { module } = await runnerImport('/src/i18n/languages.ts', {
    root,
    configFile: false,
    logLevel: 'error',
  });
  const { main } = module.readLanguages(pathToFileURL(`${root}/`));
  const file = `src/content/settings/${main.code}/clinic.yaml`;
  const timeZone = parse(readFileSync(join(root, file), 'utf8'))?.timeZone;
  try {
    if (typeof timeZone !== 'string') throw new RangeError('not set');
    todayIn(timeZone);
  } catch {
    throw new Error(`${file}: timeZone: ${JSON.stringify(timeZone)} is not a time zone`);
  }
  return timeZone;
}

/**
 * The site's address: `SITE_URL` in `src/site.config.ts`.
 * @param {string} root the project's folder
 * @returns {Promise<string>}
 */
async function siteUrl(root) {
  /** @type {{ module: typeof import('../src/site.config.ts') }} */
  const { module } = await runnerImport('/src/site.config.ts', {
    root,
    configFile: false,
    logLevel: 'error',
  });
  return module.SITE_URL;
}

if (import.meta.main) {
  try {
    const { at, site } = parseArgs({
      options: { at: { type: 'string' }, site: { type: 'string' } },
    }).values;
    const start = at === undefined ? new Date() : new Date(at);
    if (Number.isNaN(start.getTime())) throw new Error(`--at ${at}: not an ISO 8601 instant`);
    const { env } = process;
    const event = env['GITHUB_EVENT_NAME'] ?? '';
    const root = process.cwd();
    const { due, stale, why } = rebuildDue({
      event,
      attempt: Number(env['GITHUB_RUN_ATTEMPT'] ?? 1),
      cron: env['SCHEDULE'] ?? '',
      start,
      timeZone: await clinicTimeZone(root),
      published:
        event === 'schedule' ? await publishedDay(site ?? (await siteUrl(root)), start) : undefined,
    });
    console.log(`${due ? 'Rebuild' : 'No rebuild'}: ${why}.`);
    if (stale) console.log(`::error::The site is out of date: ${why}.`);
    if (env['GITHUB_OUTPUT']) {
      appendFileSync(env['GITHUB_OUTPUT'], `due=${due}\nstale=${stale}\nwhy=${why}\n`);
    }
  } catch (error) {
    // A schedule that is not hourly, an --at that is no instant, a zone that is no zone: named,
    // as GitHub shows an error annotation, without a stack trace.
    console.log(`::error::${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
