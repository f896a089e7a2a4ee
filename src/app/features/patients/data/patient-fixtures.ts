/** Patients, episodes and records for the patients specs (never imported by app code). */
import type {
  DurabilityView,
  EpisodeChecks,
  EpisodePage,
  EpisodeRecord,
  EpisodeView,
  PainTimeline,
  PatientView,
  PlannedProcedureView,
} from '@domain';
import type { HttpTestingController } from '@angular/common/http/testing';
import { nextRequest } from '../../../testing/test-fixtures.ts';
import { episodeChecks } from '../../../shared/ui/payer-checks/testing/payer-check-fixtures.ts';

export function patient(overrides: Partial<PatientView> = {}): PatientView {
  return {
    id: '5',
    mrn: 'MRN-1001',
    givenName: 'Renée',
    familyName: 'Marathon',
    birthDate: '1984-05-20',
    sex: 'female',
    phone: null,
    email: null,
    runner: true,
    weeklyDistanceKm: 40,
    currentStage: 'conservative-care',
    createdAt: '2026-01-01T08:00:00Z',
    updatedAt: '2026-01-01T08:00:00Z',
    version: 2,
    ...overrides,
  };
}

export function episode(overrides: Partial<EpisodeView> = {}): EpisodeView {
  return {
    id: '11',
    patientId: '5',
    region: 'lumbar',
    side: 'bilateral',
    onsetDate: '2026-01-10',
    indexPain: 'Low back pain',
    signs: [],
    causes: [],
    baselineNrsRest: 3,
    baselineNrsActivity: 7,
    radiculopathy: 'none',
    otherCause: 'none',
    stage: 'conservative-care',
    ruleSetId: '1',
    createdAt: '2026-01-12T08:00:00Z',
    createdByName: 'Nora Nightingale',
    version: 3,
    stageHistory: [
      { id: '1', from: null, to: 'intake', reason: 'Episode opened', at: '2026-01-12T08:00:00Z', byId: '7', byName: 'Nora Nightingale' },
      { id: '2', from: 'intake', to: 'conservative-care', reason: null, at: '2026-01-13T08:00:00Z', byId: '7', byName: 'Nora Nightingale' },
    ],
    ...overrides,
  };
}

export function record(overrides: Partial<EpisodeRecord> = {}): EpisodeRecord {
  return {
    episode: episode(),
    therapies: [
      {
        id: '21', episodeId: '11', kind: 'physical-therapy', startDate: '2026-01-15', endDate: null, response: 'partial',
        notes: null, recordedAt: '2026-01-15T09:00:00Z', recordedByName: 'Nora Nightingale', version: 1, enteredInError: null,
      },
    ],
    functionScores: [],
    runningChecks: [],
    conservativeCare: { days: 30, minimumDays: 42, met: false, ruleSetName: 'Medicare LCD v1' },
    ...overrides,
  };
}

/** Two positive MBBs two weeks apart after conservative care, with an ODI at baseline and a later one. */
export function painTimeline(overrides: Partial<PainTimeline> = {}): PainTimeline {
  const score = (at: string, score: number, minutesAfter: number, procedureId: string, label: string, context: 'rest' | 'activity' = 'activity') =>
    ({ at, score, context, side: null, minutesAfter, procedureId, label });
  return {
    episode: { id: '11', region: 'lumbar', onsetDate: '2026-04-01', baselineNrsRest: 4, baselineNrsActivity: 8 },
    ruleSet: { id: '1', name: 'Medicare LCD', version: 1, positiveThresholdPercent: 80, thresholdExclusive: false },
    procedures: [
      { id: '41', label: 'MBB #1', kind: 'mbb', intent: 'diagnostic', performedAt: '2026-10-14T09:00:00.000Z' },
      { id: '42', label: 'MBB #2', kind: 'mbb', intent: 'diagnostic', performedAt: '2026-10-28T09:00:00.000Z' },
    ],
    scores: [
      score('2026-10-14T09:00:00.000Z', 8, 0, '41', 'MBB #1'),
      score('2026-10-14T09:30:00.000Z', 1, 30, '41', 'MBB #1'),
      score('2026-10-14T09:30:00.000Z', 1, 30, '41', 'MBB #1', 'rest'),
      score('2026-10-28T09:00:00.000Z', 8, 0, '42', 'MBB #2'),
      score('2026-10-28T11:00:00.000Z', 1, 120, '42', 'MBB #2'),
    ],
    stages: [
      { stage: 'intake', from: '2026-04-02T08:00:00.000Z', to: '2026-04-03T08:00:00.000Z' },
      { stage: 'conservative-care', from: '2026-04-03T08:00:00.000Z', to: '2026-10-14T09:00:00.000Z' },
      { stage: 'diagnostic-blocks', from: '2026-10-14T09:00:00.000Z', to: null },
    ],
    functionScores: [
      { takenOn: '2026-04-10', instrument: 'odi', total: 42, band: 'severe disability' },
      { takenOn: '2026-09-30', instrument: 'odi', total: 36, band: 'severe disability' },
    ],
    ...overrides,
  };
}

/** What the page calls carry of one episode; each part the fixtures' default unless given. */
export interface EpisodeAnswers {
  record?: EpisodeRecord;
  checks?: EpisodeChecks;
  timeline?: PainTimeline;
  bookings?: PlannedProcedureView[];
  durability?: DurabilityView;
}

export function episodePage(answers: EpisodeAnswers = {}): EpisodePage {
  return {
    record: answers.record ?? record(),
    checks: answers.checks ?? episodeChecks(),
    painTimeline: answers.timeline ?? painTimeline(),
    plannedProcedures: answers.bookings ?? [],
    rfaDurability: answers.durability ?? [],
  };
}

/** Answers the one read of an episode's page (GET /episodes/:id/page). */
export async function flushEpisode(http: HttpTestingController, episodeId: string, answers: EpisodeAnswers = {}): Promise<void> {
  (await nextRequest(http, `/api/v1/episodes/${episodeId}/page`)).flush(episodePage(answers));
}

/** Answers the one read the patient page makes on opening (GET /patients/:id/page): by default patient 5, episode 11. */
export async function flushPatientPage(
  http: HttpTestingController,
  patientId: string,
  answers: EpisodeAnswers & { patient?: PatientView; episodes?: EpisodeView[] } = {},
): Promise<void> {
  const episodes = answers.episodes ?? [episode()];
  (await nextRequest(http, `/api/v1/patients/${patientId}/page`)).flush({
    patient: answers.patient ?? patient(),
    episodes,
    newest: episodes.length ? episodePage(answers) : null,
  });
}
