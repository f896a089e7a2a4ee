import type { App } from '../../types.ts';

/**
 * Practice-level reports: the home of the practice dashboard and outcome routes
 * (`/api/v1/reports/...`). Nothing is registered yet. A report route here reads its numbers from
 * services/aggregates/ (never inline SQL), declares its response schema in domain/schemas and its
 * permission in `config.permission`, and audits any read that touches patient rows through
 * `app.audit.patientData`. Per-episode documents (pain timeline, documentation report) stay under
 * routes/episodes/.
 */
export async function practiceReportRoutes(_app: App): Promise<void> {}
