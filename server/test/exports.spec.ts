import Papa from 'papaparse';
import { BULK_RESOURCE_TYPES } from '../../domain/index.ts';
import { runBulkExport } from '../services/bulk-export.ts';
import { fhirProblems } from './fhir-check.ts';
import { insertRichPatient } from './fhir-fixtures.ts';
import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

describe('CSV downloads and the practice bulk export', () => {
  let t: TestApp;
  let doc: Signed;
  let nurse: Signed;
  let admin: Signed;
  let manager: Signed;
  let rich: { patientId: string; procedureIds: string[] };
  beforeAll(async () => {
    t = await createTestApp();
    const docId = await t.createUser('exp-doc', 'physician');
    await t.createUser('exp-nurse', 'nurse');
    await t.createUser('exp-admin', 'admin');
    await t.createUser('exp-mgr', 'manager');
    [doc, nurse, admin, manager] = await Promise.all(
      ['exp-doc', 'exp-nurse', 'exp-admin', 'exp-mgr'].map((u) => t.login(u)),
    );
    rich = await insertRichPatient(t.db.kysely, docId, uniqueName('CSV-'));
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: doc.write,
        payload: {
          mrn: uniqueName('B-'),
          givenName: `+Given${i}`,
          familyName: '@Family',
          birthDate: '1980-01-01',
          sex: 'male',
        },
      });
    }
  }, 60_000);
  afterAll(async () => t.close());

  const get = (as: Signed, url: string) => t.app.inject({ method: 'GET', url, headers: as.read });
  const parse = (body: string) => Papa.parse<string[]>(body.trim(), { skipEmptyLines: true }).data;

  describe('CSV', () => {
    it("a patient's pain scores: header row, ISO times, numbers as numbers, entered-in-error marked", async () => {
      const res = await get(nurse, `/api/v1/patients/${rich.patientId}/pain-scores.csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toContain('attachment');
      const [header, ...rows] = parse(res.body);
      expect(header).toEqual([
        'procedureId',
        'procedure',
        'performedAt',
        'scoreId',
        'minutesAfter',
        'describesAt',
        'enteredAt',
        'context',
        'side',
        'score',
        'reportedReliefPercent',
        'status',
      ]);
      expect(rows.length).toBe(16);
      expect(rows.every((r) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(r[5]!))).toBeTrue();
      expect(rows[0]![4])
        .withContext('a baseline at -5 min is a number, not an escaped formula')
        .toBe('-5');
      expect(rows.filter((r) => r[11] === 'entered-in-error').length).toBe(3);
    });

    it("a procedure's diary", async () => {
      const res = await get(doc, `/api/v1/procedures/${rich.procedureIds[1]}/diary.csv`);
      const [, ...rows] = parse(res.body);
      expect(rows.map((r) => [r[4], r[9], r[11]])).toEqual([
        ['-5', '8', 'valid'],
        ['30', '1', 'valid'],
        ['480', '1', 'entered-in-error'],
        ['1440', '6', 'valid'],
      ]);
      expect((await get(doc, '/api/v1/procedures/987654/diary.csv')).statusCode).toBe(404);
    });

    it('the patient list escapes cells that a spreadsheet would run as formulas', async () => {
      const res = await get(nurse, '/api/v1/patients.csv');
      expect(res.statusCode).toBe(200);
      const [header, ...rows] = parse(res.body);
      expect(header).toEqual([
        'id',
        'mrn',
        'familyName',
        'givenName',
        'birthDate',
        'sex',
        'currentStage',
        'runner',
        'createdAt',
        'updatedAt',
      ]);
      expect(rows.length).toBe(6);
      const richRow = rows.find((r) => r[0] === rich.patientId)!;
      expect(richRow[3]).toBe(`'=HYPERLINK("x")`);
      expect(rows.filter((r) => r[2] === `'@Family`).length).toBe(5);
      expect(rows.filter((r) => r[3]!.startsWith(`'+Given`)).length).toBe(5);
      for (const row of rows)
        for (const cell of row)
          expect(/^[=+\-@\t\r]/.test(cell))
            .withContext(cell)
            .toBeFalse();
      expect(richRow[4]).toBe('1970-06-15');
    });

    it('refuses a manager, answers 404 for an unknown patient, and audits every download', async () => {
      expect(
        (await get(manager, `/api/v1/patients/${rich.patientId}/pain-scores.csv`)).statusCode,
      ).toBe(403);
      expect((await get(manager, '/api/v1/patients.csv')).statusCode).toBe(403);
      expect((await get(nurse, '/api/v1/patients/987654/pain-scores.csv')).statusCode).toBe(404);
      const before = await countAudit('patient.export-csv');
      await get(nurse, `/api/v1/patients/${rich.patientId}/pain-scores.csv`);
      await get(nurse, '/api/v1/patients.csv');
      expect(await countAudit('patient.export-csv')).toBe(before + 2);
      const list = await t.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'patient.export-csv')
        .where('entity', '=', 'patient-list')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect((list.details as { patientIds: string[] }).patientIds).toContain(rich.patientId);
    });
  });

  const countAudit = async (action: string) =>
    Number(
      (
        await t.db.kysely
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('bulk export (FHIR Bulk Data NDJSON)', () => {
    const waitDone = async (id: string) => {
      for (let i = 0; i < 200; i++) {
        const job = (await get(admin, `/api/v1/exports/${id}`)).json();
        if (job.status !== 'running') return job;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('export did not finish');
    };

    it('an admin starts it, watches progress, and downloads one file per type, every line a valid resource', async () => {
      const start = await t.app.inject({
        method: 'POST',
        url: '/api/v1/exports',
        headers: admin.write,
      });
      expect(start.statusCode).toBe(202);
      expect(start.headers['content-location']).toBe(`/api/v1/exports/${start.json().id}`);
      const job = await waitDone(start.json().id);
      expect(job).toEqual(
        jasmine.objectContaining({
          status: 'done',
          totalPatients: 6,
          donePatients: 6,
          progressPercent: 100,
          error: null,
        }),
      );
      expect(job.output.map((o: { type: string }) => o.type)).toEqual([...BULK_RESOURCE_TYPES]);
      const ids = new Map<string, Set<string>>();
      const lines: Record<string, unknown>[] = [];
      for (const out of job.output as { type: string; count: number; url: string }[]) {
        const res = await get(admin, out.url);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toContain('application/fhir+ndjson');
        const body = res.body.split('\n');
        expect(body.pop()).withContext('each line ends with a newline').toBe('');
        expect(body.length).withContext(out.type).toBe(out.count);
        for (const line of body) {
          const resource = JSON.parse(line) as { resourceType: string; id: string };
          expect(resource.resourceType).toBe(out.type);
          expect(fhirProblems(resource)).withContext(line.slice(0, 120)).toEqual([]);
          (ids.get(out.type) ?? ids.set(out.type, new Set()).get(out.type)!).add(resource.id);
          lines.push(resource);
        }
      }
      expect(ids.get('Patient')!.size).toBe(6);
      // Every reference is Type/id and points at a line of the export.
      const refs = JSON.stringify(lines).match(/"reference":"[^"]+"/g) ?? [];
      expect(refs.length).toBeGreaterThan(20);
      for (const ref of refs) {
        const [type, id] = ref.slice(13, -1).split('/');
        expect(ids.get(type!)?.has(id!)).withContext(ref).toBeTrue();
      }
      const downloads = await t.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('action', 'in', [
          'export.bulk-start',
          'export.bulk-patients',
          'export.bulk-download',
        ])
        .where('entity_id', '=', job.id)
        .execute();
      expect(downloads.filter((d) => d.action === 'export.bulk-download').length).toBe(
        BULK_RESOURCE_TYPES.length,
      );
      const batches = downloads
        .filter((d) => d.action === 'export.bulk-patients')
        .flatMap((d) => (d.details as { patientIds: string[] }).patientIds);
      expect(batches.length).withContext('whose data left, patient by patient').toBe(6);
    });

    it('the same practice gives the same lines in small batches as in one', async () => {
      const dir = (await import('node:os')).tmpdir();
      const make = async () =>
        String(
          (
            await t.db.kysely
              .insertInto('export_jobs')
              .values({ status: 'done', requested_by: admin.info.user.id })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        );
      const actor = { id: admin.info.user.id, username: 'exp-admin', ip: null };
      const [a, b] = [await make(), await make()];
      await runBulkExport(t.db.kysely, dir, a, actor, { batchSize: 1 });
      await runBulkExport(t.db.kysely, dir, b, actor, { batchSize: 50 });
      const { readFile } = await import('node:fs/promises');
      const path = await import('node:path');
      const files = async (id: string) =>
        (
          await t.db.kysely
            .selectFrom('export_jobs')
            .select('files')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).files;
      const [fa, fb] = [await files(a), await files(b)];
      expect(fa.map((f) => [f.type, f.count])).toEqual(fb.map((f) => [f.type, f.count]));
      for (const [i, f] of fa.entries()) {
        expect(await readFile(path.join(dir, f.file), 'utf8')).toBe(
          await readFile(path.join(dir, fb[i]!.file), 'utf8'),
        );
      }
    });

    it('two admins starting at the same moment get one export and one 409', async () => {
      const [a, b] = await Promise.all(
        [1, 2].map(() =>
          t.app.inject({ method: 'POST', url: '/api/v1/exports', headers: admin.write }),
        ),
      );
      expect([a!.statusCode, b!.statusCode].sort()).toEqual([202, 409]);
      await waitDone((a!.statusCode === 202 ? a! : b!).json().id);
    });

    it('refuses a second start while one runs, non-admins, unknown jobs and unknown types', async () => {
      const blocker = await t.db.kysely
        .insertInto('export_jobs')
        .values({ status: 'running', requested_by: admin.info.user.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      try {
        const again = await t.app.inject({
          method: 'POST',
          url: '/api/v1/exports',
          headers: admin.write,
        });
        expect(again.statusCode).toBe(409);
        expect(again.json().code).toBe('export-running');
        expect((await get(admin, `/api/v1/exports/${blocker.id}/files/Patient`)).statusCode).toBe(
          409,
        );
      } finally {
        await t.db.kysely
          .updateTable('export_jobs')
          .set({ status: 'failed' })
          .where('id', '=', blocker.id)
          .execute();
      }
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/v1/exports', headers: doc.write }))
          .statusCode,
      ).toBe(403);
      expect((await get(manager, '/api/v1/exports')).statusCode).toBe(403);
      expect((await get(admin, '/api/v1/exports/987654')).statusCode).toBe(404);
      const badType = await get(admin, '/api/v1/exports/1/files/Secrets');
      expect(badType.statusCode).toBe(400);
      expect(badType.headers['content-type']).toContain('application/problem+json');
    });
  });
});
