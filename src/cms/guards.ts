/**
 * What the CMS refuses before anything is written, so that every path staff take ends reviewed
 * and buildable, on GitHub as on this machine:
 *
 * - deleting an entry that another entry names (Decap deletes a published entry straight on the
 *   branch, and does not look at references: decaporg/decap-cms#717, #192);
 * - publishing a draft that names an entry which is not published;
 * - in the editorial workflow, the Media library's own upload and delete, which Decap commits
 *   straight on the published branch (decaporg/decap-cms#5061): a picture is uploaded inside the
 *   entry that shows it and travels with its draft;
 * - deleting or replacing a picture that an entry shows;
 * - a file without words (a language not translated yet).
 */
import { store } from 'decap-cms-core/dist/esm/redux';
import type { CmsConfig } from 'decap-cms-core';
import {
  allPublishedEntries,
  entryTitle,
  publishedEntriesOf,
  type PublishedEntry,
} from './published-entries';
import { REFERENCE_FIELDS, holdsValue, valuesAt } from '../lib/references';
import type { ContentName } from '../collections';

/**
 * An error that reads as its message alone: Decap shows `Failed to delete entry: <error>`, and an
 * Error's usual name would add "Error: " in the middle.
 */
export function refusal(message: string): Error {
  const error = new Error(message);
  error.name = '';
  return error;
}

/** Entries that name `slug` of `collection` in a reference field, with the field's label. */
async function referrers(collection: string, slug: string): Promise<string[]> {
  const found = await Promise.all(
    REFERENCE_FIELDS.filter((field) => field.target === collection).map(async (field) =>
      (await publishedEntriesOf(field.holder))
        .filter((entry) => valuesAt(entry.data, field.path).includes(slug))
        .map((entry) => `${entryTitle(entry)} (field “${fieldLabel(entry, field.path)}”)`),
    ),
  );
  return found.flat();
}

/** The label staff see for a field of an entry's collection. */
function fieldLabel(entry: PublishedEntry, path: string[]): string {
  let fields = (
    store.getState().collections.get(entry.collection) as { toJS(): CmsCollectionJs }
  ).toJS().fields;
  let label = path.join('.');
  for (const name of path) {
    const field = fields?.find((candidate) => candidate.name === name);
    if (!field) break;
    label = field.label ?? name;
    fields = field.fields;
  }
  return label;
}

interface CmsFieldJs {
  name: string;
  label?: string;
  fields?: CmsFieldJs[];
}
interface CmsCollectionJs {
  fields?: CmsFieldJs[];
}

/**
 * Refuses to delete (or unpublish) an entry that published entries still name.
 * @throws Error naming each entry and field that refers to it, and what to do.
 */
export async function refuseDeleteWhileReferenced(collection: string, slug: string) {
  const names = await referrers(collection, slug);
  if (names.length === 0) return;
  throw refusal(
    `Not deleted: ${names.join('; ')} still ${names.length === 1 ? 'names' : 'name'} it, and the ` +
      'site would no longer build. Open each of them, take it out of that field (or choose ' +
      'another), publish, then delete this entry.',
  );
}

/**
 * The references of a draft about to be published that name no published entry.
 * @returns `field: names … which is not published` for each, empty when all exist.
 */
export async function unpublishedReferences(
  name: ContentName,
  data: Record<string, unknown>,
): Promise<string[]> {
  const problems = await Promise.all(
    REFERENCE_FIELDS.filter((field) => field.holder === name).map(async (field) => {
      const published = new Set(
        (await publishedEntriesOf(field.target as ContentName)).map((entry) => entry.slug),
      );
      return valuesAt(data, field.path)
        .filter((value): value is string => typeof value === 'string' && !published.has(value))
        .map(
          (value) =>
            `${field.path.join('.')}: names “${value}”, which is not published (publish it first, or choose another)`,
        );
    }),
  );
  return problems.flat();
}

/** `/src/assets/images/a.jpg`, `src/assets/images/a.jpg` → `src/assets/images/a.jpg`. */
const mediaPath = (path: string) => path.replace(/^\/+/, '');

/** The published entries, among `entries`, that show the picture at `path`. */
function pictureUsers(entries: PublishedEntry[], path: string): string[] {
  const target = mediaPath(path);
  return entries
    .filter((entry) => holdsValue(entry.data, (value) => mediaPath(value) === target))
    .map(entryTitle);
}

function mediaFolder(): string {
  return mediaPath(String(store.getState().config['media_folder'] ?? ''));
}

const editorialWorkflow = () => store.getState().config['publish_mode'] === 'editorial_workflow';

/** Why the Media library's own upload is refused (scripts/cms-server.mjs says the same). */
const MEDIA_UPLOAD_REFUSED =
  'Not uploaded: with drafts and review, a picture is uploaded from the entry that shows it ' +
  '(its image field: Choose an image, then Upload), so it is reviewed and published with it.';

interface Implementation {
  persistMedia(...args: unknown[]): Promise<unknown>;
  deleteFiles(paths: string[], commitMessage: string): Promise<unknown>;
  persistEntry(
    entry: { dataFiles: { path: string; raw: string }[]; assets: { path: string }[] },
    options: unknown,
  ): Promise<unknown>;
  getMedia(folder?: string): Promise<{ path: string }[]>;
}

/**
 * The entry without its blank files: a language with no words yet, which the site's formats write
 * as an empty text (src/cms/formats.ts). Decap leaves a language out only when its data is missing
 * altogether (decap-cms-core `getI18nFiles`), and adds a line break to every file (`entryToRaw`),
 * so an English-only question used to commit a Spanish file of one line break.
 */
function withoutBlankFiles<Entry extends { dataFiles: { raw: string }[] }>(entry: Entry): Entry {
  return { ...entry, dataFiles: entry.dataFiles.filter((file) => file.raw.trim() !== '') };
}

/** Adds the media rules above to a backend's implementation (GitHub, or the local proxy). */
function guardMedia<Backend extends Implementation>(backend: Backend): Backend {
  const { persistMedia, deleteFiles, persistEntry } = backend;
  backend.persistMedia = async function (...args) {
    if (editorialWorkflow()) throw refusal(MEDIA_UPLOAD_REFUSED);
    return persistMedia.apply(this, args);
  };
  backend.deleteFiles = async function (paths, commitMessage) {
    const folder = `${mediaFolder()}/`;
    const pictures = paths.filter((file) => mediaPath(file).startsWith(folder));
    // Every entry is read once for all the pictures, and only when a picture is deleted.
    const entries = pictures.length > 0 ? await allPublishedEntries() : [];
    for (const path of pictures) {
      const users = pictureUsers(entries, path);
      if (users.length > 0) {
        const name = mediaPath(path).slice(folder.length);
        throw refusal(
          `${name} is on the site (shown by ${users.join('; ')}), so it is neither replaced ` +
            'nor deleted. For a new picture, give your file another name (for example add -2 ' +
            'to it) and upload it again.',
        );
      }
      if (editorialWorkflow()) {
        throw refusal(
          'Not deleted: with drafts and review, pictures are not deleted from the Media library.',
        );
      }
    }
    return deleteFiles.call(this, paths, commitMessage);
  };
  backend.persistEntry = async function (entry, options) {
    if (entry.assets.length > 0) {
      const published = new Set((await this.getMedia()).map((file) => mediaPath(file.path)));
      const replaced = entry.assets
        .map((asset) => mediaPath(asset.path))
        .filter((path) => published.has(path));
      if (replaced.length > 0) {
        throw refusal(
          `Not saved: ${replaced.join(', ')} is already on the site, and uploading would ` +
            'replace it on every page that shows it. Rename your picture (for example ' +
            'add -2 to its name), upload it again, and save.',
        );
      }
    }
    return persistEntry.call(this, withoutBlankFiles(entry), options);
  };
  return backend;
}

interface Registry {
  getBackend(name: string): { init: (...args: unknown[]) => Implementation } | undefined;
}

/**
 * Wraps the backends this site uses as Decap creates them: `github` in production, `proxy` for
 * the local backend (Decap renames `local_backend` to it). Decap offers no hook for media, so the
 * backend's own `init` is wrapped (`getBackend` is public; its `init` is how Decap creates it).
 */
export function guardBackends(cms: Registry, config: Pick<CmsConfig, 'backend'>) {
  for (const name of new Set([config.backend.name, 'proxy'])) {
    const registered = cms.getBackend(name);
    if (!registered) throw new Error(`Decap has no backend named ${name}`);
    const { init } = registered;
    registered.init = (...args) => guardMedia(init(...args));
  }
}
