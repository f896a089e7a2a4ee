import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { PatientDiary } from '@domain';
import { browserLang, DiaryI18n } from '../../../shared/i18n/diary-i18n.ts';
import { problemResponse, settle, specProviders } from '../../../testing/test-fixtures.ts';
import { HOME_DIARY_ROUTES } from '../home-diary.routes.ts';

const TOKEN = 'A'.repeat(43);
const url = `/api/v1/diary/${TOKEN}`;

/** Performed at 08:00 UTC; 15 min done, 30 min overdue, 1 h due, 2 h upcoming. */
function diary(over: Partial<PatientDiary> = {}): PatientDiary {
  const at = (m: number) => new Date(Date.parse('2026-11-25T08:00:00Z') + m * 60_000).toISOString();
  return {
    firstName: 'Lucía',
    performedAt: at(0),
    bilateral: false,
    expiresAt: at(16 * 1440),
    timePoints: [
      {
        minutesAfter: 15,
        at: at(15),
        status: 'done',
        complete: true,
        entries: [{ context: 'activity', side: null }],
      },
      { minutesAfter: 30, at: at(30), status: 'overdue', complete: false, entries: [] },
      { minutesAfter: 60, at: at(60), status: 'due', complete: false, entries: [] },
      { minutesAfter: 120, at: at(120), status: 'upcoming', complete: false, entries: [] },
    ],
    ...over,
  };
}

describe('PatientDiaryPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  const text = () => (harness.routeNativeElement?.textContent ?? '').replace(/\s+/g, ' ');
  const button = (name: string | RegExp) =>
    [...harness.routeNativeElement!.querySelectorAll('button')].find((b) =>
      typeof name === 'string'
        ? (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name
        : name.test(b.getAttribute('aria-label') ?? b.textContent!),
    )!;
  const click = async (name: string | RegExp) => {
    const b = button(name);
    expect(b).withContext(String(name)).toBeDefined();
    b.click();
    await settle(harness.fixture);
  };

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...specProviders(),
        provideRouter(
          [{ path: 'diary/:token', loadChildren: () => HOME_DIARY_ROUTES }],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open(
    body: PatientDiary | null = diary(),
    status = 200,
    code?: string,
  ): Promise<void> {
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(`/diary/${TOKEN}`);
    await settle(harness.fixture);
    await navigation;
    await settle(harness.fixture);
    const req = http.expectOne(url);
    if (body) req.flush(body);
    else req.flush({ status, title: 'x', code }, problemResponse(status, 'Gone'));
    await settle(harness.fixture);
  }

  it('names time points as the diary counts them, in both languages', () => {
    const en = new DiaryI18n();
    const labels = (lang: 'en' | 'es') => {
      en.lang.set(lang);
      return [15, 60, 90, 1440, 2880, 14 * 1440].map((m) => en.t().pointLabel(m));
    };
    expect(labels('en')).toEqual(['15 min', '1 h', '1.5 h', '24 h', 'day 2', 'day 14']);
    expect(labels('es')).toEqual(['15 min', '1 h', '1.5 h', '24 h', 'día 2', 'día 14']);
  });

  it('writes dates day first and times on the 24-hour clock, in both languages', () => {
    const i18n = new DiaryI18n();
    const afternoon = '2026-11-25T15:30:00Z';
    for (const lang of ['en', 'es'] as const) {
      i18n.lang.set(lang);
      expect(i18n.time(afternoon))
        .withContext(lang)
        .toMatch(/^\d{2}:30$/);
      expect(i18n.dateTime(afternoon))
        .withContext(lang)
        .not.toMatch(/AM|PM|a\. m\.|p\. m\./i);
    }
    i18n.lang.set('en');
    expect(i18n.dateTime(afternoon)).toMatch(/^Wed 25 Nov, \d{2}:30$/);
    i18n.lang.set('es');
    expect(i18n.dateTime(afternoon)).toMatch(/^mié, 25 nov, \d{2}:30$/);
  });

  it('defaults the language from the browser: Spanish for es-*, English otherwise', () => {
    expect(browserLang(['es-MX', 'en'])).toBe('es');
    expect(browserLang(['fr-FR', 'es'])).toBe('es');
    expect(browserLang(['de-DE'])).toBe('en');
    expect(browserLang([])).toBe('en');
  });

  for (const [lang, t] of [
    [
      'en',
      {
        hello: 'Hello, Lucía',
        now: 'Now: 1 h after your procedure',
        scale: ['0 No pain', '5 Moderate', '10 Worst imaginable'],
        next: 'Next at',
        save: 'Save',
        saved: 'Saved. Thank you.',
        dup: 'This time point is already recorded. If it is wrong, please tell the clinic.',
        done: 'Done',
        pick: 'Choose a number from 0 to 10.',
      },
    ],
    [
      'es',
      {
        hello: 'Hola, Lucía',
        now: 'Ahora: 1 h después del procedimiento',
        scale: ['0 Sin dolor', '5 Moderado', '10 El peor imaginable'],
        next: 'Próximo a las',
        save: 'Guardar',
        saved: 'Guardado. Gracias.',
        dup: 'Esta hora ya está anotada. Si no es correcta, avise a la clínica.',
        done: 'Hecho',
        pick: 'Elija un número del 0 al 10.',
      },
    ],
  ] as const) {
    it(`in ${lang}: opens on the point due now, shows done and next, saves a score and says so`, async () => {
      await open();
      await click(lang === 'en' ? 'English' : 'Español');
      expect(document.documentElement.lang).toBe(lang);
      expect(text()).toContain(t.hello);
      expect(text()).toContain(t.now);
      for (const word of t.scale) expect(text()).toContain(word);
      expect(text()).toContain(t.next);
      expect(text()).toContain(t.done);
      await click(t.save);
      expect(text()).withContext('no score chosen: nothing is sent').toContain(t.pick);
      await click(/^7 (out of|de) 10/);
      await click(t.save);
      const post = http.expectOne({ method: 'POST', url: `${url}/pain-scores` });
      expect(post.request.body).toEqual({
        minutesAfter: 60,
        score: 7,
        context: 'activity',
        side: null,
        reportedReliefPercent: null,
      });
      post.flush({ minutesAfter: 60, context: 'activity', side: null, late: false });
      await settle(harness.fixture);
      http.expectOne(url).flush(diary());
      await settle(harness.fixture);
      expect(text()).toContain(t.saved);
      // The same time point again: refused, in the patient's language.
      await click(/^7 (out of|de) 10/);
      await click(t.save);
      http.expectOne({ method: 'POST', url: `${url}/pain-scores` }).flush(
        {
          status: 409,
          title: 'Already recorded',
          code: 'time-point-recorded',
          errors: [{ path: 'minutesAfter', message: 'x' }],
        },
        problemResponse(409, 'Conflict'),
      );
      await settle(harness.fixture);
      expect(text()).toContain(t.dup);
    });
  }

  for (const [lang, invalid, wait] of [
    ['English', 'This score could not be saved.', 'Please wait a few minutes'],
    ['Español', 'No se pudo guardar esta respuesta.', 'Espere unos minutos'],
  ] as const) {
    it(`in ${lang}: a refused score (tampered value, too many tries) is told in the patient's language, never the server's English`, async () => {
      await open();
      await click(lang);
      await click(/^7 (out of|de) 10/);
      await click(lang === 'English' ? 'Save' : 'Guardar');
      http.expectOne({ method: 'POST', url: `${url}/pain-scores` }).flush(
        {
          status: 400,
          title: 'Invalid request',
          errors: [{ path: 'score', message: 'Score must be at most 10' }],
        },
        problemResponse(400, 'Bad Request'),
      );
      await settle(harness.fixture);
      expect(text()).toContain(invalid);
      expect(text()).not.toContain('Score must be at most 10');
      await click(lang === 'English' ? 'Save' : 'Guardar');
      http
        .expectOne({ method: 'POST', url: `${url}/pain-scores` })
        .flush(
          { status: 429, title: 'Too many attempts', code: 'rate-limited' },
          problemResponse(429, 'Too Many Requests'),
        );
      await settle(harness.fixture);
      expect(text()).toContain(wait);
    });
  }

  it('bilateral: asks for the side and moves to the other side after the first is saved', async () => {
    await open(diary({ bilateral: true }));
    await click('English');
    expect(button('Left').getAttribute('aria-pressed')).toBe('true');
    await click(/^3 out of 10/);
    await click('Save');
    const post = http.expectOne({ method: 'POST', url: `${url}/pain-scores` });
    expect(post.request.body.side).toBe('left');
    post.flush({ minutesAfter: 60, context: 'activity', side: 'left', late: false });
    await settle(harness.fixture);
    const after = diary({ bilateral: true });
    after.timePoints[2] = {
      ...after.timePoints[2]!,
      status: 'done',
      entries: [{ context: 'activity', side: 'left' }],
    };
    http.expectOne(url).flush(after);
    await settle(harness.fixture);
    expect(text()).toContain('Saved. Now rate the right side.');
    expect(button('Right').getAttribute('aria-pressed')).toBe('true');
  });

  it('thanks the patient when every time point is complete', async () => {
    const all = diary();
    all.timePoints = all.timePoints.map((p) => ({ ...p, status: 'done', complete: true }));
    await open(all);
    await click('Español');
    expect(text()).toContain('¡Gracias!');
    expect(text()).not.toContain('Guardar');
  });

  for (const [status, code, en, es] of [
    [
      410,
      'diary-link-revoked',
      'The clinic has withdrawn this link.',
      'La clínica ha retirado este enlace.',
    ],
    [410, 'diary-link-expired', 'This diary has finished.', 'Este diario ha terminado.'],
    [404, 'diary-link-unknown', 'This link is not valid.', 'Este enlace no es válido.'],
  ] as const) {
    it(`a ${code} link gets a friendly page in both languages`, async () => {
      await open(null, status, code);
      await click('English');
      expect(text()).toContain(en);
      await click('Español');
      expect(text()).toContain(es);
      expect(text()).not.toContain('Guardar');
    });
  }
});
