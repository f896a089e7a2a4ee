import * as z from 'zod';

/** A practice bulk export job as GET /api/v1/exports/:id shows it; `output` follows the FHIR Bulk Data status manifest. */
export const BulkExportJobSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  totalPatients: z.number(),
  donePatients: z.number(),
  progressPercent: z.number(),
  output: z.array(z.object({ type: z.string(), count: z.number(), url: z.string() })),
  error: z.string().nullable(),
});
export type BulkExportJob = z.infer<typeof BulkExportJobSchema>;
