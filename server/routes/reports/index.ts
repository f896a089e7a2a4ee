import type { App } from '../../types.ts';

/**
 * Practice-level reports: the home of the practice dashboard and outcome routes
 * (`/api/v1/reports/...`). Nothing is registered yet. A report route here reads its numbers from
 * services/aggregates/ (never inline SQL), declares its response schema in domain/schemas, names
 * `config.permission` (`reports:aggregate`: managers and physicians; managers never receive
 * identifiable patient data, domain/roles.ts), and audits any read that touches patient rows with
 * `app.audit.patientData`. Per-episode documents (pain timeline, report) stay in routes/episodes/.
 */
export async function practiceReportRoutes(_app: App): Promise<void> {}
