import { seedDemoPractice } from '../demo/practice.ts';
import { seedDemo } from '../demo/seed.ts';
import { fhirProblems, validatorErrors } from './fhir-check.ts';
import { insertRichPatient } from './fhir-fixtures.ts';
import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

interface Entry {
  fullUrl: string;
  resource: Record<string, unknown> & { resourceType: string; id: string; status?: string };
}
interface Bundle {
  resourceType: string;
  type: string;
  entry: Entry[];
}

describe('FHIR R4 patient export (domain.md sections 6 and 7)', () => {
  let t: TestApp;
  let doc: Signed;
  let admin: Signed;
  let manager: Signed;
  let nurse: Signed;
  let docId: string;
  let rich: { patientId: string; procedureIds: string[] };
  beforeAll(async () => {
    t = await createTestApp();
    docId = await t.createUser('fhir-doc', 'physician');
    await t.createUser('fhir-admin', 'admin');
    await t.createUser('fhir-mgr', 'manager');
    await t.createUser('fhir-nurse', 'nurse');
    [doc, admin, manager, nurse] = await Promise.all(
      ['fhir-doc', 'fhir-admin', 'fhir-mgr', 'fhir-nurse'].map((u) => t.login(u)),
    );
    rich = await insertRichPatient(t.db.kysely, docId, uniqueName('RICH-'));
  }, 60_000);
  afterAll(async () => t.close());

  const get = (as: Signed, url: string) => t.app.inject({ method: 'GET', url, headers: as.read });
  const bundleOf = async (as: Signed, patientId: string): Promise<Bundle> => {
    const res = await get(as, `/api/v1/patients/${patientId}/fhir`);
    expect(res.statusCode).withContext(res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    return res.json() as Bundle;
  };
  const ofType = (b: Bundle, type: string) =>
    b.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
  const codeOf = (r: Record<string, unknown>) =>
    ((r['code'] as { coding?: { code: string }[] }).coding ?? []).map((c) => c.code);

  it('exports a patient with every kind of record as a valid Bundle, and the same document twice', async () => {
    const bundle = await bundleOf(doc, rich.patientId);
    expect(fhirProblems(bundle)).toEqual([]);
    expect(bundle.type).toBe('collection');
    expect(ofType(bundle, 'Condition').map((c) => codeOf(c)[0])).toEqual(['M47.817', 'M47.812']);
    expect(ofType(bundle, 'EpisodeOfCare').map((e) => e['status'])).toEqual(['active', 'finished']);
    const procedures = ofType(bundle, 'Procedure');
    expect(procedures.map((p) => p.status)).toEqual([
      'completed',
      'completed',
      'completed',
      'entered-in-error',
      'completed',
      'completed',
    ]);
    expect(procedures.map(codeOf)).toEqual([
      ['64493', '64494'],
      ['64493', '64494'],
      ['64635', '64636', '64636'],
      ['64493', '64494'],
      ['64490', '64491', '64492'],
      ['64490'],
    ]);
    expect(ofType(bundle, 'MedicationAdministration').length).toBe(7); // six anesthetics, one steroid
    const pain = ofType(bundle, 'Observation').filter((o) => codeOf(o)[0] === '72514-3');
    expect(pain.length).toBe(16);
    expect(pain.filter((o) => o.status === 'entered-in-error').length).toBe(3); // one score, two of the wrong procedure
    expect(
      pain.every(
        (o) =>
          Number.isInteger(o['valueInteger']) &&
          typeof o['issued'] === 'string' &&
          typeof o['effectiveDateTime'] === 'string',
      ),
    ).toBeTrue();
    const verdicts = ofType(bundle, 'Observation').filter((o) => codeOf(o)[0] === 'block-verdict');
    expect(verdicts.length)
      .withContext('the two lumbar MBBs (not the one entered in error, not the one without scores)')
      .toBe(2);
    expect(verdicts[1]!['component'])
      .withContext('the second block is read against the first')
      .toBeDefined();
    expect(ofType(bundle, 'QuestionnaireResponse').map((q) => q.status)).toEqual([
      'completed',
      'entered-in-error',
    ]);
    expect(JSON.stringify(bundle))
      .withContext('no questionnaire wording, only section names')
      .not.toContain('?');
    expect((await get(doc, `/api/v1/patients/${rich.patientId}/fhir`)).body).toBe(
      JSON.stringify(bundle),
    );
  });

  it('exports every demo patient as a valid Bundle', async () => {
    const demo = await createTestApp({ demo: true });
    try {
      await seedDemo(demo.db.kysely, 'demo-password-spec');
      expect(await seedDemoPractice(demo.db.kysely)).toBe(4);
      const physician = await demo.login('physician', 'demo-password-spec');
      const ids = (await demo.db.kysely.selectFrom('patients').select('id').execute()).map((r) =>
        String(r.id),
      );
      for (const id of ids) {
        const res = await demo.app.inject({
          method: 'GET',
          url: `/api/v1/patients/${id}/fhir`,
          headers: physician.read,
        });
        expect(res.statusCode).toBe(200);
        expect(fhirProblems(res.json())).withContext(`demo patient ${id}`).toEqual([]);
      }
    } finally {
      await demo.close();
    }
  }, 60_000);

  it('a patient without episodes is still a valid Bundle (the Patient alone)', async () => {
    const p = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: doc.write,
        payload: {
          mrn: uniqueName('E-'),
          givenName: 'Eve',
          familyName: 'Empty',
          birthDate: '1990-01-01',
          sex: 'female',
        },
      })
    ).json();
    const bundle = await bundleOf(admin, p.id);
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Patient']);
    expect(fhirProblems(bundle)).toEqual([]);
  });

  it('refuses a manager and a nurse (403) and answers 404 for an unknown patient and 400 for a bad id', async () => {
    expect((await get(manager, `/api/v1/patients/${rich.patientId}/fhir`)).statusCode).toBe(403);
    expect((await get(nurse, `/api/v1/patients/${rich.patientId}/fhir`)).statusCode).toBe(403);
    const unknown = await get(doc, '/api/v1/patients/987654321/fhir');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await get(doc, '/api/v1/patients/abc/fhir')).statusCode).toBe(400);
  });

  it('audits who exported whose record', async () => {
    await bundleOf(admin, rich.patientId);
    const event = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'patient.export-fhir')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(event.actor_username).toBe('fhir-admin');
    expect(String(event.patient_id)).toBe(rich.patientId);
  });

  describe('the validator says no when one field is wrong', () => {
    let bundle: Bundle;
    beforeAll(async () => {
      bundle = await bundleOf(doc, rich.patientId);
    });
    const first = (type: string, pick: (r: Entry['resource']) => boolean = () => true) =>
      structuredClone(
        bundle.entry.find((e) => e.resource.resourceType === type && pick(e.resource))!.resource,
      );
    const mutations: [string, () => unknown][] = [
      ['Observation.status "done"', () => ({ ...first('Observation'), status: 'done' })],
      ['valueInteger as a string', () => ({ ...first('Observation'), valueInteger: '3' })],
      [
        'Procedure.status not in the value set',
        () => ({ ...first('Procedure'), status: 'finished' }),
      ],
      ['Patient.gender not in the value set', () => ({ ...first('Patient'), gender: 'f' })],
      ['Patient.birthDate not a date', () => ({ ...first('Patient'), birthDate: '15/06/1970' })],
      ['an element R4 does not have', () => ({ ...first('Condition'), severityScore: 3 })],
      [
        'EpisodeOfCare without its required status',
        () => {
          const r = first('EpisodeOfCare');
          delete r['status'];
          return r;
        },
      ],
      [
        'QuestionnaireResponse answer integer as text',
        () => {
          const r = first('QuestionnaireResponse');
          (r['item'] as { answer: Record<string, unknown>[] }[])[0]!.answer[0] = {
            valueInteger: 'two',
          };
          return r;
        },
      ],
      [
        'a wrong LOINC code',
        () => {
          const r = first('Observation');
          (r['code'] as { coding: { code: string }[] }).coding[0]!.code = '72514-9';
          return r;
        },
      ],
      [
        'a wrong CPT code',
        () => {
          const r = first('Procedure');
          (r['code'] as { coding: { code: string }[] }).coding[0]!.code = '64999';
          return r;
        },
      ],
      [
        'a reference that does not resolve',
        () => {
          const b = structuredClone(bundle);
          (b.entry[1]!.resource['subject'] as { reference: string }).reference =
            'urn:uuid:00000000-0000-5000-8000-000000000000';
          return b;
        },
      ],
    ];
    for (const [name, mutate] of mutations) {
      it(name, () => expect(fhirProblems(mutate()).length).toBeGreaterThan(0));
    }
    it('the unmutated resources pass', () => {
      for (const type of [
        'Patient',
        'Condition',
        'EpisodeOfCare',
        'Procedure',
        'Observation',
        'QuestionnaireResponse',
        'MedicationAdministration',
      ]) {
        expect(validatorErrors(first(type)))
          .withContext(type)
          .toEqual([]);
      }
    });
  });
});
