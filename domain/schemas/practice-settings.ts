import * as z from 'zod';
import { isTimeZone } from '../calendar.ts';

/**
 * Practice-wide settings. The time zone makes every payer date, "today" and window edge a local
 * calendar date (issue: dates are not UTC); its default is the server's own zone.
 */
export const PracticeSettingsViewSchema = z.object({
  timeZone: z.string(),
  /** True when no admin has chosen a zone yet and the server's zone applies. */
  timeZoneIsDefault: z.boolean(),
});
export type PracticeSettingsView = z.infer<typeof PracticeSettingsViewSchema>;

export const PracticeSettingsUpdateSchema = z.object({
  timeZone: z
    .string({ error: 'Time zone is required' })
    .min(1, 'Time zone is required')
    .max(64, 'Time zone must be at most 64 characters')
    .refine(
      isTimeZone,
      'Time zone must be an IANA zone name such as Europe/Madrid or America/Denver',
    ),
});
export type PracticeSettingsUpdate = z.infer<typeof PracticeSettingsUpdateSchema>;
