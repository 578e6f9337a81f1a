// Modules of Decap that ship no types: only what this project uses.
// The two internal modules of decap-cms-core that src/cms/published-entries.ts and
// src/cms/previews.ts read (no types ship for them): only what those modules use.
declare module 'decap-cms-core/dist/esm/redux' {
  /** An Immutable.js map, as Decap keeps its state. */
  interface ImmutableMap {
    get(key: string): unknown;
    has(key: string): boolean;
    keys(): IterableIterator<string>;
    values(): IterableIterator<ImmutableMap>;
  }
  export const store: {
    getState(): {
      collections: ImmutableMap;
      config: Record<string, unknown>;
      /** The entry open in the editor (`entry`: its data, and each other language's in `i18n`). */
      entryDraft: ImmutableMap;
      /** The drafts of the editorial workflow (`entities`, by `<collection>.<slug>`). */
      editorialWorkflow?: ImmutableMap;
    };
    subscribe(listener: () => void): () => void;
    dispatch(action: { type: string; payload?: unknown }): unknown;
    /** Redux's own: src/cms/editor-workarounds.ts puts a wrapper around Decap's reducers. */
    replaceReducer(reducer: (state: never, action: never) => unknown): void;
  };
}

declare module 'decap-cms-core/dist/esm/actions/entries' {
  /** The action of a change to a field of the entry open in the editor (editor-workarounds.ts). */
  export const DRAFT_CHANGE_FIELD: string;
  export function getAllEntries(
    state: unknown,
    collection: unknown,
  ): Promise<
    {
      path: string;
      slug: string;
      data: Record<string, unknown>;
      i18n?: Record<string, { data?: Record<string, unknown> }>;
    }[]
  >;
}

// decap-server's middlewares, which scripts/cms-server.mjs mounts on its own server.
declare module 'decap-server/dist/middlewares.js' {
  import type { Express } from 'express';

  type Register = (app: Express, options?: { logLevel?: string }) => Promise<void>;
  const middlewares: { registerLocalGit: Register; registerLocalFs: Register };
  export default middlewares;
}

// Decap's own file formats, which src/cms/formats.ts wraps (decap-cms-core/src/formats).
declare module 'decap-cms-core/dist/esm/formats/frontmatter' {
  interface Formatter {
    fromFile(content: string): Record<string, unknown>;
    toFile(data: Record<string, unknown>, sortedKeys?: string[], comments?: unknown): string;
  }
  export function frontmatterYAML(customDelimiter?: string): Formatter;
}

declare module 'decap-cms-core/dist/esm/formats/yaml' {
  const yamlFormatter: {
    fromFile(content: string): Record<string, unknown> | null;
    toFile(data: Record<string, unknown>, sortedKeys?: string[], comments?: unknown): string;
  };
  export default yamlFormatter;
}

// What src/cms/editor-workarounds.ts works around in Decap's editor.
declare module 'decap-cms-core/dist/esm/reducers/combinedReducer' {
  /** Decap's root reducer, as its store (redux/index.js) is created with. */
  export default function createRootReducer(): (
    state: unknown,
    action: { type: string },
  ) => unknown;
}

declare module 'decap-cms-core/dist/esm/components/Editor/EditorInterface' {
  /** The editor: toolbar, the main language's column and one right-hand pane (a class component). */
  const EditorInterface: unknown;
  export default EditorInterface;
}

declare module 'decap-cms-core/dist/esm/lib/i18n' {
  /** Whether a collection (Immutable.js map) has Decap's `i18n`. */
  export function hasI18n(collection: unknown): boolean;
  export function getI18nInfo(
    collection: unknown,
  ): { locales?: string[]; defaultLocale?: string } | undefined;
}
