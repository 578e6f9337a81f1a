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
  };
}

declare module 'decap-cms-core/dist/esm/actions/entries' {
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
