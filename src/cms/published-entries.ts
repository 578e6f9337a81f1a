/**
 * The published entries of a collection, as the backend in use (GitHub, or decap-server on this
 * machine) lists them. Decap hands an event listener only the entry being saved; a rule across
 * entries (one price tier per session length) needs the others. This reads them through Decap's
 * own store and `getAllEntries`, the way its preview pane's `getCollection` does. Neither is a
 * public export: both are pinned with decap-cms-core (see package.json), and the CMS tests refuse
 * a duplicate tier through the editor, so an upgrade that moves them fails there.
 */
import { getAllEntries } from 'decap-cms-core/dist/esm/actions/entries';
import { store } from 'decap-cms-core/dist/esm/redux';

export interface PublishedEntry {
  path: string;
  data: Record<string, unknown>;
}

export async function publishedEntries(collection: string): Promise<PublishedEntry[]> {
  const state = store.getState();
  const entries = await getAllEntries(state, state.collections.get(collection));
  return entries.map(({ path, data }) => ({ path, data }));
}
