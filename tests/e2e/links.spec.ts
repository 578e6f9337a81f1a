import { expect, test } from './fixtures';
import { builtHtml } from './site';

/** Every `href` and `src`/`srcset` URL in the built HTML that points inside the site. */
function internalTargets(): Map<string, Set<string>> {
  const targets = new Map<string, Set<string>>();
  for (const [file, html] of builtHtml()) {
    const urls = [
      ...[...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((match) => match[1] ?? ''),
      ...[...html.matchAll(/\ssrcset="([^"]+)"/g)].flatMap((match) =>
        (match[1] ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''),
      ),
    ];
    for (const raw of urls) {
      const url = raw.replaceAll('&amp;', '&');
      if (/^(https?:|mailto:|tel:)/.test(url) && !url.startsWith('https://clinic.example.com'))
        continue;
      const absolute = new URL(url, `http://site${file}`);
      const key = absolute.pathname + absolute.hash;
      if (!targets.has(key)) targets.set(key, new Set());
      targets.get(key)?.add(file);
    }
  }
  return targets;
}

test('every internal link, image and anchor in dist resolves', async ({ request }) => {
  const targets = internalTargets();
  expect(targets.size).toBeGreaterThan(20);
  const pageHtml = new Map<string, string>();
  for (const [target, sources] of targets) {
    const [path = '', anchor] = target.split('#');
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), `${target} (linked from ${[...sources].join(', ')})`).toBe(200);
    if (anchor) {
      if (!pageHtml.has(path)) pageHtml.set(path, await response.text());
      expect(
        pageHtml.get(path),
        `#${anchor} on ${path} (linked from ${[...sources].join(', ')})`,
      ).toContain(`id="${anchor}"`);
    }
  }
});
