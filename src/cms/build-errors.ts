/**
 * Under `npm run dev`: a file the site cannot build (edited by hand, or published before the CMS
 * checked every language) never covers the CMS. The dev server sends its error to every open page,
 * and its client draws a full-screen box over the page (`vite-error-overlay`, which Astro defines
 * as "An error occurred"), closed by neither Escape nor a click while the error lasts: staff could
 * not reach the entry that would fix it. On this page the box is taken away and the error is shown
 * as a notice instead, naming the entry, linking to it and saying what to do.
 */
import type { CmsConfig } from 'decap-cms-core';

/** What the dev server sends with an error (Vite's `ErrorPayload['err']`), as far as used here. */
interface BuildError {
  message: string;
  id?: string;
  loc?: { file?: string; line?: number };
}

/** The file of the project an error names (`src/content/faq/es/a.mdx`), if any. */
function projectFile(error: BuildError): string | undefined {
  const named = (error.loc?.file ?? error.id ?? error.message).replaceAll('\\', '/');
  // From the last `/src/content/` (a temporary folder may hold `src/` too), else the first `src/`.
  const content = named.lastIndexOf('/src/content/');
  return /(?:^|\/)(src\/[^\s:?]+)/.exec(content >= 0 ? named.slice(content) : named)?.[1];
}

/**
 * The CMS address of the entry stored in `file` (`#/collections/faq/entries/a`), from the CMS's
 * own configuration: a folder collection's entry by its file name (with several languages, in any
 * language's folder), a page or settings file by its name.
 */
function entryAddress(config: CmsConfig, file: string): string | undefined {
  for (const collection of config.collections) {
    if ('folder' in collection && collection.folder && file.startsWith(`${collection.folder}/`)) {
      const slug = file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
      return `#/collections/${collection.name}/entries/${slug}`;
    }
    const named = collection.files?.find((candidate) => candidate.file === file);
    if (named) return `#/collections/${collection.name}/entries/${named.name}`;
  }
  return undefined;
}

function notice(): HTMLElement {
  const existing = document.getElementById('build-error');
  if (existing) return existing;
  const element = document.createElement('section');
  element.id = 'build-error';
  element.setAttribute('role', 'alert');
  element.setAttribute('aria-label', 'The site cannot be built');
  document.body.append(element);
  return element;
}

function show(error: BuildError, config: CmsConfig): void {
  const file = projectFile(error);
  const address = file && entryAddress(config, file);
  const element = notice();
  element.replaceChildren();
  const heading = document.createElement('h2');
  heading.textContent = 'The site cannot be built from one file';
  const what = document.createElement('p');
  // The message often starts with the file's full path again (`/home/…/src/content/…: found …`).
  const message = (error.message.split('\n')[0] ?? '').replace(/^\S*src\/[^\s:]+(:\d+)*: /, '');
  what.textContent = `${file ?? 'A file'}: ${message}`;
  const todo = document.createElement('p');
  todo.textContent = address
    ? 'Open the entry and save it again (saving writes { } < as text), correcting anything else named, then publish it. Everything else here keeps working.'
    : 'Ask whoever runs the site to correct this file. Everything here keeps working.';
  element.append(heading, what, todo);
  if (address) {
    const link = document.createElement('a');
    link.href = address;
    link.textContent = 'Open the entry';
    // Decap keeps an entry it has open as it loaded it: opened again, it is read afresh from its
    // file (Decap asks first if anything typed is unsaved).
    link.addEventListener('click', (event) => {
      // Out of the way of the entry's fields (it is shown again if the error comes back).
      element.remove();
      if (window.location.hash !== address) return;
      event.preventDefault();
      window.location.reload();
    });
    element.append(link);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close this notice';
  close.addEventListener('click', () => element.remove());
  element.append(close);
}

interface HotContext {
  on(event: 'vite:error', listener: (payload: { err: BuildError }) => void): void;
}

/** Shows the dev server's errors as a notice on the CMS page, never as its full-screen box. */
export function showBuildErrors(hot: HotContext, config: CmsConfig): void {
  const removeBoxes = () => {
    for (const box of document.querySelectorAll('vite-error-overlay')) box.remove();
  };
  new MutationObserver(removeBoxes).observe(document.body, { childList: true });
  hot.on('vite:error', ({ err }) => {
    removeBoxes();
    show(err, config);
  });
}
