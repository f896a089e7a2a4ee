/** Test data and set-up shared by the procedure specs (never imported by app code). */
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { type HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, type Routes, withComponentInputBinding } from '@angular/router';
import type { AssessmentView, EpisodeReport, PainScoreView, ProcedureView, Role } from '@domain';
import { apiInterceptor } from '../../../core/api-interceptor.ts';
import { SessionStore } from '../../../core/session-store.ts';
import { sessionFor } from '../../../testing/test-fixtures.ts';
import { episodeChecks } from '../../../shared/ui/payer-checks/testing/payer-check-fixtures.ts';
import type { PainDiary } from '@domain';

/** Like specProviders, with route parameters bound to page inputs as in app.config.ts. */
export function pageProviders(routes: Routes): (Provider | EnvironmentProviders)[] {
  return [
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([apiInterceptor])),
    provideHttpClientTesting(),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}

/** Signs the spec's user in as `role` (GET /auth/me answered). */
export async function signInAs(http: HttpTestingController, role: Role): Promise<void> {
  const restored = TestBed.inject(SessionStore).restore();
  http.expectOne('/api/v1/auth/me').flush(sessionFor(role));
  await restored;
}

/** An L4-L5 bilateral lidocaine MBB as GET /procedures/:id returns it. */
export function procedureView(overrides: Partial<ProcedureView> = {}): ProcedureView {
  return {
    id: '11',
    episodeId: '3',
    patientId: '2',
    kind: 'mbb',
    intent: 'diagnostic',
    sequence: 1,
    label: 'MBB #1',
    performedAt: '2026-11-25T08:00:00Z',
    levels: ['L4-L5'],
    side: 'bilateral',
    anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
    steroid: null,
    guidance: 'fluoroscopy',
    sedation: 'none',
    performerId: '5',
    performerName: 'Dr. Priya Patel',
    complications: [],
    notes: null,
    sedationReason: null,
    intervalExceptionReason: null,
    rfaNotPossibleReason: null,
    overrideReason: null,
    recordedAt: '2026-11-25T08:10:00Z',
    recordedByName: 'Dr. Priya Patel',
    version: 1,
    enteredInError: null,
    interpretation: null,
    ...overrides,
  };
}

/** One diary score. */
export function painScore(overrides: Partial<PainScoreView> = {}): PainScoreView {
  return {
    id: '100',
    procedureId: '11',
    minutesAfter: 0,
    describesAt: '2026-11-25T08:00:00Z',
    enteredAt: '2026-11-25T08:00:00Z',
    late: false,
    score: 8,
    context: 'activity',
    side: null,
    reportedReliefPercent: null,
    reliefPercent: null,
    recordedByName: 'Nora Nurse',
    source: 'staff',
    version: 1,
    enteredInError: null,
    ...overrides,
  };
}

/** A diary whose baseline and 15 min point are done and 30 min is due. */
export function painDiary(overrides: Partial<PainDiary> = {}): PainDiary {
  return {
    performedAt: '2026-11-25T08:00:00Z',
    lateEntryMinutes: 120,
    schedule: [
      { minutesAfter: 0, status: 'done' },
      { minutesAfter: 15, status: 'done' },
      { minutesAfter: 30, status: 'due' },
      { minutesAfter: 45, status: 'upcoming' },
      { minutesAfter: 60, status: 'upcoming' },
    ],
    scores: [
      painScore(),
      painScore({ id: '101', minutesAfter: 15, score: 4, reliefPercent: 50, late: true }),
    ],
    ...overrides,
  };
}

/** A positive assessment under Medicare LCD v1. */
export function assessmentView(overrides: Partial<AssessmentView> = {}): AssessmentView {
  return {
    baseline: 8,
    peakReliefPercent: 87.5,
    reportedPeakReliefPercent: 90,
    reliefDurationMinutes: 30,
    verdict: 'positive',
    sides: [
      {
        side: 'left',
        verdict: 'positive',
        peakReliefPercent: 87.5,
        reliefDurationMinutes: 30,
        series: { context: 'activity', side: null },
      },
    ],
    summary: 'Left positive (87.5%)',
    confounded: false,
    peakRestsOnLateEntries: false,
    threshold: { percent: 80, exclusive: false, greyZoneLowerPercent: 50, label: '≥ 80%' },
    reasons: [
      'With activity: peak relief 87.5% at 30 min (baseline 8, lowest 1); threshold ≥ 80%.',
    ],
    primary: { context: 'activity', side: null },
    series: [],
    comparative: null,
    ruleSet: { id: '1', name: 'Medicare LCD', version: 1 },
    ...overrides,
  };
}

/** Maya's report: conservative care met, an ODI, two positive MBBs (the first signed), eligible for RFA. */
export function episodeReport(overrides: Partial<EpisodeReport> = {}): EpisodeReport {
  const diary = (procedureId: string, at: string) => [
    painScore({ id: `${procedureId}-0`, procedureId, describesAt: at }),
    painScore({
      id: `${procedureId}-30`,
      procedureId,
      minutesAfter: 30,
      score: 1,
      reliefPercent: 87.5,
    }),
    painScore({
      id: `${procedureId}-120`,
      procedureId,
      minutesAfter: 120,
      score: 1,
      reliefPercent: 87.5,
    }),
  ];
  return {
    generatedAt: '2026-11-25T10:00:00Z',
    patient: {
      id: '2',
      mrn: 'DEMO-1001',
      givenName: 'Maya',
      familyName: 'Okafor',
      birthDate: '1986-03-14',
      sex: 'female',
      phone: null,
      email: null,
      runner: true,
      weeklyDistanceKm: 45,
      currentStage: 'diagnostic-blocks',
      createdAt: '2026-04-01T08:00:00Z',
      updatedAt: '2026-04-01T08:00:00Z',
      version: 1,
    },
    episode: {
      id: '3',
      patientId: '2',
      region: 'lumbar',
      side: 'bilateral',
      onsetDate: '2026-04-29',
      indexPain: 'Low back pain, worse running downhill',
      signs: [],
      causes: [],
      baselineNrsRest: 4,
      baselineNrsActivity: 8,
      radiculopathy: 'none',
      otherCause: 'none',
      stage: 'diagnostic-blocks',
      ruleSetId: '1',
      createdAt: '2026-05-09T08:00:00Z',
      createdByName: 'Nora Nightingale',
      version: 4,
      stageHistory: [],
    },
    therapies: [
      {
        id: '21',
        episodeId: '3',
        kind: 'physical-therapy',
        startDate: '2026-05-29',
        endDate: '2026-08-27',
        response: 'partial',
        notes: null,
        recordedAt: '2026-05-29T09:00:00Z',
        recordedByName: 'Nora Nightingale',
        version: 1,
        enteredInError: null,
      },
    ],
    functionScores: [
      {
        id: '9',
        episodeId: '3',
        instrument: 'odi',
        takenOn: '2026-05-19',
        sections: {},
        total: 42,
        band: 'severe',
        answered: 10,
        recordedAt: '2026-05-19T09:00:00Z',
        recordedByName: 'Nora Nightingale',
        version: 1,
        enteredInError: null,
      },
    ],
    runningChecks: [],
    conservativeCare: { days: 91, minimumDays: 42, met: true, ruleSetName: 'Medicare LCD v1' },
    blocks: [
      {
        procedure: procedureView({
          performedAt: '2026-10-26T08:00:00Z',
          interpretation: {
            version: 1,
            text: 'Positive diagnostic MBB; plan the second block.',
            verdict: 'positive',
            signedAt: '2026-10-27T10:00:00Z',
            signedByName: 'Dr. Priya Patel',
          },
        }),
        scores: diary('11', '2026-10-26T08:00:00Z'),
        assessment: assessmentView({ reliefDurationMinutes: 120 }),
      },
      {
        procedure: procedureView({
          id: '12',
          label: 'MBB #2',
          sequence: 2,
          performedAt: '2026-11-10T08:00:00Z',
          anesthetic: { agent: 'bupivacaine', concentrationPercent: 0.5, volumeMl: 0.5 },
        }),
        scores: diary('12', '2026-11-10T08:00:00Z'),
        assessment: assessmentView({
          reliefDurationMinutes: 240,
          comparative: {
            previousProcedureId: '11',
            result: 'concordant',
            reason: 'Relief lasted longer with bupivacaine.',
          },
        }),
      },
    ],
    checks: episodeChecks(),
    ...overrides,
  };
}
