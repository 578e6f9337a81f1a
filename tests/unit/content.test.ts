/**
 * The clinic's published facts (from its current page, ../shared/clinic/current-page.txt) must all
 * be in the content, exactly. Pinned on purpose: unlike the rendering tests, which read their
 * expected values from the content so that staff can edit any word, this one fails when a fact from
 * the clinic's page is lost or changed. These read the real `src/content` through `astro:content`,
 * as the pages do.
 */
import { describe, expect, test } from 'vitest';
import { getCollection } from 'astro:content';
import {
  getBenefits,
  getClinic,
  getLocations,
  getMainLocation,
  getMainTreatment,
  getPlans,
  getQuestions,
  getServices,
  getTiers,
} from '../../src/lib/content';
import { LANGUAGES } from '../../src/i18n/languages';

const main = LANGUAGES.main;

describe('services', () => {
  test('the core treatment is orthopedic/medical massage, with the three elements of treatment', async () => {
    const treatment = await getMainTreatment(main);
    expect(treatment.data.title).toBe('Orthopedic/medical massage');
    expect(treatment.data.steps).toHaveLength(3);
    const [assess, customize, selfCare] = treatment.data.steps ?? [];
    expect(assess).toMatch(/assess your needs and your medical condition/);
    expect(customize).toMatch(/customize a treatment to resolve the source of your pain/);
    expect(selfCare).toMatch(/self-care techniques/);
  });

  test('each of the six modalities has a published page', async () => {
    const modalities = (await getServices(main)).filter(({ data }) => data.kind === 'modality');
    expect(modalities.map(({ data }) => data.title)).toEqual([
      'Muscle testing',
      'Neuromuscular therapy',
      'Myofascial release',
      'Positional release',
      'Trigger point therapy',
      'Rehabilitative stretching',
    ]);
  });
});

describe('benefits', () => {
  test('all eleven benefits are listed, in the order of the clinic page', async () => {
    const titles = (await getBenefits(main)).map(({ data }) => data.title);
    const expected = [
      /tight, sore muscles/,
      /nerve compression or entrapment/,
      /myofascial trigger points/,
      /pain and inflammation/,
      /suppleness and strength/,
      /stress and improves circulation/,
      /digestive motility/,
      /flexibility and range of motion/,
      /calms the nervous system/i,
      /posture and coordination/,
      /cost-effective/,
    ];
    expect(titles).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(titles[index]).toMatch(pattern));
  });
});

describe('pricing', () => {
  test('the three tiers are 30, 60 and 90 minutes at $55, $100 and $150', async () => {
    const tiers = (await getTiers(main)).map(({ data }) => [
      data.durationMinutes,
      data.price,
      data.currency,
    ]);
    expect(tiers).toEqual([
      [30, 55, 'USD'],
      [60, 100, 'USD'],
      [90, 150, 'USD'],
    ]);
  });
});

describe('insurance', () => {
  test('all nine plans are listed with their plan types and how clients reach them', async () => {
    const plans = (await getPlans(main)).map(({ data }) => [
      data.name,
      data.planTypes,
      data.viaWellnessProgram,
    ]);
    expect(plans).toEqual([
      ['Capital Blue Cross', ['PPO', 'Benefit plan'], false],
      ['ChooseHealthy Affinity Program', ['Discount program'], true],
      ['Group Health, Inc.', [], false],
      ['Health Allies', ['Discount program'], false],
      ['Health Net Health Plan of Oregon', [], false],
      ['Priority Health', ['HMO', 'POS', 'PPO', 'Benefit plan'], false],
      ['Providence Health Plan', [], false],
      ['Veterans Affairs Community Care Network', [], false],
      ['Tivity Whole Health Living Program', [], true],
    ]);
  });

  test('the two wellness programs tell clients where to check coverage', async () => {
    const programs = (await getPlans(main)).filter(({ data }) => data.viaWellnessProgram);
    for (const { data } of programs) {
      expect(data.coverageUrl, data.name).toMatch(/^https:\/\//);
      expect(data.coverageNote, data.name).toBeTruthy();
    }
  });
});

describe('HSA/FSA', () => {
  test('the prescription checklist names reason, number/frequency/duration, modality and diagnosis code', async () => {
    const { hsaFsa } = await getClinic(main);
    const items = hsaFsa.checklist.map(({ item, example }) => `${item} (${example ?? ''})`);
    expect(items).toEqual([
      expect.stringMatching(/medically necessary.*back pain/),
      expect.stringMatching(
        /how many treatments.*how often.*how long.*two sessions per week for 6 weeks/i,
      ),
      expect.stringMatching(/modality.*massage therapy or manual therapy/),
      expect.stringMatching(/diagnosis code/),
    ]);
  });

  test('the statement and receipt say HSA/FSA pays and a customized receipt is available', async () => {
    const { hsaFsa } = await getClinic(main);
    expect(hsaFsa.statement).toMatch(
      /Health Savings Account \(HSA\).*Flexible Spending Account \(FSA\)/,
    );
    expect(hsaFsa.statement).toMatch(/legitimate medical service/);
    expect(hsaFsa.checklistIntro).toMatch(/not every FSA card accepts massage/);
    expect(hsaFsa.receipt).toMatch(/customized receipt/);
  });
});

describe('FAQ', () => {
  test("seeds the clinic page's questions and the payment facts", async () => {
    const questions = (await getQuestions(main)).map(({ data }) => data.question);
    for (const pattern of [
      /What is orthopedic\/medical massage\?/,
      /Why do I need a prescription\?/,
      /Which techniques/,
      /benefits/,
      /do not have a prescription/,
      /HSA or FSA/,
      /workers' compensation/,
      /car accidents/,
    ]) {
      expect(
        questions.some((question) => pattern.test(question)),
        String(pattern),
      ).toBe(true);
    }
  });

  test('every related service a question names exists', async () => {
    const serviceIds = new Set((await getCollection('services')).map(({ id }) => id));
    for (const { id, data } of await getQuestions(main)) {
      for (const service of data.services) expect(serviceIds, `faq/${id}`).toContain(service.id);
    }
  });
});

describe('clinic settings', () => {
  test('unknown facts are visibly marked as placeholders', async () => {
    const clinic = await getClinic(main);
    expect(clinic.name).toMatch(/placeholder/i);
    expect(clinic.email).toMatch(/@example\.com$/);
    expect(clinic.phone).toMatch(/^\+1\d{3}55501\d{2}$/);
  });

  test('one location, the main one, with placeholder address and hours and the clinic’s phone', async () => {
    expect((await getLocations(main)).map(({ id }) => id)).toEqual(['main']);
    const location = await getMainLocation(main);
    expect(location.data.address.street).toMatch(/placeholder/i);
    expect(location.data.hoursNote).toMatch(/placeholder/i);
    expect(location.phone).toBe((await getClinic(main)).phone);
    expect(location.email).toBe((await getClinic(main)).email);
  });
});
