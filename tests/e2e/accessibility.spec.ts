import { expect, test } from './fixtures';
import { axeTests, axeViolations } from './axe';
import { builtPages } from './site';

/** Every page of every language, on a desktop (tests/e2e/accessibility-phone.spec.ts: a phone). */
axeTests(builtPages());

test('the check finds a violation where there is one: an image without a text alternative, faint text', async ({
  workerPage: page,
}) => {
  await page.goto('/');
  await page.getByRole('main').evaluate((main) => {
    const image = document.createElement('img');
    image.src = '/favicon.svg';
    const faint = document.createElement('p');
    faint.textContent = 'Words too faint to read';
    faint.style.color = '#e8e8e8';
    main.append(image, faint);
  });
  const rules = (await axeViolations(page)).map((line) => line.slice(0, line.indexOf(':')));
  expect(rules.toSorted()).toEqual(['color-contrast', 'image-alt']);
});
