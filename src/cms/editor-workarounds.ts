/**
 * Decap's editor with the languages side by side (i18n `multiple_folders`: the main language's
 * column on the left, the next language's where the preview would be), made safe for staff. Three
 * faults of decap-cms-core 3.19.1, each worked around here with Decap's own store and component
 * rather than by rewriting its page (the styles that go with them are in admin.css):
 *
 * 1. Words typed in another language's column were lost without a warning. The draft reducer
 *    (reducers/entryDraft.js, `DRAFT_CHANGE_FIELD`) sets `hasChanged` from the one language a
 *    change is in, so any later change in the main language that equals the saved entry turns it
 *    back to false however much another language differs. The main language's relation widget
 *    sends such a change each time it is drawn again (`triggerInitialOnChange`,
 *    decap-cms-widget-relation), which is what "Toggle preview" does: the toolbar then said
 *    "Changes saved", Save was off and leaving asked nothing (Editor.js asks only while
 *    `hasChanged`). (For a change in another language it compares with `e.get('i18n', …)`, the
 *    saved entry's whole `i18n`, so such a change counted as one even when undone.) Upstream:
 *    decaporg/decap-cms#7276 and #7142 (the same relation widget's change on drawing, there
 *    marking unchanged entries as changed); `hasChanged` from the saved versions came with #3306.
 *    Here `hasChanged` is computed again after each change from every language's data
 *    (`changedInAnyLanguage`), through Redux's own `replaceReducer` around Decap's reducers.
 * 2. Another language's column went missing. EditorInterface.js has one right-hand pane
 *    (`resolveRightPane`: the language column, the notes or the preview); toggling the preview off
 *    leaves none (`handleTogglePane` → `'none'`), and only an icon named "Toggle i18n" brings the
 *    column back. The choice is kept in localStorage (`cms.right-pane`), so every later entry
 *    opened without it too. Here an entry with languages side by side opens with its language
 *    column, "none" means the language column, and the icon is named for the language.
 * 3. On a phone (below 800 px, where admin.css stacks the columns and leaves out the preview and
 *    its toggles) a preview or "none" remembered from a laptop left no way to the other
 *    language's fields. Here a phone-sized screen always shows the language column, also after
 *    turning a tablet.
 *
 * localStorage is not reset: besides the pane (ignored for an entry with languages side by side,
 * see 2), Decap keeps there only the split position (clamped in admin.css, so neither column can be
 * dragged off screen) and whether scrolling is synchronised (harmless); a collection in one language
 * (pages, settings) keeps Decap's own behaviour, preview remembered on or off.
 */
import type CMS from 'decap-cms-app';
import { DRAFT_CHANGE_FIELD } from 'decap-cms-core/dist/esm/actions/entries';
import EditorInterface from 'decap-cms-core/dist/esm/components/Editor/EditorInterface';
import { getI18nInfo, hasI18n } from 'decap-cms-core/dist/esm/lib/i18n';
import createRootReducer from 'decap-cms-core/dist/esm/reducers/combinedReducer';
import { store } from 'decap-cms-core/dist/esm/redux';
import { languageLabel } from './config';
import { cmsLanguages } from './previews';

/** Where admin.css stacks the columns and leaves the preview out (its `max-width: 799px`). */
const PHONE = '(max-width: 799px)';

/** Decap keeps its state in Immutable.js collections: the little used here. */
interface Immutable {
  get(key: string): unknown;
  getIn(path: readonly string[]): unknown;
  set(key: string, value: unknown): Immutable;
  equals(other: unknown): boolean;
  keySeq(): { toArray(): string[] };
}

const isImmutable = (value: unknown): value is Immutable =>
  typeof value === 'object' && value !== null && 'equals' in value && 'getIn' in value;

const same = (a: unknown, b: unknown): boolean => a === b || (isImmutable(a) && a.equals(b));

/** The languages an entry (and its saved versions) has words in besides the main language's. */
function otherLanguages(entries: Immutable[]): string[] {
  const codes = entries.flatMap((entry) => {
    const i18n = entry.get('i18n');
    return isImmutable(i18n) ? i18n.keySeq().toArray() : [];
  });
  return [...new Set(codes)];
}

/**
 * Whether the draft `entry` differs from every saved version of it (`saved`: the published entry
 * and the draft as last saved, as Decap passes them with each change): in the main language's
 * data, in any other language's data, or in its metadata. Decap's own test looks at one language.
 */
function changedInAnyLanguage(entry: Immutable, saved: Immutable[]): boolean {
  const paths = [
    ['data'],
    ['meta'],
    ...otherLanguages([entry, ...saved]).map((code) => ['i18n', code, 'data']),
  ];
  return !saved.some((version) =>
    paths.every((path) => same(entry.getIn(path), version.getIn(path))),
  );
}

type State = Record<string, unknown> & { entryDraft: Immutable };
interface Action {
  type: string;
  payload?: { entries?: Immutable[] };
}

/** Decap's reducers, then `hasChanged` of a draft with several languages from all of them (1). */
function hasChangedInAnyLanguage(): void {
  const decap = createRootReducer();
  store.replaceReducer((state: State | undefined, action: Action) => {
    const next = decap(state, action) as State;
    if (action.type !== DRAFT_CHANGE_FIELD) return next;
    const draft = next.entryDraft;
    const entry = draft.get('entry');
    if (!isImmutable(entry) || !isImmutable(entry.get('i18n'))) return next;
    const changed = changedInAnyLanguage(entry, action.payload?.entries ?? []);
    return changed === draft.get('hasChanged')
      ? next
      : { ...next, entryDraft: draft.set('hasChanged', changed) };
  });
}

interface EditorProps {
  collection: unknown;
}
interface EditorState {
  rightPane?: string | null;
  /** Set on the editor's first drawing, once the language column is chosen. */
  languageColumnChosen?: boolean;
}
interface EditorInstance {
  props: EditorProps;
  forceUpdate(): void;
}

/** Whether Decap shows this collection's languages side by side (`collectionI18nEnabled`). */
function sideBySide(collection: unknown): boolean {
  return hasI18n(collection) && (getI18nInfo(collection)?.locales?.length ?? 0) > 1;
}

/**
 * The right-hand pane, chosen before each drawing of Decap's editor (React's
 * `getDerivedStateFromProps`, which EditorInterface leaves unused) (2, 3): for an entry with
 * languages side by side, the language column when it opens, instead of none, and always on a
 * phone; the preview (or notes) only when chosen in this editor on a larger screen.
 */
function rightPaneFor(
  props: EditorProps,
  state: EditorState,
  phone: boolean,
): Partial<EditorState> | null {
  if (!sideBySide(props.collection)) return null;
  const pane =
    !state.languageColumnChosen || phone || !state.rightPane || state.rightPane === 'none'
      ? 'i18n'
      : state.rightPane;
  return pane === state.rightPane && state.languageColumnChosen
    ? null
    : { rightPane: pane, languageColumnChosen: true };
}

function languageColumnAlwaysReachable(): void {
  const phone = window.matchMedia(PHONE);
  const editor = EditorInterface as unknown as {
    getDerivedStateFromProps?: (props: EditorProps, state: EditorState) => object | null;
    prototype: {
      componentDidMount?: (this: EditorInstance) => void;
      componentWillUnmount?: (this: EditorInstance) => void;
    };
  };
  editor.getDerivedStateFromProps = (props, state) => rightPaneFor(props, state, phone.matches);
  // Drawn again when the screen crosses the phone width (a tablet turned), so the column shows.
  const shown = new Set<EditorInstance>();
  phone.addEventListener('change', () => shown.forEach((instance) => instance.forceUpdate()));
  const { componentDidMount, componentWillUnmount } = editor.prototype;
  editor.prototype.componentDidMount = function (this: EditorInstance) {
    componentDidMount?.call(this);
    shown.add(this);
  };
  editor.prototype.componentWillUnmount = function (this: EditorInstance) {
    componentWillUnmount?.call(this);
    shown.delete(this);
  };
}

type Phrases = Record<string, Record<string, Record<string, string>>>;

/**
 * The editor's toggles named for staff (2): "Toggle i18n" becomes "Show the Español (ES) column"
 * (the column Decap shows on the right is always the second language's); the preview's says what
 * it shows. Decap's English phrases, with these replaced (`registerLocale` replaces a whole
 * language).
 */
function namedToggles(cms: typeof CMS): void {
  const next = cmsLanguages().others[0];
  const english = cms.getLocale('en') as Phrases | undefined;
  if (!english) return;
  const editor = english['editor'] ?? {};
  cms.registerLocale('en', {
    ...english,
    editor: {
      ...editor,
      editorInterface: {
        ...editor['editorInterface'],
        ...(next && {
          toggleI18n: `Show the ${languageLabel(next)} (${next.code.toUpperCase()}) column`,
        }),
        togglePreview: 'Toggle preview (the page as visitors will see it)',
        toggleScrollSync: 'Scroll the two sides together',
      },
    },
  });
}

/**
 * Applies the workarounds above to the CMS: call once, before `CMS.init`. `cms` is the
 * `decap-cms-app` object (for the toggles' names in its English phrases).
 */
export function editorWorkarounds(cms: typeof CMS): void {
  hasChangedInAnyLanguage();
  languageColumnAlwaysReachable();
  namedToggles(cms);
}
