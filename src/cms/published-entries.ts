/**
 * The published entries of a collection, as the backend in use (GitHub, or decap-server on this
 * machine) lists them. Decap hands an event listener only the entry being saved; a rule across
 * entries (one price tier per session length, what refers to what) needs the others. This reads
 * them through Decap's own store and `getAllEntries`, the way its preview pane's `getCollection`
 * does. Neither is a public export: both are pinned with decap-cms-core (see package.json), and the
 * CMS tests refuse a duplicate tier and a delete of a referenced entry through the editor, so an
 * upgrade that moves them fails there.
 */
import { getAllEntries } from 'decap-cms-core/dist/esm/actions/entries';
import { store } from 'decap-cms-core/dist/esm/redux';
import type { ContentName } from '../collections';

export interface PublishedEntry {
  /** The CMS collection (`faq`, or `pages`/`settings` for a page's or a settings file). */
  collection: string;
  /** The entry's file name without extension, or the name of a page's or settings file. */
  slug: string;
  path: string;
  data: Record<string, unknown>;
  /** Each other language's data, in a collection with several (Decap groups them by entry). */
  i18n?: Record<string, { data?: Record<string, unknown> }>;
}

interface CollectionLike {
  get(key: string): unknown;
}

/** The names of a files collection's files (`pages` → `page-home`, …), none for a folder. */
function fileNames(collection: CollectionLike): { name: string; label: string }[] {
  const files = collection.get('files') as
    { toJS(): { name: string; label: string }[] } | undefined;
  return files?.toJS() ?? [];
}

export async function publishedEntries(collection: string): Promise<PublishedEntry[]> {
  const state = store.getState();
  const entries = await getAllEntries(state, state.collections.get(collection));
  return entries.map(({ path, data, slug, i18n }) => ({
    collection,
    slug,
    path,
    data,
    ...(i18n && { i18n }),
  }));
}

/**
 * The published entries holding content `name`'s schema: a folder collection's entries, or the one
 * page or settings file of that name.
 */
export async function publishedEntriesOf(name: ContentName): Promise<PublishedEntry[]> {
  const collections = store.getState().collections;
  if (collections.has(name)) return publishedEntries(name);
  const holder = [...collections.values()].find((collection) =>
    fileNames(collection).some((file) => file.name === name),
  );
  if (!holder) return [];
  const entries = await publishedEntries(String(holder.get('name')));
  return entries.filter((entry) => entry.slug === name);
}

/** Every published entry of every collection (pages and settings files included). */
export async function allPublishedEntries(): Promise<PublishedEntry[]> {
  const names = [...store.getState().collections.keys()];
  return (await Promise.all(names.map((name) => publishedEntries(name)))).flat();
}

/** How staff know an entry: `Question “Do you take insurance?”`, from the collection's settings. */
export function entryTitle(entry: PublishedEntry): string {
  const collection = store.getState().collections.get(entry.collection) as CollectionLike;
  const file = fileNames(collection).find(({ name }) => name === entry.slug);
  if (file) return `${String(collection.get('label'))} › ${file.label}`;
  const identifier = String(collection.get('identifier_field') ?? 'title');
  const title = entry.data[identifier] ?? entry.slug;
  return `${String(collection.get('label_singular') ?? collection.get('label'))} “${String(title)}”`;
}
