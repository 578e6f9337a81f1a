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
 * The rule. The workflows run hourly at a fixed minute past each UTC hour: `cron: 'M * * * *'`,
 * M from 0 to 59. A run belongs to its slot, the latest instant at M minutes past a UTC hour at or
 * before the run's start: GitHub starts scheduled runs late, not early, so a run up to 59 minutes
 * late still finds its own slot. A run is due when its slot is the first of a day in the clinic's
 * zone: the day (YYYY-MM-DD) at the slot is not the day one hour before it. Exactly one slot a day
 * is due, in any zone: whole, half- and quarter-hour offsets, days that daylight saving time makes
 * 23 or 25 hours long, and zones whose clocks skip midnight or pass it twice (a rule on the local
 * hour, "due at hour 0", would build no time or twice on those days). One build a day, not two,
 * because each is a production deploy counted by the host's plan. A run that GitHub drops, or
 * starts an hour late or more, misses that day's rebuild: the next push, or "Run workflow", does it.
 *
 * A run not started by the schedule (a push, "Run workflow", a re-run of a scheduled run, or the
 * script run by hand) is always due.
 *
 * Input, from the environment GitHub Actions sets: GITHUB_EVENT_NAME (`schedule`, `push`,
 * `workflow_dispatch`, …), GITHUB_RUN_ATTEMPT (1, or more for a re-run), SCHEDULE (the cron that
 * started the run, `${{ github.event.schedule }}`), GITHUB_OUTPUT (a file path). `--at <instant>`
 * (ISO 8601, e.g. 2026-01-15T08:17:00Z) asks about a run starting then instead of now.
 * Output: `due=true` or `due=false` appended to $GITHUB_OUTPUT, and one line saying why.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';
import { parse } from 'yaml';
import { todayIn } from '../src/lib/dates.ts';

const HOUR = 60 * 60 * 1000;
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
 */

/**
 * Whether a run should rebuild the site, the clinic's day it builds for (YYYY-MM-DD), and why.
 * @param {Run} run
 * @returns {{ due: boolean, day: string, why: string }}
 */
export function rebuildDue({ event, attempt = 1, cron = '', start, timeZone }) {
  if (event !== 'schedule' || attempt > 1) {
    const started = attempt > 1 ? `a re-run (attempt ${attempt})` : event || 'run by hand';
    const day = todayIn(timeZone, start);
    return { due: true, day, why: `${started}: builds whenever it runs (${day} in ${timeZone})` };
  }
  const slot = slotOf(cron, start);
  const day = todayIn(timeZone, slot);
  const due = todayIn(timeZone, new Date(slot.getTime() - HOUR)) !== day;
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, timeStyle: 'short' }).format(slot);
  const utc = slot.toISOString().slice(11, 16);
  const first = due ? "the day's first" : "not the day's first";
  return {
    due,
    day,
    why: `the run scheduled at ${utc} UTC (${clock} on ${day} in ${timeZone}) is ${first}`,
  };
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

if (import.meta.main) {
  const { at } = parseArgs({ options: { at: { type: 'string' } } }).values;
  const start = at === undefined ? new Date() : new Date(at);
  if (Number.isNaN(start.getTime())) throw new Error(`--at ${at}: not an ISO 8601 instant`);
  const { env } = process;
  const { due, why } = rebuildDue({
    event: env['GITHUB_EVENT_NAME'] ?? '',
    attempt: Number(env['GITHUB_RUN_ATTEMPT'] ?? 1),
    cron: env['SCHEDULE'] ?? '',
    start,
    timeZone: await clinicTimeZone(process.cwd()),
  });
  console.log(`${due ? 'Rebuild' : 'No rebuild'}: ${why}.`);
  if (env['GITHUB_OUTPUT']) appendFileSync(env['GITHUB_OUTPUT'], `due=${due}\n`);
}
