/**
 * No language's pages ship empty: a collection with entries in the main language and not one in
 * another (setup replaced the therapist in English only, and /es/terapeutas/ listed nobody) is a
 * launch-check finding, so the production build refuses it too (src/integrations/launch-guard.ts).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { LANGUAGES } from '../../src/i18n/languages';
import { launchCheck } from '../../src/launch/check';
import { copyProject } from '../support/project-copy.mjs';

const OTHER = LANGUAGES.others[0]!;
let copy: ReturnType<typeof copyProject> | undefined;
afterEach(() => copy?.remove());

const folderFindings = (root: string) =>
  launchCheck(root).filter(({ field }) => field === '(the folder)');

test('the shipped content has every collection in every language', () => {
  expect(folderFindings(join(import.meta.dirname, '../..'))).toEqual([]);
});

test('therapists in the main language and none in another: the folder is named, with the files to add', () => {
  copy = copyProject('clinic-languages-');
  const folder = join(copy.dir, 'src/content/therapists', OTHER.code);
  const files = readdirSync(folder);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) rmSync(join(folder, file));
  const findings = folderFindings(copy.dir);
  expect(findings).toHaveLength(1);
  expect(findings[0]?.file).toBe(`src/content/therapists/${OTHER.code}/`);
  expect(findings[0]?.problems[0]).toContain(`has no ${OTHER.tag} translation`);
  for (const file of files) {
    expect(findings[0]?.problems[0]).toContain(`src/content/therapists/${OTHER.code}/${file}`);
  }
});
