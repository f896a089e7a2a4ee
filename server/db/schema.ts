import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Accounts: argon2id hashes only (design.md, Data). */
export interface UsersTable {
  id: Generated<string>;
  username: string;
  name: string;
  role: string;
  password_hash: string;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_at: Date | null;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
  /** Seeded by demo mode; refused whenever demo mode is off (migration 0006). */
  demo: Generated<boolean>;
}

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  ended_at: Date | null;
  end_reason: string | null;
  ip: string | null;
}

/** Every login attempt, for throttling per username and per address. */
export interface LoginAttemptsTable {
  id: Generated<string>;
  username: string;
  ip: string;
  success: boolean;
  at: Generated<Date>;
}

/** Addresses a user signed in from successfully; a locked account still opens from these (migration 0006). */
export interface KnownLoginAddressesTable {
  user_id: string;
  ip: string;
  last_success_at: Generated<Date>;
}

/** Append-only, hash-chained audit trail (design.md, Data). */
export interface AuditEventsTable {
  id: Generated<string>;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  patient_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  /** The writing transaction (set by the database); the sealer orders by it (docs/adr/0004). */
  xid: Generated<string>;
  /** Chain values of rows written before migration 0007; the chain now lives in audit_seals. */
  prev_hash: string | null;
  hash: string | null;
}

export interface AuditSealsTable {
  seq: string;
  event_id: string;
  event_xid: string;
  prev_hash: string;
  hash: string;
  mac: string;
  sealed_at: Generated<Date>;
}

export interface AuditCheckpointsTable {
  id: Generated<string>;
  seq: string;
  hash: string;
  mac: string;
  at: Generated<Date>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  known_login_addresses: KnownLoginAddressesTable;
  audit_events: AuditEventsTable;
  audit_seals: AuditSealsTable;
  audit_checkpoints: AuditCheckpointsTable;
  patients: PatientsTable;
  episodes: EpisodesTable;
  stage_changes: StageChangesTable;
  therapies: TherapiesTable;
  function_scores: FunctionScoresTable;
  running_checks: RunningChecksTable;
  rule_sets: RuleSetsTable;
  practice_settings: PracticeSettingsTable;
  procedures: ProceduresTable;
  pain_scores: PainScoresTable;
  interpretations: InterpretationsTable;
  export_jobs: ExportJobsTable;
  planned_procedures: PlannedProceduresTable;
  follow_ups: FollowUpsTable;
  follow_up_events: FollowUpEventsTable;
  diary_links: DiaryLinksTable;
  diary_link_attempts: DiaryLinkAttemptsTable;
  planned_procedure_events: PlannedProcedureEventsTable;
}

/** Columns every entered-in-error-capable clinical row has (never deleted, design.md). */
interface EnteredInError {
  error_reason: string | null;
  error_at: Date | null;
  error_by: string | null;
}

export interface PatientsTable {
  id: Generated<string>;
  mrn: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  sex: string;
  phone: string | null;
  email: string | null;
  runner: boolean;
  weekly_distance_km: number | null;
  search_mrn: string;
  search_given: string;
  search_family: string;
  created_at: Generated<Date>;
  created_by: string;
  updated_at: Generated<Date>;
  updated_by: string;
  version: Generated<number>;
}

export interface EpisodesTable {
  id: Generated<string>;
  patient_id: string;
  region: string;
  side: string;
  onset_date: string;
  index_pain: string;
  signs: ColumnType<string[], string, string>;
  causes: ColumnType<string[], string, string>;
  baseline_nrs_rest: number | null;
  baseline_nrs_activity: number | null;
  /** Intake facts for the indication check (migration 0010); null = not recorded. */
  radiculopathy: ColumnType<string | null, string | null | undefined, string | null>;
  other_cause: ColumnType<string | null, string | null | undefined, string | null>;
  stage: string;
  rule_set_id: string | null;
  created_at: Generated<Date>;
  created_by: string;
  version: Generated<number>;
}

export interface StageChangesTable {
  id: Generated<string>;
  episode_id: string;
  from_stage: string | null;
  to_stage: string;
  reason: string | null;
  at: Generated<Date>;
  by_user: string;
}

export interface TherapiesTable extends EnteredInError {
  id: Generated<string>;
  episode_id: string;
  kind: string;
  start_date: string;
  end_date: string | null;
  response: string | null;
  notes: string | null;
  recorded_at: Generated<Date>;
  recorded_by: string;
  version: Generated<number>;
}

export interface FunctionScoresTable extends EnteredInError {
  id: Generated<string>;
  episode_id: string;
  instrument: string;
  taken_on: string;
  sections: ColumnType<Record<string, number | null>, string, string>;
  total: number | null;
  band: string | null;
  answered: number;
  recorded_at: Generated<Date>;
  recorded_by: string;
  version: Generated<number>;
}

export interface RunningChecksTable extends EnteredInError {
  id: Generated<string>;
  episode_id: string;
  taken_on: string;
  status: string;
  weekly_distance_km: number | null;
  recorded_at: Generated<Date>;
  recorded_by: string;
  version: Generated<number>;
}

export interface RuleSetsTable {
  id: Generated<string>;
  key: string;
  name: string;
  version: number;
  built_in: Generated<boolean>;
  source: string | null;
  settings: ColumnType<import('../../domain/rule-sets.ts').RuleSetSettings, string, string>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface PracticeSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface ProceduresTable extends EnteredInError {
  id: Generated<string>;
  episode_id: string;
  kind: string;
  intent: string;
  sequence: number;
  performed_at: Date;
  levels: ColumnType<string[], string, string>;
  side: string;
  anesthetic_agent: string;
  anesthetic_concentration_percent: number;
  anesthetic_volume_ml: number;
  steroid_name: string | null;
  steroid_dose_mg: number | null;
  guidance: string;
  sedation: string;
  performer_id: string | null;
  complications: ColumnType<string[], string, string>;
  notes: string | null;
  sedation_reason: string | null;
  interval_exception_reason: string | null;
  rfa_not_possible_reason: string | null;
  override_reason: string | null;
  recorded_at: Generated<Date>;
  recorded_by: string;
  version: Generated<number>;
}

export interface PainScoresTable extends EnteredInError {
  id: Generated<string>;
  procedure_id: string;
  minutes_after: number;
  describes_at: Date;
  score: number;
  context: string;
  side: string | null;
  reported_relief_percent: number | null;
  entered_at: Generated<Date>;
  /** Null for a patient-entered score (source 'patient', diary_link_id set). */
  recorded_by: string | null;
  source: Generated<'staff' | 'patient'>;
  diary_link_id: string | null;
  version: Generated<number>;
  /** Set when the score was taken at a follow-up (migration 0008). */
  follow_up_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InterpretationsTable {
  id: Generated<string>;
  procedure_id: string;
  version: number;
  text: string;
  verdict: string;
  rule_set_id: string | null;
  signed_at: Generated<Date>;
  signed_by: string;
}

/** Practice bulk exports (migration 0009): progress and the NDJSON files written, one per resource type. */
export interface ExportJobsTable {
  id: Generated<string>;
  status: string;
  requested_by: string;
  started_at: Generated<Date>;
  finished_at: Date | null;
  total_patients: Generated<number>;
  done_patients: Generated<number>;
  files: ColumnType<{ type: string; count: number; file: string }[], string | undefined, string>;
  error: string | null;
}

/** A baseline score taken on the day against a planned procedure (copied to pain_scores at recording). */
export interface PlannedBaseline {
  score: number;
  context: string;
  side: string | null;
  describesAt: string;
  recordedBy: string;
  enteredAt: string;
}

export interface PlannedProceduresTable {
  id: Generated<string>;
  episode_id: string;
  kind: string;
  intent: string;
  planned_date: string;
  levels: ColumnType<string[], string, string>;
  side: string;
  performer_id: string | null;
  notes: string | null;
  status: Generated<string>;
  procedure_id: string | null;
  baselines: ColumnType<PlannedBaseline[], string | undefined, string>;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  created_at: Generated<Date>;
  created_by: string;
  version: Generated<number>;
}

export interface FollowUpsTable {
  id: Generated<string>;
  procedure_id: string;
  label: string;
  due_date: string;
  window_days: number;
  kind: string;
  status: Generated<string>;
  attempts: Generated<number>;
  max_attempts: number;
  result: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  done_at: Date | null;
  done_by: string | null;
  cancel_reason: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface FollowUpEventsTable {
  id: Generated<string>;
  follow_up_id: string;
  action: string;
  detail: string | null;
  at: Generated<Date>;
  by_user: string | null;
}

/** A patient's diary link; only the token's SHA-256 is stored (issue 15). */
export interface DiaryLinksTable {
  id: Generated<string>;
  procedure_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  created_by: string;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
}

/** One request to the public diary routes, for its rate limit (operational, pruned after a day). */
export interface DiaryLinkAttemptsTable {
  id: Generated<string>;
  ip: string;
  at: Generated<Date>;
  failed: Generated<boolean>;
}

/** One change of a booking: booked, rescheduled, cancelled, performed (issue 12). */
export interface PlannedProcedureEventsTable {
  id: Generated<string>;
  planned_procedure_id: string;
  action: string;
  detail: string | null;
  at: Generated<Date>;
  by_user: string | null;
}
