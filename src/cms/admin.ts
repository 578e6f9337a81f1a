/**
 * The /admin/ page: Decap CMS, bundled from the pinned npm package (no CDN), configured from the
 * content schemas, with the site's previews, editor components and a schema check before saving.
 */
import CMS from 'decap-cms-app';
import { cmsConfig, COLLECTION_NAMES } from './config';
import { bookTierComponent, calloutComponent } from './editor-components';
import previewStyles from './preview.css?inline';
import { previews } from './previews';
import type { ContentName } from './schemas';
import { entryProblems, prepareForSave, type EntryData } from './validate';

interface EntryMap {
  get(key: string): unknown;
  toJS(): EntryData;
  set(key: string, value: unknown): EntryMap;
}

const local = ['localhost', '127.0.0.1'].includes(window.location.hostname);

CMS.registerPreviewStyle(previewStyles, { raw: true });
for (const [name, template] of Object.entries(previews)) {
  CMS.registerPreviewTemplate(name, template as never);
}
CMS.registerEditorComponent(bookTierComponent as never);
CMS.registerEditorComponent(calloutComponent as never);

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }: { entry: EntryMap }) => {
    const collection = String(entry.get('collection'));
    const name = (collection === 'settings' ? entry.get('slug') : collection) as ContentName;
    const data = entry.get('data') as EntryMap;
    const prepared = prepareForSave(data.toJS());
    if ((COLLECTION_NAMES as readonly string[]).includes(name)) {
      const problems = entryProblems(name, prepared);
      if (problems.length > 0) {
        throw new Error(`This entry cannot be published yet. ${problems.join('; ')}`);
      }
    }
    return typeof prepared.body === 'string' ? data.set('body', prepared.body) : data;
  },
} as never);

CMS.init({ config: cmsConfig({ local }) as never });
