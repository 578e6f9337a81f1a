/**
 * The clinic's published facts (from its current page, ../shared/clinic/current-page.txt) must all
 * be in the Spanish content too, exactly: the counterpart of content.test.ts, on the same entries
 * with the Spanish words laid over them (`src/content/<folder>/es/`). Numbers, prices and proper
 * names are set once in the English files and so are identical; wording facts are matched in the
 * Spanish translation. These read the real `src/content` through `astro:content`, as the pages do.
 */
import { describe, expect, test } from 'vitest';
import { getCollection } from 'astro:content';
import {
  getBenefits,
  getClinic,
  getMainLocation,
  getMainTreatment,
  getPlans,
  getQuestions,
  getServices,
  getTiers,
} from '../../src/lib/content';
import { LANGUAGES } from '../../src/i18n/languages';

const es = LANGUAGES.all.find(({ code }) => code === 'es')!;

describe('services', () => {
  test('the core treatment is orthopedic/medical massage, with the three elements of treatment', async () => {
    const treatment = await getMainTreatment(es);
    expect(treatment.data.title).toBe('Masaje ortopédico/médico');
    expect(treatment.data.steps).toHaveLength(3);
    const [assess, customize, selfCare] = treatment.data.steps ?? [];
    expect(assess).toMatch(/evaluamos sus necesidades y su condición médica/i);
    expect(customize).toMatch(/personalizamos un tratamiento para resolver la fuente de su dolor/i);
    expect(selfCare).toMatch(/técnicas de autocuidado/);
  });

  test('each of the six modalities has a published page', async () => {
    const modalities = (await getServices(es)).filter(({ data }) => data.kind === 'modality');
    expect(modalities.map(({ data }) => data.title)).toEqual([
      'Pruebas musculares',
      'Terapia neuromuscular',
      'Liberación miofascial',
      'Liberación posicional',
      'Terapia de puntos gatillo',
      'Estiramiento rehabilitador',
    ]);
  });
});

describe('benefits', () => {
  test('all eleven benefits are listed, in the order of the clinic page', async () => {
    const titles = (await getBenefits(es)).map(({ data }) => data.title);
    const expected = [
      /músculos tensos y adoloridos/,
      /compresión o el atrapamiento de los nervios/,
      /puntos gatillo miofasciales/,
      /dolor y la inflamación/,
      /puede devolver a sus músculos elasticidad y fuerza/i,
      /estrés y mejora la circulación/,
      /puede mejorar la motilidad digestiva/i,
      /flexibilidad y el rango de movimiento/,
      /calma el sistema nervioso/i,
      /postura y la coordinación/,
      /económica y eficaz/,
    ];
    expect(titles).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(titles[index]).toMatch(pattern));
  });
});

describe('pricing', () => {
  test('the three tiers are 30, 60 and 90 minutes at $55, $100 and $150', async () => {
    const tiers = (await getTiers(es)).map(({ data }) => [
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
    const plans = (await getPlans(es)).map(({ data }) => [
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
    const programs = (await getPlans(es)).filter(({ data }) => data.viaWellnessProgram);
    expect(programs).toHaveLength(2);
    for (const { data } of programs) {
      expect(data.coverageUrl, data.name).toMatch(/^https:\/\//);
      expect(data.coverageNote, data.name).toMatch(/si su aseguradora ofrece este programa/);
    }
  });
});

describe('HSA/FSA', () => {
  test('the prescription checklist names reason, number/frequency/duration, modality and diagnosis code', async () => {
    const { hsaFsa } = await getClinic(es);
    const items = hsaFsa.checklist.map(({ item, example }) => `${item} (${example ?? ''})`);
    expect(items).toEqual([
      expect.stringMatching(/médicamente necesario.*dolor de espalda/),
      expect.stringMatching(
        /cuántos tratamientos.*con qué frecuencia.*cuánto tiempo.*dos sesiones por semana durante 6 semanas/i,
      ),
      expect.stringMatching(/modalidad.*terapia de masaje o terapia manual/i),
      expect.stringMatching(/código de diagnóstico/i),
    ]);
  });

  test('the statement and receipt say HSA/FSA pays and a customized receipt is available', async () => {
    const { hsaFsa } = await getClinic(es);
    expect(hsaFsa.statement).toMatch(
      /cuenta de ahorros para la salud \(HSA\).*cuenta de gastos flexibles \(FSA\)/,
    );
    expect(hsaFsa.statement).toMatch(/servicio médico legítimo/);
    expect(hsaFsa.checklistIntro).toMatch(/no todas las tarjetas FSA aceptan el masaje/);
    expect(hsaFsa.receipt).toMatch(/recibo personalizado/);
  });
});

describe('FAQ', () => {
  test("seeds the clinic page's questions and the payment facts", async () => {
    const questions = (await getQuestions(es)).map(({ data }) => data.question);
    for (const pattern of [
      /¿Qué es el masaje ortopédico\/médico\?/,
      /¿Por qué necesito una receta\?/,
      /Qué técnicas/,
      /beneficios/,
      /no tengo una receta/,
      /HSA o FSA/,
      /compensación laboral/,
      /accidentes de auto/,
    ]) {
      expect(
        questions.some((question) => pattern.test(question)),
        String(pattern),
      ).toBe(true);
    }
  });

  test('every related service a question names exists', async () => {
    const serviceIds = new Set((await getCollection('services')).map(({ id }) => id));
    for (const { id, data } of await getQuestions(es)) {
      for (const service of data.services) expect(serviceIds, `faq/${id}`).toContain(service.id);
    }
  });
});

describe('clinic settings', () => {
  test('unknown facts are visibly marked as placeholders, in Spanish too', async () => {
    const clinic = await getClinic(es);
    expect(clinic.name).toMatch(/placeholder/i);
    const location = await getMainLocation(es);
    expect(location.data.address.street).toMatch(/placeholder/i);
    expect(clinic.email).toMatch(/@example\.com$/);
    expect(clinic.phone).toMatch(/^\+1\d{3}55501\d{2}$/);
    expect(location.data.hoursNote).toMatch(/placeholder/i);
    const { cancellation, lateArrival, noShow } = clinic.visitPolicy;
    for (const policy of [cancellation, lateArrival, noShow])
      expect(policy).toMatch(/placeholder/i);
  });
});
