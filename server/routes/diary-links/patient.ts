import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import * as z from 'zod';
import {
  type AuditAction,
  isDuplicateEntry,
  isLateEntry,
  PainScoreCreateSchema,
  PatientDiarySchema,
  PatientScoreReceiptSchema,
} from '../../../domain/index.ts';
import type { Database } from '../../db/schema.ts';
import { badRequest, HttpProblem } from '../../http-problem.ts';
import { appendAudit } from '../../services/audit-trail.ts';
import {
  type DiaryLinkRow,
  diaryRateLimit,
  linkActor,
  resolveDiaryToken,
} from '../../services/diary-links.ts';
import { entriesAtTimePoint, insertPainScore } from '../../services/pain-scores.ts';
import { patientDiaryView } from '../../services/patient-diary.ts';
import { loadProcedure } from '../../services/procedure-data.ts';
import type { App } from '../../types.ts';

const TokenParams = z.object({ token: z.string().max(200) });

/** Friendly answers for a link that opens nothing (issue 15: never a stack trace or a 500). */
const GONE: Record<
  'unknown' | 'revoked' | 'expired',
  { status: number; title: string; detail: string }
> = {
  unknown: {
    status: 404,
    title: 'Diary not found',
    detail: 'This diary link is not valid. Check the address on your sheet, or call the clinic.',
  },
  revoked: {
    status: 410,
    title: 'Diary link withdrawn',
    detail:
      'This diary link has been withdrawn by the clinic. Please call the clinic for a new sheet.',
  },
  expired: {
    status: 410,
    title: 'Diary finished',
    detail: 'This diary has finished. Thank you; the clinic has your scores.',
  },
};

function gone(kind: keyof typeof GONE): HttpProblem {
  return new HttpProblem({ ...GONE[kind], code: `diary-link-${kind}` });
}

function auditAsLink(
  tx: Kysely<Database>,
  request: FastifyRequest,
  link: DiaryLinkRow,
  action: AuditAction,
  patientId: string,
  details: Record<string, unknown>,
) {
  return appendAudit(tx, {
    actorId: null,
    actorUsername: linkActor(String(link.id)),
    action,
    entity: 'procedure',
    entityId: String(link.procedure_id),
    patientId,
    ip: request.ip,
    details: { diaryLinkId: String(link.id), ...details },
  });
}

/**
 * The patient's side (issue 15). `config.public`: no session is needed, none is read and none is
 * set; the token in the path is the credential, so there is no CSRF token either (a cross-site form
 * would have to know the token). A link reads its own diary's time points and writes its scores,
 * nothing else: every query here starts from the link's own procedure id.
 */
export async function patientDiaryRoutes(app: App): Promise<void> {
  app.addHook('onRequest', async (request) => {
    const wait = await diaryRateLimit.hit(app.db, request.ip);
    if (wait) {
      throw new HttpProblem(
        {
          status: 429,
          title: 'Too many attempts',
          code: 'rate-limited',
          detail: 'Too many tries from this connection. Please wait a few minutes and try again.',
        },
        { 'Retry-After': String(wait) },
      );
    }
  });

  /** The link a token names, inside the transaction; refusals are audited as the link, then thrown. */
  async function openLink(
    tx: Kysely<Database>,
    request: FastifyRequest<{ Params: { token: string } }>,
    lock: boolean,
  ) {
    const resolved = await resolveDiaryToken(tx, request.params.token, new Date(), lock);
    if (resolved.kind === 'unknown') {
      // A guessed or mistyped token is refused access like any other: audited (never the token), then counted.
      await appendAudit(tx, {
        actorId: null,
        actorUsername: linkActor('unknown'),
        action: 'diary-link.refused',
        entity: 'diary-link',
        entityId: null,
        patientId: null,
        ip: request.ip,
        details: { reason: 'unknown', route: request.routeOptions.url ?? null },
      });
      return { open: false as const, refused: gone('unknown') };
    }
    const procedure = await loadProcedure(tx, String(resolved.link.procedure_id));
    const kind =
      resolved.kind !== 'active'
        ? resolved.kind
        : procedure.row.error_reason
          ? 'revoked'
          : 'active';
    if (kind !== 'active') {
      await auditAsLink(tx, request, resolved.link, 'diary-link.refused', procedure.patientId, {
        reason: kind,
      });
      return { open: false as const, refused: gone(kind) };
    }
    return { open: true as const, link: resolved.link, ...procedure };
  }

  /** Counts a request that opened nothing against its address (outside the transaction), then refuses it. */
  async function refuse(ip: string, problem: HttpProblem): Promise<never> {
    await diaryRateLimit.fail(app.db, ip);
    throw problem;
  }

  const config = { public: true };

  app.get(
    '/api/v1/diary/:token',
    {
      config,
      schema: { tags: ['diary-links'], params: TokenParams, response: { 200: PatientDiarySchema } },
    },
    async (request) => {
      const opened = await app.db
        .transaction()
        .execute(
          async (
            tx,
          ): Promise<{ refused: HttpProblem } | { diary: z.infer<typeof PatientDiarySchema> }> => {
            const open = await openLink(tx, request, false);
            if (!open.open) return { refused: open.refused };
            const { link, row, patientId, ruleSet } = open;
            await auditAsLink(tx, request, link, 'diary-link.read', patientId, {});
            return { diary: await patientDiaryView(tx, link, row, patientId, ruleSet) };
          },
        );
      // The refusal's audit row commits; it counts against the address, then the friendly 404/410 goes out.
      if ('refused' in opened) return refuse(request.ip, opened.refused);
      return opened.diary;
    },
  );

  app.post(
    '/api/v1/diary/:token/pain-scores',
    {
      config,
      schema: {
        tags: ['diary-links'],
        params: TokenParams,
        body: PainScoreCreateSchema,
        response: { 201: PatientScoreReceiptSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const done = await app.db
        .transaction()
        .execute(
          async (
            tx,
          ): Promise<
            { refused: HttpProblem } | { receipt: z.infer<typeof PatientScoreReceiptSchema> }
          > => {
            const open = await openLink(tx, request, true);
            if (!open.open) return { refused: open.refused };
            const { link, row, patientId, ruleSet } = open;
            const minutesAfter =
              b.minutesAfter ??
              Math.round((new Date(b.recordedAt!).getTime() - row.performed_at.getTime()) / 60_000);
            // The baseline is taken at the clinic before the block; a patient rates the diary's time points.
            if (!ruleSet.settings.diaryMinutes.includes(minutesAfter)) {
              throw badRequest([
                {
                  path: b.recordedAt ? 'recordedAt' : 'minutesAfter',
                  message: "Choose one of the diary's time points",
                },
              ]);
            }
            const existing = await entriesAtTimePoint(tx, String(link.procedure_id), minutesAfter);
            if (
              isDuplicateEntry(existing, {
                minutesAfter,
                context: b.context,
                side: b.side,
              })
            ) {
              throw new HttpProblem({
                status: 409,
                title: 'Already recorded',
                code: 'time-point-recorded',
                detail:
                  'This time point is already recorded. If it is wrong, please tell the clinic.',
                errors: [{ path: 'minutesAfter', message: 'This time point is already recorded' }],
              });
            }
            const inserted = await insertPainScore(
              tx,
              row,
              { ...b, minutesAfter, recordedAt: undefined },
              { kind: 'patient', diaryLinkId: String(link.id) },
            );
            await auditAsLink(tx, request, link, 'pain-score.create', patientId, {
              painScoreId: String(inserted.id),
              minutesAfter,
              source: 'patient',
            });
            return {
              receipt: {
                minutesAfter,
                context: b.context,
                side: b.side,
                late: isLateEntry(
                  inserted.describes_at,
                  inserted.entered_at,
                  ruleSet.settings.lateEntryMinutes,
                ),
              },
            };
          },
        );
      if ('refused' in done) return refuse(request.ip, done.refused);
      return reply.status(201).send(done.receipt);
    },
  );
}
