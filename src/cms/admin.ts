/**
 * The /admin/ page: Decap CMS, bundled from the pinned npm package (no CDN), configured from the
 * content schemas, with the site's previews, editor components and the build's checks before an
 * entry is saved and again before it is published.
 */
import './node-globals';
import CMS from 'decap-cms-app';
import './admin.css';
import { showBuildErrors } from './build-errors';
import { refuseInvalid } from './checks';
import { cmsConfig, collectionLanguage } from './config';
import { DayControl, DayPreview } from './day-widget';
import { bookTierComponent, calloutComponent } from './editor-components';
import { editorWorkarounds } from './editor-workarounds';
import { registerEntryFormats } from './formats';
import { guardBackends, refuseDeleteWhileReferenced } from './guards';
import { markDecapFailuresHandled } from './handled-failures';
import { showHelpLink } from './help-link';
import { listItemsInWords } from './list-summaries';
import { relationInMainLanguageOnly } from './relation';
import previewStyles from './preview.css?inline';
import { clinicTimeZone, cmsLanguages, faqCategories, previews } from './previews';
import { keepWorkflowStatus } from './workflow-status';

const local = ['localhost', '127.0.0.1'].includes(window.location.hostname);
const languages = cmsLanguages();

CMS.registerPreviewStyle(previewStyles, { raw: true });
for (const [name, template] of Object.entries(previews)) {
  CMS.registerPreviewTemplate(name, template);
}
CMS.registerWidget('day', DayControl, DayPreview);
registerEntryFormats(CMS);
listItemsInWords(CMS);
CMS.registerEditorComponent(bookTierComponent);
relationInMainLanguageOnly(CMS, languages.main.code);
CMS.registerEditorComponent(calloutComponent);
editorWorkarounds(CMS);

CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    await refuseInvalid(entry, languages, 'saved');
    // What each file holds (the body escaped, cleared fields left out) is decided by the formats,
    // for every language alike (src/cms/formats.ts). The reviewed mark is a translation's: the
    // main language's file has none.
    const data = entry.get('data');
    return collectionLanguage(languages, String(entry.get('collection')))
      ? data
      : data.delete('reviewed');
  },
});

// A draft is checked again when published: the rules, or the other entries, may have changed since
// it was saved, and a branch can be edited outside the CMS.
CMS.registerEventListener({
  name: 'prePublish',
  handler: async ({ entry }) => {
    await refuseInvalid(entry, languages, 'published');
  },
});

// Deleting a published entry (and unpublishing it) runs this first: Decap stops if it throws.
CMS.registerEventListener({
  name: 'preUnpublish',
  handler: async ({ entry }) => {
    await refuseDeleteWhileReferenced(String(entry.get('collection')), String(entry.get('slug')));
  },
});

if (import.meta.hot) {
  // Under `npm run dev`, every open page is asked to reload when content changes (a draft
  // published, a save with --simple): by Astro's content layer (`path: '*'`) and by Vite for the
  // MDX modules (no path). This page reads content through the CMS backend, not the build, and a
  // reload would throw away whatever is being typed. So once Decap is on screen, a reload that does
  // not name a changed file outside src/content/ is pointed at a page that is not this one (Vite's
  // client then skips it). Before that, every reload happens, as Vite needs when it has just
  // optimised Decap's dependencies; a change to the CMS's own code names its file and reloads.
  import.meta.hot.on(
    'vite:beforeFullReload',
    (payload: { path?: string; triggeredBy?: string }) => {
      const decapShown = document.querySelector('#nc-root')?.hasChildNodes() ?? false;
      const codeChanged =
        payload.triggeredBy !== undefined && !/[\\/]src[\\/]content[\\/]/.test(payload.triggeredBy);
      if (decapShown && !codeChanged) payload.path = '/content-changed-not-this-page.html';
    },
  );
}

const config = cmsConfig({
  local,
  languages,
  timeZone: clinicTimeZone(),
  faqCategories: faqCategories(),
});
guardBackends(CMS, config);
keepWorkflowStatus();
markDecapFailuresHandled();
if (import.meta.hot) showBuildErrors(import.meta.hot, config);
CMS.init({ config });
showHelpLink();
