/**
 * `npm run setup`: the clinic's facts and deployment settings, asked one by one in the terminal
 * (`@clack/prompts`) or read from an answers file (`npm run setup -- --answers clinic.yaml`),
 * checked against the schemas as they come, written into their files, then the launch check.
 */
import { LANGUAGES_FILE } from '../i18n/languages';
import { languagesSchema } from '../schemas/languages';
import * as prompt from '@clack/prompts';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { parseDocument } from 'yaml';
import { WEEKDAYS, type Weekday } from '../schemas/clinic';
import type { OpeningHours } from '../schemas/locations';
import { deploySchema, NETLIFY_OAUTH, type Backend } from '../schemas/deploy';
import { isDay } from '../lib/dates';
import { contentNameOf } from '../collections';
import { deploySettings, formatFindings, launchCheck } from './check';
import { Journal, JOURNAL_FILE } from './journal';
import { markedFields, valueProblems } from './placeholders';
import {
  answersSchema,
  HOSTS,
  bodyTextProblem,
  normalisePhone,
  problemsOf,
  Setup,
  type Answers,
  type Host,
} from './answers';

type Data = Record<string, unknown>;

const setIn = (data: Data, path: string[], value: unknown): Data => {
  const copy = structuredClone(data);
  const parent = path.slice(0, -1).reduce<Data>((node, key) => (node[key] ??= {}) as Data, copy);
  parent[path.at(-1) ?? ''] = value;
  return copy;
};

/** The schema's words for one field of a settings file or a location, as the CMS would show them. */
export function fieldCheck(
  name: 'clinic' | 'booking' | 'locations',
  current: Data,
  path: string[],
) {
  return (value: unknown): string | undefined =>
    problemsOf(name, setIn(current, path, value), path.join('.'))[0];
}

const withoutPlaceholderNote = (text: unknown) =>
  String(text ?? '')
    .replace(/\s*\(placeholder[^)]*\)/gi, '')
    .trim();

/** This run's answers, kept as they are given (src/launch/journal.ts). */
let journal: Journal | undefined;

/**
 * Stops cleanly when the person presses Ctrl-C or Esc: nothing has been written into the site
 * yet, and the answers given so far are kept for the next run.
 */
function answered<T>(value: T): Exclude<T, symbol> {
  if (prompt.isCancel(value)) {
    prompt.cancel(
      journal
        ? `Set-up stopped. Nothing was written into the site; your answers so far are kept (${JOURNAL_FILE}): run npm run setup again to go on.`
        : 'Set-up stopped. Nothing was written.',
    );
    process.exit(1);
  }
  return value as Exclude<T, symbol>;
}

/**
 * Asks one question through `ask`, unless a run before answered it: then that answer is given
 * again (shown, not asked), or offered as the first answer when that run's answers were refused.
 * Every answer is kept in the journal as it is given.
 */
async function kept<T, O extends { message: string; initialValue?: T }>(
  options: O,
  ask: (options: O) => Promise<T | symbol>,
): Promise<T> {
  const { key, saved } = journal?.question(options.message) ?? { key: options.message };
  let answer: T;
  if (saved !== undefined && !journal?.refused) {
    answer = saved as T;
    prompt.log.info(
      `${options.message}: ${Array.isArray(answer) ? answer.join(', ') : String(answer)}`,
    );
  } else {
    const offered = saved === undefined ? options : { ...options, initialValue: saved as T };
    answer = answered(await ask(offered)) as T;
  }
  journal?.record(key, answer);
  return answer;
}

/** A file on this machine (`initialValue` offered), or empty for none. */
const askFile = (message: string, extensions: RegExp, kind: string, initialValue = '') =>
  ask({
    message,
    initialValue,
    placeholder: 'path to the file, or empty for none',
    validate: (value) => {
      if (!value) return undefined;
      if (!existsSync(resolve(value))) return `there is no file ${resolve(value)}`;
      return extensions.test(value) ? undefined : `must be ${kind}`;
    },
  });

const ask = (options: prompt.TextOptions) => kept<string, prompt.TextOptions>(options, prompt.text);
const choose = <Value>(options: prompt.SelectOptions<Value>) =>
  kept<Value, prompt.SelectOptions<Value>>(options, prompt.select);
const yesNo = (options: prompt.ConfirmOptions) =>
  kept<boolean, prompt.ConfirmOptions>(options, prompt.confirm);
/** A multiselect: what a refused run chose is offered as its chosen values. */
const chooseMany = <Value>(options: prompt.MultiSelectOptions<Value>) =>
  kept<Value[], prompt.MultiSelectOptions<Value> & { initialValue?: Value[] }>(
    options,
    ({ initialValue, ...rest }) =>
      prompt.multiselect({
        ...rest,
        ...((initialValue ?? rest.initialValues) && {
          initialValues: initialValue ?? rest.initialValues,
        }),
      }),
  );

/** A stored value to offer again, unless it is a placeholder or an example. */
const own = (value: unknown): string =>
  typeof value === 'string' && !valueProblems(value).length ? value : '';

/** `9` → `09:00`, `9:30` → `09:30`; anything else is left for the schema to judge. */
const clockTime = (text: string) => {
  const [, hours = '', minutes = '00'] = /^(\d{1,2})(?::(\d{2}))?$/.exec(text.trim()) ?? [];
  return hours ? `${hours.padStart(2, '0')}:${minutes}` : text.trim();
};

/** `09:00-18:00` (or `9-18`, `9:30 to 17:30`) → opening hours; empty → closed. */
function dayHours(text: string): { opens: string; closes: string } | undefined {
  const [opens = '', closes = ''] = text.split(/\s*(?:-|–|\bto\b)\s*/);
  return text.trim() ? { opens: clockTime(opens), closes: clockTime(closes) } : undefined;
}

/** Days with the same hours share one line, in week order, as `clinic.yaml` writes them. */
function groupHours(days: Partial<Record<Weekday, { opens: string; closes: string }>>) {
  const groups: OpeningHours[] = [];
  for (const day of WEEKDAYS) {
    const hours = days[day];
    if (!hours) continue;
    const same = groups.find(
      (group) => group.opens === hours.opens && group.closes === hours.closes,
    );
    if (same) same.days.push(day);
    else groups.push({ days: [day], ...hours });
  }
  return groups;
}

const splitList = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * The time zone most of a US state keeps (IANA names), offered as setup's first answer; the
 * person setting up confirms or changes it (Oregon's Malheur County keeps Mountain time, most of
 * the state Pacific). Source: the IANA tz database's zone.tab.
 */
const STATE_TIME_ZONES: Record<string, string> = {
  ...Object.fromEntries(
    ['CT', 'DE', 'DC', 'FL', 'GA', 'IN', 'KY', 'ME', 'MD', 'MA', 'MI', 'NH', 'NJ', 'NY', 'NC']
      .concat(['OH', 'PA', 'RI', 'SC', 'VT', 'VA', 'WV'])
      .map((state) => [state, 'America/New_York']),
  ),
  ...Object.fromEntries(
    [
      'AL',
      'AR',
      'IL',
      'IA',
      'KS',
      'LA',
      'MN',
      'MS',
      'MO',
      'NE',
      'ND',
      'OK',
      'SD',
      'TN',
      'TX',
      'WI',
    ].map((state) => [state, 'America/Chicago']),
  ),
  ...Object.fromEntries(
    ['CO', 'ID', 'MT', 'NM', 'UT', 'WY'].map((state) => [state, 'America/Denver']),
  ),
  AZ: 'America/Phoenix',
  ...Object.fromEntries(['CA', 'NV', 'OR', 'WA'].map((state) => [state, 'America/Los_Angeles'])),
  AK: 'America/Anchorage',
  HI: 'Pacific/Honolulu',
  PR: 'America/Puerto_Rico',
};

/** The time zone most of `state` (a two-letter code) keeps, if known. */
export const timeZoneOf = (state: string): string | undefined =>
  STATE_TIME_ZONES[state.toUpperCase()];

/** A location's file as the prompts offer it: its values, and which of them to offer again. */
function locationOffered(setup: Setup, file: string | undefined) {
  const entry = file === undefined ? undefined : setup.file(file);
  const current = (entry?.doc.toJS() ?? {}) as Data;
  // What a run before set is offered again; a field still marked PLACEHOLDER is not.
  const marked = new Set((entry ? markedFields(entry.doc) : []).map((path) => String(path[0])));
  return {
    id: file === undefined ? undefined : basename(file, '.yaml'),
    current,
    /** Still the template's (a field marked PLACEHOLDER): a clinic's own location replaces it. */
    placeholder: marked.size > 0,
    kept: (field: string) => entry !== undefined && !marked.has(field),
  };
}

/**
 * One of the clinic's locations (`index` of `count`), offered as its file (`file`, the one in the
 * same place in order) has it. With one location, only where it is and when it is open, as before
 * there were locations: its name and the rest are the clinic's. `afterAddress` asks what follows
 * the first location's address (the clinic's time zone, offered from its state).
 */
async function askLocation(
  setup: Setup,
  file: string | undefined,
  {
    index,
    count,
    languages,
    clinic,
  }: { index: number; count: number; languages: string[]; clinic: Data },
  afterAddress: (address: Data) => Promise<void>,
): Promise<Data> {
  const { id, current, placeholder, kept } = locationOffered(setup, file);
  const check = (...path: string[]) => fieldCheck('locations', current, path);
  const several = count > 1;
  const location: Data = {};
  // A location of its own keeps its file (its id); the template's is replaced by one named after
  // the location (`Downtown`: downtown.yaml), unless it is the clinic's only location.
  if (id !== undefined && (!several || !placeholder)) location.id = id;
  if (several) {
    prompt.log.step(`Location ${index + 1} of ${count}`);
    location.name = await ask({
      message: `Location ${index + 1}: its short name, as visitors choose between locations`,
      placeholder: 'Downtown',
      initialValue: placeholder ? '' : own(current.name),
      validate: check('name'),
    });
    const translations: Data = {};
    for (const tag of languages.slice(1)) {
      const translated = id === undefined || placeholder ? undefined : setup.translated(id, tag);
      translations[tag] = {
        name: await ask({
          message: `Its name in ${tag}`,
          initialValue: own(translated?.name) || String(location.name),
          validate: check('name'),
        }),
      };
    }
    if (languages.length > 1) location.translations = translations;
  }
  const address: Data = {};
  for (const [key, message, placeholder] of [
    ['street', 'Street and number', '123 Main Street, Suite 4'],
    ['city', 'City', 'Portland'],
    ['region', 'State (two letters)', 'OR'],
    ['postalCode', 'ZIP code', '97201'],
  ] as const) {
    address[key] = await ask({
      message,
      placeholder,
      initialValue: own(((current.address ?? {}) as Data)[key]),
      validate: check('address', key),
    });
  }
  location.address = address;
  await afterAddress(address);
  if (several) {
    // Without its own, a location's phone and email are the clinic's.
    const phone = await ask({
      message: `Its phone number, if not the clinic’s (empty: ${String(clinic.phone)})`,
      initialValue: kept('phone') ? own(current.phone) : '',
      validate: (value) => (value ? check('phone')(normalisePhone(value)) : undefined),
    });
    location.phone = phone ? normalisePhone(phone) : null;
    location.email =
      (await ask({
        message: `Its email address, if not the clinic’s (empty: ${String(clinic.email)})`,
        initialValue: kept('email') ? own(current.email) : '',
        validate: (value) => (value ? check('email')(value) : undefined),
      })) || null;
  }

  prompt.log.step(
    'Opening hours: for each day, opening and closing time (24-hour), or empty if closed',
  );
  const shown = kept('hours')
    ? ((current.hours ?? []) as { days: string[]; opens: string; closes: string }[])
    : [];
  const hoursOf = (day: Weekday) => {
    const group = shown.find((line) => line.days.includes(day));
    return group ? `${group.opens}-${group.closes}` : '';
  };
  let days: Partial<Record<Weekday, { opens: string; closes: string }>> = {};
  // Closed every day is no answer: the days are asked again, with what was typed offered.
  while (Object.keys(days).length === 0) {
    const typed: Partial<Record<Weekday, { opens: string; closes: string }>> = {};
    for (const day of WEEKDAYS) {
      const text = await ask({
        message: day,
        placeholder: '09:00-18:00, or empty for closed',
        initialValue: hoursOf(day),
        validate: (value) => {
          const hours = dayHours(value ?? '');
          if (!hours) return undefined;
          return problemsOf(
            'locations',
            setIn(current, ['hours'], [{ days: [day], ...hours }]),
            'hours',
          )[0];
        },
      });
      const hours = dayHours(text);
      if (hours) typed[day] = hours;
    }
    days = typed;
    if (Object.keys(days).length === 0) {
      prompt.log.error(
        several
          ? 'hours: a location is open at least one day: give its hours (09:00-18:00)'
          : 'hours: the clinic is open at least one day: give its hours (09:00-18:00)',
      );
    }
  }
  location.hours = groupHours(days);
  const note = await ask({
    message: 'A note under the opening hours (optional)',
    placeholder: 'e.g. Evening sessions by appointment',
    initialValue: kept('hoursNote') ? own(current.hoursNote) : '',
    validate: (value) => (value ? check('hoursNote')(value) : undefined),
  });
  location.hoursNote = note || null;
  if (several) {
    location.directions =
      (await ask({
        message: 'How to get there: access and parking, in a few sentences (optional)',
        placeholder: 'e.g. Entrance on Oak Street; free parking behind the building',
        initialValue: kept('directions') ? own(current.directions) : '',
        validate: (value) => (value ? check('directions')(value) : undefined),
      })) || null;
    location.calLink =
      (await ask({
        message: 'Its own Cal.com link, if it books apart from the clinic (empty: the clinic’s)',
        placeholder: 'your-clinic-eastside, or empty',
        initialValue: kept('calLink') ? own(current.calLink) : '',
        validate: (value) => (value ? check('calLink')(value) : undefined),
      })) || null;
    location.googlePlaceId = await askPlaceId(current, kept, check);
  }
  return location;
}

/** A location's Google Place ID, or null for none. */
async function askPlaceId(
  current: Data,
  kept: (field: string) => boolean,
  check: (...path: string[]) => (value: unknown) => string | undefined,
): Promise<string | null> {
  return (
    (await ask({
      message:
        'Google Place ID, for the review link, /review/ and the printable card (Google’s Place ID Finder; docs/go-live.md)',
      placeholder: 'ChIJ…, or empty for none',
      initialValue: kept('googlePlaceId') ? own(current.googlePlaceId) : '',
      validate: (value) => (value ? check('googlePlaceId')(value) : undefined),
    })) || null
  );
}

/**
 * The clinic's facts (clinic.yaml) and its locations: how many, and each one's (`askLocation`).
 * The locations' answers are `locations` of an answers file (src/launch/answers.ts).
 */
async function askClinic(
  setup: Setup,
  languages: string[],
): Promise<{ clinic: Data; locations: Data[] }> {
  const file = setup.file(`src/content/settings/${setup.main}/clinic.yaml`);
  const current = file.doc.toJS() as Data;
  // What a run before set is offered again; a field still marked PLACEHOLDER is not.
  const marked = new Set(markedFields(file.doc).map((path) => String(path[0])));
  const kept = (field: string) => !marked.has(field);
  const check = (...path: string[]) => fieldCheck('clinic', current, path);
  const answers: Data = {};
  prompt.log.step('The clinic');
  answers.name = await ask({
    message: 'Clinic name',
    initialValue: own(current.name),
    validate: check('name'),
  });
  answers.phone = normalisePhone(
    await ask({
      message: 'Phone number',
      placeholder: '(541) 555-0123',
      initialValue: own(current.phone),
      validate: (value) => check('phone')(normalisePhone(value ?? '')),
    }),
  );
  answers.email = await ask({
    message: 'Email address',
    initialValue: own(current.email),
    validate: check('email'),
  });
  const files = setup.locationFiles();
  const count = Number(
    await ask({
      message: 'How many locations does the clinic have (addresses where clients come)?',
      initialValue: String(files.length),
      validate: (value) =>
        /^\s*[1-9]\d?\s*$/.test(value ?? '') ? undefined : 'must be a number like 1 or 2',
    }),
  );
  const locations: Data[] = [];
  for (let index = 0; index < count; index++) {
    locations.push(
      await askLocation(
        setup,
        files[index],
        { index, count, languages, clinic: answers },
        async (address) => {
          if (index > 0) return;
          answers.timeZone = await ask({
            message:
              'The clinic’s time zone (an IANA name; every date staff enter means that day there)',
            placeholder: 'America/Los_Angeles',
            initialValue: timeZoneOf(String(address.region)) ?? own(current.timeZone),
            validate: check('timeZone'),
          });
        },
      ),
    );
  }
  answers.serviceArea = splitList(
    await ask({
      message: 'Towns or areas the clinic serves, separated by commas',
      initialValue: kept('serviceArea')
        ? ((current.serviceArea ?? []) as string[]).filter((town) => own(town)).join(', ')
        : '',
      validate: (value) => check('serviceArea')(splitList(value)),
    }),
  );

  prompt.log.step('Visit policy (shown on Your visit and after a booking)');
  const policy = current.visitPolicy as Data;
  const notice = await ask({
    message: 'How many hours before a session must a client cancel or move it?',
    initialValue: String(policy.cancellationNoticeHours ?? 24),
    validate: (value) => check('visitPolicy', 'cancellationNoticeHours')(Number(value)),
  });
  const visitPolicy: Data = { cancellationNoticeHours: Number(notice) };
  for (const [key, message] of [
    ['cancellation', 'Cancellation rule ({notice} becomes the notice period)'],
    ['lateArrival', 'What happens when a client arrives late'],
    ['noShow', 'What happens when a client misses a session without notice'],
  ] as const) {
    visitPolicy[key] = await ask({
      message,
      initialValue: withoutPlaceholderNote(policy[key]),
      validate: check('visitPolicy', key),
    });
  }
  answers.visitPolicy = visitPolicy;

  prompt.log.step('Identity');
  const brand: Data = {
    colour: await ask({
      message: 'The clinic’s colour for links and buttons (#rrggbb)',
      initialValue: String((current.brand as Data).colour),
      validate: check('brand', 'colour'),
    }),
  };
  const currentBrand = current.brand as Data;
  const logo = await askFile(
    'The clinic’s logo, or empty for none',
    /\.(?:svg|png|jpe?g)$/i,
    'an SVG, PNG or JPEG file',
    // The logo a run before set, from the project's root (`/src/assets/images/logo.svg`).
    own(currentBrand.logo).replace(/^\//, ''),
  );
  if (logo) {
    brand.logo = logo;
    brand.logoAlt = await ask({
      message: 'Describe the logo for people who cannot see it',
      initialValue: own(currentBrand.logoAlt),
      validate: check('brand', 'logoAlt'),
    });
  } else {
    brand.logo = null;
    brand.logoAlt = null;
  }
  answers.brand = brand;

  prompt.log.step('The clinic on other sites (each optional: empty for none)');
  const currentProfiles = (current.profiles ?? {}) as Data;
  const profiles: Data = {};
  for (const [key, message] of [
    ['google', 'Google Business Profile link (in the profile: Share, then Copy link)'],
    ['yelp', 'Yelp page'],
    ['facebook', 'Facebook page'],
    ['instagram', 'Instagram profile'],
    ['healthgrades', 'Healthgrades page'],
  ] as const) {
    // A profile not given is removed: the file's shipped examples are not the clinic's.
    profiles[key] =
      (await ask({
        message,
        placeholder: 'https://…, or empty for none',
        initialValue: kept('profiles') ? own(currentProfiles[key]) : '',
        validate: (value) => (value ? check('profiles', key)(value) : undefined),
      })) || null;
  }
  answers.profiles = Object.values(profiles).some(Boolean) ? profiles : null;
  // With one location, its Place ID is asked here, as before there were locations.
  const [only] = locations;
  if (count === 1 && only) {
    const { current: location, kept: keptHere } = locationOffered(setup, files[0]);
    only.googlePlaceId = await askPlaceId(location, keptHere, (...path) =>
      fieldCheck('locations', location, path),
    );
  }
  return { clinic: answers, locations };
}

async function askTherapists(setup: Setup, state: string): Promise<Data[]> {
  const services = readdirSync(join(setup.root, `src/content/services/${setup.main}`)).map((file) =>
    file.replace(/\.mdx$/, ''),
  );
  const therapists: Data[] = [];
  const blank: Data = {
    name: 'x',
    credentials: 'LMT',
    credentialName: 'Licensed Massage Therapist',
    licence: { number: 'x', state, board: 'x', lookupUrl: 'https://example.org/' },
    languages: ['English'],
  };
  const check =
    (...path: string[]) =>
    (value: unknown) =>
      problemsOf('therapists', setIn(blank, path, value), path.join('.'))[0];
  do {
    prompt.log.step(`Therapist ${therapists.length + 1}`);
    const therapist: Data = {
      name: await ask({ message: 'Full name', validate: check('name') }),
      credentials: await ask({
        message: 'Credentials after the name',
        initialValue: 'LMT',
        validate: check('credentials'),
      }),
      credentialName: await ask({
        message: 'The credential in full',
        initialValue: 'Licensed Massage Therapist',
        validate: check('credentialName'),
      }),
      licence: {
        number: await ask({ message: 'Licence number', validate: check('licence', 'number') }),
        state: await ask({
          message: 'Issuing state',
          initialValue: state,
          validate: check('licence', 'state'),
        }),
        board: await ask({
          message: 'Issuing board',
          placeholder: 'Oregon Board of Massage Therapists',
          validate: check('licence', 'board'),
        }),
        lookupUrl: await ask({
          message: 'The board’s public licence lookup (https://…)',
          validate: check('licence', 'lookupUrl'),
        }),
      },
      techniques: await chooseMany({
        message: 'Services they practise',
        options: services.map((id) => ({ value: id, label: id })),
        initialValues: services,
        required: false,
      }),
      languages: splitList(
        await ask({
          message: 'Languages, separated by commas',
          initialValue: 'English',
          validate: (value) => check('languages')(splitList(value)),
        }),
      ),
      bio: await ask({
        message: 'A short biography',
        validate: (value) => {
          const problem = bodyTextProblem(value);
          return problem && `bio: ${problem}`;
        },
      }),
    };
    therapists.push(therapist);
  } while (await yesNo({ message: 'Add another therapist?', initialValue: false }));
  return therapists;
}

/**
 * Where each therapist works, with two locations or more: the therapists just entered, or those
 * the site has. Each location's answer then names its therapists (`therapists`); offered as their
 * files say (no `locations`: everywhere).
 */
async function askWhoWorksWhere(
  setup: Setup,
  locations: Data[],
  entered: Data[] | undefined,
): Promise<void> {
  const ids = locations.map((location, index) => String(location.id ?? location.name ?? index));
  const people: { name: string; works: unknown }[] =
    entered?.map((therapist) => ({ name: String(therapist.name), works: undefined })) ??
    setup.mainFiles('therapists').map((file) => {
      const data = (setup.file(file).doc.toJS() ?? {}) as Data;
      return { name: String(data.name), works: data.locations };
    });
  prompt.log.step('Who works where');
  for (const { name, works } of people) {
    const at = Array.isArray(works) && works.length > 0 ? works.map(String) : ids;
    const chosen = await chooseMany({
      message: `Where does ${name} work?`,
      options: locations.map((location, index) => ({
        value: index,
        label: String(location.name ?? `Location ${index + 1}`),
      })),
      initialValues: ids.flatMap((id, index) => (at.includes(id) ? [index] : [])),
      required: true,
    });
    for (const index of chosen) {
      const location = locations[index];
      if (location) location.therapists = [...((location.therapists as string[]) ?? []), name];
    }
  }
}

async function askDeploy(): Promise<NonNullable<Answers['deploy']>> {
  const current = deploySettings();
  prompt.log.step('Publishing and the CMS login');
  const host = await choose<Host>({
    message: 'Where will the site be published?',
    initialValue: current.host,
    options: [
      { value: 'netlify', label: HOSTS.netlify.label, hint: 'recommended' },
      { value: 'cloudflare', label: HOSTS.cloudflare.label },
      {
        value: 'github-pages',
        label: HOSTS['github-pages'].label,
        hint: 'no custom headers; the CMS login needs a Worker',
      },
    ],
  });
  const check = (key: keyof typeof deploySchema.shape) => (value: string | undefined) =>
    deploySchema.shape[key].safeParse(value).error?.issues[0]?.message;
  const siteUrl = await ask({
    message: 'The site’s address',
    placeholder: 'https://www.your-clinic.com',
    initialValue: own(current.siteUrl),
    validate: check('siteUrl'),
  });
  const repo = await ask({
    message: 'The GitHub repository (owner/name)',
    initialValue: own(current.repo),
    validate: check('repo'),
  });
  const branch = await ask({
    message: 'The production branch',
    initialValue: current.branch,
    validate: check('branch'),
  });
  // On Netlify staff may log in without GitHub accounts, invited by email (Netlify Identity).
  const backend =
    host === 'netlify'
      ? await choose<Backend>({
          message: 'How will staff log in to the CMS?',
          initialValue: current.backend,
          options: [
            {
              value: 'github',
              label: 'With GitHub accounts',
              hint: 'each staff member a collaborator on the repository',
            },
            {
              value: 'git-gateway',
              label: 'By email invitation (Netlify Identity)',
              hint: 'no GitHub account; Netlify has deprecated it, and it still works',
            },
          ],
        })
      : 'github';
  // Netlify and Cloudflare Pages run the login that ships with the site, at its own address;
  // GitHub Pages runs no functions, so staff log in through the login Worker (login-worker/).
  const loginEndpoint =
    host === 'github-pages'
      ? await ask({
          message: 'The CMS login Worker’s address (docs/go-live.md, “CMS login for GitHub Pages”)',
          initialValue:
            own(current.loginEndpoint) === own(current.siteUrl) ? '' : own(current.loginEndpoint),
          placeholder: 'https://clinic-cms-login.your-account.workers.dev',
          validate: check('loginEndpoint'),
        })
      : current.loginEndpoint === NETLIFY_OAUTH && host === 'netlify'
        ? NETLIFY_OAUTH
        : siteUrl;
  return { host, backend, siteUrl, repo, branch, loginEndpoint };
}

/** The site's languages, main first (`src/content/settings/languages.yaml`). */
async function askLanguages(setup: Setup): Promise<string[]> {
  const current = (setup.file(LANGUAGES_FILE).doc.toJS() as { languages?: string[] }).languages;
  const tags = (value: string | undefined) =>
    (value ?? '')
      .split(/[\s,]+/)
      .map((tag) => tag.trim())
      .filter(Boolean);
  const answer = await ask({
    message:
      'The site’s languages as language tags, the main one first (e.g. en-US, es-US; another language gets its pages under /<language>/)',
    initialValue: (current ?? []).join(', '),
    validate: (value) =>
      languagesSchema.safeParse({ languages: tags(value) }).error?.issues[0]?.message,
  });
  return tags(answer);
}

async function askAll(setup: Setup): Promise<Answers> {
  const languages = await askLanguages(setup);
  const left = launchCheck(setup.root);
  const { clinic, locations } = await askClinic(setup, languages);
  const bookingFile = setup
    .file(`src/content/settings/${setup.main}/booking.yaml`)
    .doc.toJS() as Data;
  const booking = {
    calLink: await ask({
      message: 'The clinic’s Cal.com link (username, or team/name)',
      initialValue: own(bookingFile.calLink),
      validate: fieldCheck('booking', bookingFile, ['calLink']),
    }),
  };
  const placeholderTherapist = left.some(
    (finding) => finding.file.includes('/therapists/') && finding.field === '(the whole entry)',
  );
  const therapists =
    placeholderTherapist ||
    (await yesNo({ message: 'Enter therapists again?', initialValue: false }))
      ? await askTherapists(setup, String((locations[0]?.address as Data).region))
      : undefined;
  if (locations.length > 1) await askWhoWorksWhere(setup, locations, therapists);
  // A photo for each page or service that still shows a placeholder illustration.
  const photos: NonNullable<Answers['photos']> = {};
  for (const { file } of left.filter(
    ({ field, problems }) => field === 'image' && problems.some((p) => p.includes('placeholder')),
  )) {
    const path = file.replace(/^src\/content\//, '');
    const photo = await askFile(
      `A photo for ${path} (instead of the placeholder illustration), or empty for none`,
      /\.(?:jpe?g|png|webp|avif)$/i,
      'a JPEG, PNG, WebP or AVIF photo',
    );
    const name = contentNameOf(path);
    const data = setup.file(file).doc.toJS() as Data;
    photos[path] = photo
      ? {
          file: photo,
          alt: await ask({
            message: 'Describe the photo for people who cannot see it',
            validate: (value) =>
              name ? problemsOf(name, setIn(data, ['imageAlt'], value), 'imageAlt')[0] : undefined,
          }),
        }
      : 'none';
  }
  const accessibilityLeft = left.some(
    ({ file, field }) =>
      file === `src/content/pages/${setup.main}/accessibility.mdx` && field.startsWith('body'),
  );
  const physicalAccess = accessibilityLeft
    ? await ask({
        message: 'Physical access at the clinic (step-free access, parking, table, restroom)',
        validate: bodyTextProblem,
      })
    : undefined;
  const confirm = await askConfirm(setup);
  const conditionsApproved = await askConditionsApproved(setup);
  const icon = await askFile(
    'A square SVG icon for browser tabs (empty: the logo, if it is an SVG)',
    /\.svg$/i,
    'an SVG file',
  );
  return {
    languages,
    clinic,
    locations,
    booking,
    deploy: await askDeploy(),
    therapists,
    photos,
    accessibility: physicalAccess ? { physicalAccess } : undefined,
    confirm: conditionsApproved ? { ...confirm, conditionsApproved } : confirm,
    icon: icon || undefined,
  };
}

/**
 * The original clinic's facts the site still states as shipped (`# CONFIRM`): each price asked,
 * the insurance plans kept or removed, workers' compensation and auto-accident care confirmed, the
 * policies' review day asked. Nothing is asked about what a run before settled.
 */
async function askConfirm(setup: Setup): Promise<Answers['confirm']> {
  const shipped = setup.shipped();
  if (!shipped.prices.length && !shipped.plans.length && !shipped.cases && !shipped.policies) {
    return undefined;
  }
  prompt.log.step('What the site says about the clinic it was built from');
  const confirm: NonNullable<Answers['confirm']> = {};
  if (shipped.prices.length) {
    const prices: Record<string, number> = {};
    for (const { minutes, price } of shipped.prices) {
      const answer = await ask({
        message: `The price of a ${minutes}-minute session (the original clinic’s: ${price})`,
        initialValue: String(price),
        validate: (value) =>
          /^\d+(?:\.\d{1,2})?$/.test(value?.trim() ?? '')
            ? undefined
            : 'must be a price like 55 or 55.50',
      });
      prices[String(minutes)] = Number(answer.trim());
    }
    confirm.prices = prices;
  }
  if (shipped.plans.length) {
    confirm.insurancePlans = await choose<'keep' | 'remove'>({
      message: `The site lists the original clinic’s ${shipped.plans.length} insurance plans and programs (${shipped.plans.join(', ')})`,
      options: [
        { value: 'keep', label: 'Keep them', hint: 'the clinic is listed with these' },
        {
          value: 'remove',
          label: 'Remove them',
          hint: 'add the clinic’s own in the CMS (Insurance)',
        },
      ],
    });
  }
  if (shipped.cases) {
    confirm.workersCompensationAndAutoAccidents = await yesNo({
      message:
        'Does the clinic treat workers’ compensation and auto-accident cases, as the site says? (No: launch-check then names each place to change)',
    });
  }
  if (shipped.policies) {
    confirm.policiesReviewed = await ask({
      message:
        'The day the clinic reviewed the privacy notice and accessibility statement (YYYY-MM-DD)',
      initialValue: new Date().toISOString().slice(0, 10),
      validate: (value) =>
        isDay(value?.trim() ?? '') ? undefined : 'must be a day like 2026-12-01',
    });
  }
  return confirm;
}

/**
 * Whether the clinic's therapist has read the pages on conditions (health content) and approves
 * them as written: yes gives today as their review day; no leaves each page for launch-check to
 * list until it is approved in the CMS. Not asked once every page is approved.
 */
async function askConditionsApproved(setup: Setup): Promise<string | undefined> {
  const titles = setup.unapprovedConditions();
  if (!titles.length) return undefined;
  const approved = await yesNo({
    message: `Has the clinic’s therapist read the pages on conditions (${titles.join(', ')}) and approved them as written? (No: launch-check lists them until approved in the CMS)`,
    initialValue: false,
  });
  return approved ? new Date().toISOString().slice(0, 10) : undefined;
}

/** Prettier's format for what setup wrote, as `npm run check` expects it. */
async function formatWritten(root: string, files: string[]): Promise<void> {
  for (const file of files.filter((name) => /\.(?:mdx|ya?ml|ts|md)$/.test(name))) {
    const path = join(root, file);
    const options = await resolveConfig(path);
    writeFileSync(path, await format(readFileSync(path, 'utf8'), { ...options, filepath: path }));
  }
}

export async function main(argv: string[], root = process.cwd()): Promise<number> {
  const at = argv.indexOf('--answers');
  const answersPath = at === -1 ? undefined : argv[at + 1];
  prompt.intro('Set up the clinic site');
  let answers: Answers;
  let setup: Setup;
  if (
    at !== -1 &&
    (!answersPath || !existsSync(resolve(answersPath)) || !statSync(resolve(answersPath)).isFile())
  ) {
    prompt.log.error(
      `--answers: there is no answers file ${answersPath ? resolve(answersPath) : ''}`,
    );
    prompt.outro('Nothing was written.');
    return 1;
  }
  if (!answersPath && !process.stdin.isTTY) {
    prompt.log.error(
      'There is no terminal to ask in: run `npm run setup -- --answers clinic.yaml` with an answers file (docs/go-live.md).',
    );
    prompt.outro('Nothing was written.');
    return 1;
  }
  if (answersPath) {
    const path = resolve(answersPath);
    const document = parseDocument(readFileSync(path, 'utf8'));
    if (document.errors.length) {
      for (const error of document.errors) {
        const [line, column] = error.linePos?.[0]
          ? [error.linePos[0].line, error.linePos[0].col]
          : [];
        const where = line ? `line ${line}, column ${column}: ` : '';
        const what = (error.message.split('\n')[0] ?? '').replace(
          / at line \d+, column \d+:?$/,
          '',
        );
        prompt.log.error(`${answersPath}: ${where}not valid YAML: ${what}`);
      }
      prompt.outro('Nothing was written.');
      return 1;
    }
    const parsed = answersSchema.safeParse(document.toJS() ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const unknown = issue.code === 'unrecognized_keys' ? issue.keys : [];
        const known = issue.path.length
          ? ''
          : ` (the answers are ${Object.keys(answersSchema.shape).join(', ')})`;
        for (const key of unknown) {
          prompt.log.error(
            `${answersPath}: ${[...issue.path, key].join('.')}: is not an answer setup knows${known}`,
          );
        }
        if (unknown.length) continue;
        prompt.log.error(
          issue.path.length
            ? `${answersPath}: ${issue.path.join('.')}: ${issue.message}`
            : `${answersPath}: (the whole file): must be answers by name, like languages:, clinic: and deploy:`,
        );
      }
      // The answers that are well formed are checked too, so that every problem is named at once.
      const broken = new Set(parsed.error.issues.map(({ path: [key] }) => String(key ?? '')));
      const given: unknown = document.toJS();
      const rest =
        typeof given === 'object' && given !== null && !broken.has('')
          ? Object.fromEntries(Object.entries(given).filter(([key]) => !broken.has(key)))
          : undefined;
      const wellFormed = rest && answersSchema.safeParse(rest);
      if (wellFormed?.success) {
        for (const problem of new Setup(root, dirname(path)).plan(wellFormed.data).problems) {
          prompt.log.error(problem.startsWith('src/') ? problem : `${answersPath}: ${problem}`);
        }
      }
      prompt.outro('Nothing was written.');
      return 1;
    }
    answers = parsed.data;
    setup = new Setup(root, dirname(path));
  } else {
    setup = new Setup(root, process.cwd());
    const before = Journal.read(root);
    const resume =
      before !== undefined &&
      (await yesNo({
        message: before.refused?.length
          ? `Correct the answers of the set-up refused on ${before.started.slice(0, 10)} (each is offered again)?`
          : `Go on with the set-up stopped on ${before.started.slice(0, 10)} (${before.answers.length} answers kept)?`,
        initialValue: true,
      }));
    journal = new Journal(root, resume);
    answers = await askAll(setup);
  }
  const plan = setup.plan(answers);
  if (plan.problems.length) {
    for (const problem of plan.problems) {
      // A problem of a project file (`src/…`) is named by that file, not the answers file.
      prompt.log.error(
        answersPath && !problem.startsWith('src/') ? `${answersPath}: ${problem}` : problem,
      );
    }
    journal?.markRefused(plan.problems);
    prompt.outro(
      journal
        ? `Nothing was written into the site: run setup again to correct these answers (the others are kept, ${JOURNAL_FILE}).`
        : 'Nothing was written: correct these answers and run setup again.',
    );
    return 1;
  }
  for (const note of plan.notes) prompt.log.warn(note);
  const changed = setup.apply(plan);
  journal?.remove();
  if (changed.includes('public/favicon.svg')) {
    execFileSync(process.execPath, ['scripts/make-icons.mjs'], { cwd: root, stdio: 'ignore' });
    changed.push('public/*.png, public/favicon.ico (icons drawn from the new icon)');
  }
  await formatWritten(root, changed);
  prompt.note(changed.join('\n'), 'Written');
  const findings = launchCheck(root, plan.deploy);
  prompt.log.message(formatFindings(findings));
  const settings = plan.deploy ?? deploySettings();
  prompt.note(
    [
      '1. Commit and push: git add -A && git commit -m "Clinic set-up" && git push',
      '2. Connect the host to this repository (docs/go-live.md, "4. Publish on a host"): Netlify',
      '   reads netlify.toml; Cloudflare Pages: build `npm run build`, output `dist`, NODE_VERSION=24;',
      '   GitHub Pages: Settings › Pages › Source: GitHub Actions.',
      '3. Daily rebuild (docs/go-live.md, "Rebuilt every day"): on Netlify or Cloudflare Pages, a build',
      '   hook for `main`, its URL stored as the repository secret NETLIFY_BUILD_HOOK or',
      '   CLOUDFLARE_DEPLOY_HOOK. Netlify Free’s credits do not cover a deploy a day.',
      ...(settings.backend === 'git-gateway'
        ? [
            '4. CMS login (docs/go-live.md, "Staff without GitHub accounts"): on Netlify, enable',
            '   Identity (Registration: Invite only) and Git Gateway, and set the email templates to',
            '   /admin/emails/invitation.html, confirmation.html, recovery.html, email-change.html.',
            '5. Invite staff: Identity › Invite users, by email; they choose a password at /admin/.',
          ]
        : [
            '4. CMS login (docs/go-live.md, "5. Let staff log in to the CMS"): a GitHub OAuth App whose',
            '   callback is the login’s /api/callback, and its id and secret as GITHUB_CLIENT_ID and',
            '   GITHUB_CLIENT_SECRET on the host (on GitHub Pages, on the login Worker).',
            '5. Invite staff: give them write access to the GitHub repository; they log in at /admin/.',
          ]),
    ].join('\n'),
    'Next steps',
  );
  prompt.outro(findings.length ? 'Some values are left: see the list above.' : 'Ready to go live.');
  return findings.length ? 1 : 0;
}
