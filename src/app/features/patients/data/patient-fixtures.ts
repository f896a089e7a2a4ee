/** Patients, episodes and records for the patients specs (never imported by app code). */
import type { EpisodeView, PatientView } from '../../../../../domain/index.ts';
import type { EpisodeRecord } from './patients-api.ts';

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
