import { expect, test, visitEach } from './fixtures';
import { builtPages } from './site';

/**
 * What the privacy notice (/privacy/) says this site does, kept true: on every page, before a
 * visitor asks to book, nothing is stored on their device and nothing is requested from anywhere
 * but the site itself. (Requests to other hosts would be refused by the test fixture anyway; they
 * are counted here before that.) On a phone-sized screen, so that the calendar of /book/, which
 * loads when it comes into view (as the notice says), is below the fold.
 */
test('no page sets a cookie, stores anything or contacts another host before a booking click', async ({
  browser,
  baseURL,
}) => {
  const visited: string[] = [];
  await visitEach(
    browser,
    builtPages(),
    async (page, path) => {
      const elsewhere: string[] = [];
      page.on('request', (request) => {
        const { origin } = new URL(request.url());
        if (origin !== baseURL && !request.url().startsWith('data:')) elsewhere.push(request.url());
      });
      await page.goto(path, { waitUntil: 'networkidle' });
      const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
      expect(stored, path).toBe(0);
      expect(await page.evaluate(() => document.cookie), path).toBe('');
      expect(await page.context().cookies(), path).toEqual([]);
      expect(elsewhere, path).toEqual([]);
      visited.push(path);
    },
    { options: { viewport: { width: 375, height: 640 } } },
  );
  expect(visited.toSorted()).toEqual(builtPages().toSorted());
});
