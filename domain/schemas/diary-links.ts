import * as z from 'zod';
import { PAIN_CONTEXTS } from '../relief.ts';

/** POST /procedures/:id/diary-links (api.md) -> 201. The token is in `url` only, and only this once. */
export const DiaryLinkCreatedSchema = z.object({
  id: z.string(),
  url: z.string(),
  expiresAt: z.string(),
});
export type DiaryLinkCreated = z.infer<typeof DiaryLinkCreatedSchema>;

/** A procedure's diary links as staff see them (never the token, which is stored only as a hash). */
export const DiaryLinkViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  status: z.enum(['active', 'revoked', 'expired']),
});
export type DiaryLinkView = z.infer<typeof DiaryLinkViewSchema>;

/**
 * GET /diary/:token: all a link may read. The first name, the procedure's time and the time points
 * with what is done (context and side, never the scores); nothing else of the record.
 */
export const PatientDiarySchema = z.object({
  firstName: z.string(),
  performedAt: z.string(),
  bilateral: z.boolean(),
  expiresAt: z.string(),
  timePoints: z.array(
    z.object({
      minutesAfter: z.number(),
      at: z.string(),
      status: z.enum(['done', 'due', 'overdue', 'upcoming']),
      complete: z.boolean(),
      entries: z.array(
        z.object({ context: z.enum(PAIN_CONTEXTS), side: z.enum(['left', 'right']).nullable() }),
      ),
    }),
  ),
});
export type PatientDiary = z.infer<typeof PatientDiarySchema>;

/** POST /diary/:token/pain-scores -> 201: only what the page needs to move on. */
export const PatientScoreReceiptSchema = z.object({
  minutesAfter: z.number(),
  context: z.enum(PAIN_CONTEXTS),
  side: z.enum(['left', 'right']).nullable(),
  late: z.boolean(),
});
export type PatientScoreReceipt = z.infer<typeof PatientScoreReceiptSchema>;
