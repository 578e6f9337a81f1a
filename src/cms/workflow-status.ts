/**
 * Keeps the toolbar's status of a draft the status the backend has.
 *
 * Decap's save of a draft (decap-cms-core `persistUnpublishedEntry`) reports success by replacing
 * the draft in its store with the entry as the editor opened it (`UNPUBLISHED_ENTRY_PERSIST_SUCCESS`
 * stores `getSerializedEntry(collection, entry)`), whose `status` is the one the draft had when it
 * was opened. A status chosen since (Draft → Ready) is lost from the toolbar, though neither the
 * GitHub backend (labels are left as they are) nor the local one (scripts/cms-drafts.mjs keeps the
 * branch's status) changes it: the toolbar then said Draft while the draft was Ready, and Publish
 * did nothing. So the status the store held when the save began is put back once it succeeds.
 * And a first save that was refused leaves no draft behind in the toolbar.
 */
import { store } from 'decap-cms-core/dist/esm/redux';

/** `UNPUBLISHED_ENTRY_STATUS_CHANGE_SUCCESS` (decap-cms-core actions/editorialWorkflow). */
const STATUS_CHANGED = 'UNPUBLISHED_ENTRY_STATUS_CHANGE_SUCCESS';
/** `UNPUBLISHED_ENTRY_REDIRECT`: its reducer takes a draft out of the store, and nothing else. */
const DRAFT_LEFT = 'UNPUBLISHED_ENTRY_REDIRECT';

interface Draft {
  get(key: string): unknown;
}

function drafts(): Map<string, Draft> {
  const entities = store.getState().editorialWorkflow?.get('entities') as
    { entries(): Iterable<[string, Draft]> } | undefined;
  return new Map(entities?.entries() ?? []);
}

/** A draft in the store that is none: no entry (`slug`) and nothing under way for it. */
const isLeftOver = (draft: Draft) =>
  draft.get('slug') === undefined &&
  ['isFetching', 'isPersisting', 'isUpdatingStatus', 'isPublishing'].every(
    (flag) => draft.get(flag) !== true,
  );

/** Starts watching Decap's store (call once, before `CMS.init`). */
export function keepWorkflowStatus(): void {
  /** The status of each draft being saved, as it was when the save began (`collection.slug`). */
  const saving = new Map<string, unknown>();
  store.subscribe(() => {
    for (const [key, draft] of drafts()) {
      if (isLeftOver(draft)) {
        // A first save refused (src/cms/checks.ts): Decap's failure leaves a draft of nothing but
        // `isPersisting: false` in its store, and the toolbar then offered "Delete unpublished
        // entry" for a draft that does not exist. Taken away as Decap takes a draft it leaves.
        const [collection, ...slug] = key.split('.');
        store.dispatch({ type: DRAFT_LEFT, payload: { collection, slug: slug.join('.') } });
        saving.delete(key);
        continue;
      }
      if (draft.get('isPersisting') === true) {
        if (!saving.has(key)) saving.set(key, draft.get('status'));
        continue;
      }
      if (!saving.has(key)) continue;
      const before = saving.get(key);
      saving.delete(key);
      const [collection, ...slug] = key.split('.');
      if (before === undefined || draft.get('status') === before) continue;
      // Within the store's notification: dispatching here is allowed (Redux runs it next).
      store.dispatch({
        type: STATUS_CHANGED,
        payload: { collection, slug: slug.join('.'), newStatus: before },
      });
    }
  });
}
