import { cptCodes, icd10ForRegion, SNOMED_LATERALITY, SYSTEMS } from './codes.ts';
import { patientBundle, patientResources } from './bundle.ts';
import type { ExportEpisode, ExportProcedure, PatientExport } from './types.ts';
import { resourceUuid, sha1, uuidV5 } from './uuid.ts';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('SHA-1 and version-5 UUIDs (stable resource ids)', () => {
  const vectors: [string, string][] = [
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    ],
    ['a'.repeat(1000), '291e9a6c66994949b57ba5e650361e98fc36b1ba'],
  ];
  for (const [input, digest] of vectors)
    it(`sha1 of ${input.length} bytes`, () => expect(hex(sha1(utf8(input)))).toBe(digest));

  it('matches the RFC 4122 v5 example (DNS namespace, www.example.com)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
  it('gives the same id for the same type and key, different ids otherwise', () => {
    expect(resourceUuid('Patient', '1')).toBe(resourceUuid('Patient', '1'));
    expect(resourceUuid('Patient', '1')).not.toBe(resourceUuid('Procedure', '1'));
    expect(resourceUuid('Patient', '1')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
  it('refuses a namespace that is not a UUID', () =>
    expect(() => uuidV5('nope', 'x')).toThrowError(/UUID/));
});

describe('CPT codes per level (domain.md section 6)', () => {
  const table: [
    Parameters<typeof cptCodes>[0],
    Parameters<typeof cptCodes>[1],
    number,
    string[],
  ][] = [
    ['lumbar', 'mbb', 0, []],
    ['lumbar', 'mbb', 1, ['64493']],
    ['lumbar', 'mbb', 2, ['64493', '64494']],
    ['lumbar', 'ia', 3, ['64493', '64494', '64495']],
    ['lumbar', 'mbb', 4, ['64493', '64494', '64495']], // +64495 is "third and any additional", reported once
    ['cervical', 'mbb', 1, ['64490']],
    ['thoracic', 'ia', 2, ['64490', '64491']],
    ['cervical', 'mbb', 3, ['64490', '64491', '64492']],
    ['lumbar', 'rfa', 1, ['64635']],
    ['lumbar', 'rfa', 3, ['64635', '64636', '64636']],
    ['thoracic', 'rfa', 2, ['64633', '64634']],
  ];
  for (const [region, kind, levels, codes] of table) {
    it(`${region} ${kind} x${levels} -> ${codes.join(' +') || 'none'}`, () =>
      expect(cptCodes(region, kind, levels)).toEqual(codes));
  }
});

describe('ICD-10-CM and SNOMED CT codes (domain.md section 6)', () => {
  it('spondylosis by region, lumbosacral when L5-S1 is treated', () => {
    expect(icd10ForRegion('cervical').code).toBe('M47.812');
    expect(icd10ForRegion('thoracic').code).toBe('M47.814');
    expect(icd10ForRegion('lumbar', ['L4-L5']).code).toBe('M47.816');
    expect(icd10ForRegion('lumbar', ['L4-L5', 'L5-S1']).code).toBe('M47.817');
    expect(icd10ForRegion('lumbar').system).toBe('http://hl7.org/fhir/sid/icd-10-cm');
  });
  it('laterality', () => {
    expect([
      SNOMED_LATERALITY.left.code,
      SNOMED_LATERALITY.right.code,
      SNOMED_LATERALITY.bilateral.code,
    ]).toEqual(['7771000', '24028007', '51440002']);
    expect(SNOMED_LATERALITY.left.system).toBe('http://snomed.info/sct');
  });
});

const score = (
  id: string,
  minutesAfter: number,
  value: number,
  extra: Partial<ExportProcedure['scores'][number]> = {},
) => ({
  id,
  minutesAfter,
  describesAt: `2026-03-02T${String(9 + Math.floor(minutesAfter / 60)).padStart(2, '0')}:00:00.000Z`,
  enteredAt: '2026-03-03T08:00:00.000Z',
  score: value,
  context: 'activity' as const,
  side: null,
  reportedReliefPercent: null,
  enteredInError: false,
  ...extra,
});
const block = (id: string, extra: Partial<ExportProcedure> = {}): ExportProcedure => ({
  id,
  kind: 'mbb',
  intent: 'diagnostic',
  performedAt: '2026-03-02T09:00:00.000Z',
  levels: ['L4-L5', 'L5-S1'],
  side: 'bilateral',
  anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
  steroid: null,
  guidance: 'fluoroscopy',
  sedation: 'none',
  performerName: 'Dr Test',
  enteredInError: false,
  scores: [
    score(`${id}1`, 0, 8),
    score(`${id}2`, 30, 1, { reportedReliefPercent: 90 }),
    score(`${id}3`, 60, 7, { enteredInError: true }),
  ],
  assessment: {
    peakReliefPercent: 87.5,
    reportedPeakReliefPercent: 90,
    reliefDurationMinutes: 120,
    verdict: 'positive',
    ruleSet: { id: '1', name: 'Medicare LCD', version: 1 },
    comparative: null,
  },
  ...extra,
});
const episode = (procedures: ExportProcedure[]): ExportEpisode => ({
  id: '7',
  region: 'lumbar',
  side: 'bilateral',
  onsetDate: '2025-10-01',
  stage: 'diagnostic-blocks',
  openedAt: '2026-01-05T10:00:00.000Z',
  stageHistory: [
    { stage: 'intake', at: '2026-01-05T10:00:00.000Z' },
    { stage: 'diagnostic-blocks', at: '2026-03-02T09:00:00.000Z' },
  ],
  procedures,
  functionScores: [
    {
      id: '3',
      instrument: 'odi',
      takenOn: '2026-01-05',
      sections: { walking: 2, lifting: null },
      total: 40,
      band: 'moderate',
      enteredInError: false,
    },
  ],
});
const record = (procedures: ExportProcedure[]): PatientExport => ({
  patient: {
    id: '42',
    mrn: 'MRN-1',
    givenName: 'Ada',
    familyName: 'Test',
    birthDate: '1980-02-03',
    sex: 'female',
    phone: null,
    email: null,
  },
  episodes: [episode(procedures)],
});

describe('patient Bundle mapping (domain.md section 7)', () => {
  const kinds = (rs: { resourceType: string }[]) => rs.map((r) => r.resourceType);

  it('a patient without episodes is a Bundle with the Patient only', () => {
    const bundle = patientBundle({ ...record([]), episodes: [] }) as unknown as {
      type: string;
      entry: { fullUrl: string; resource: { resourceType: string; id: string } }[];
    };
    expect(bundle.type).toBe('collection');
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Patient']);
    expect(bundle.entry[0]!.fullUrl).toBe(`urn:uuid:${bundle.entry[0]!.resource.id}`);
  });

  it('re-exporting the same record gives the same document', () => {
    expect(JSON.stringify(patientBundle(record([block('1')])))).toBe(
      JSON.stringify(patientBundle(record([block('1')]))),
    );
  });

  it('maps every record to its resource, in order', () => {
    expect(kinds(patientResources(record([block('1')]), 'urn'))).toEqual([
      'Patient',
      'Condition',
      'EpisodeOfCare',
      'Procedure',
      'MedicationAdministration',
      'Observation',
      'Observation',
      'Observation',
      'Observation',
      'Observation',
      'QuestionnaireResponse',
    ]);
  });

  it('derived observations come from the valid scores only, with the rule set and version', () => {
    const rs = patientResources(record([block('1')]), 'urn');
    const verdict = rs.find(
      (r) =>
        (r['code'] as { coding?: { code: string }[] } | undefined)?.coding?.[0]?.code ===
        'block-verdict',
    )!;
    expect((verdict['derivedFrom'] as unknown[]).length).toBe(2);
    expect((verdict['method'] as { text: string }).text).toBe('Medicare LCD v1');
  });

  it('an entered-in-error procedure keeps its resources, marked, and has no derived observations', () => {
    const rs = patientResources(record([block('1', { enteredInError: true })]), 'urn');
    const statuses = rs
      .filter((r) =>
        ['Procedure', 'MedicationAdministration', 'Observation'].includes(r.resourceType),
      )
      .map((r) => r['status']);
    expect(statuses).toEqual([
      'entered-in-error',
      'entered-in-error',
      'entered-in-error',
      'entered-in-error',
      'entered-in-error',
    ]);
  });

  it('uses Type/id references for bulk files and urn:uuid inside a Bundle', () => {
    const [patient, other] = patientResources({ ...record([]), episodes: [] }, 'relative');
    expect(other).toBeUndefined();
    const rs = patientResources(record([block('1')]), 'relative');
    expect((rs[1]!['subject'] as { reference: string }).reference).toBe(`Patient/${patient!.id}`);
    expect(
      (patientResources(record([block('1')]), 'urn')[1]!['subject'] as { reference: string })
        .reference,
    ).toBe(`urn:uuid:${patient!.id}`);
  });

  it('a procedure carries CPT per level, laterality per level and the modifier in text', () => {
    const proc = patientResources(record([block('1')]), 'urn').find(
      (r) => r.resourceType === 'Procedure',
    )!;
    const code = proc['code'] as { coding: { system: string; code: string }[]; text: string };
    expect(code.coding.map((c) => [c.system, c.code])).toEqual([
      [SYSTEMS.cpt, '64493'],
      [SYSTEMS.cpt, '64494'],
    ]);
    expect(code.text).toContain('modifier 50');
    expect(
      (proc['bodySite'] as { coding: { code: string }[] }[]).map((b) => b.coding[0]!.code),
    ).toEqual(['51440002', '51440002']);
  });
});
