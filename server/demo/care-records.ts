/**
 * Generated care records around the pathway (issue 13 seed realism): the intake facts the indication
 * check reads, a baseline disability score, and the follow-up schedule of each procedure with a
 * plausible completion. Pure functions of the PRNG; generator.ts calls them, bulk-insert.ts writes.
 */
import {
  addDays,
  DEFAULT_FOLLOW_UP_SETTINGS,
  followUpSchedule,
  INSTRUMENT_SECTIONS,
  type Region,
  scoreFunction,
} from '../../domain/index.ts';

export interface GenFollowUp {
  procedure: number;
  label: string;
  dueDate: string;
  kind: 'call' | 'visit';
  windowDays: number;
  maxAttempts: number;
  status: 'due' | 'done' | 'missed';
  attempts: number;
  /** When it was done (status done). */
  doneAt: string | null;
}
export interface GenFunctionScore {
  episode: number;
  instrument: 'odi' | 'ndi';
  takenOn: string;
  sections: Record<string, number>;
  total: number;
  band: string;
}

/**
 * Intake facts (domain.md section 4, indication): most patients have neither radiculopathy nor
 * another cause recorded as "none"; a few have treated radiculopathy; about 2% untreated
 * radiculopathy or another cause, which the indication check then reads as not met.
 */
export function intakeFacts(rnd: () => number): { radiculopathy: string; otherCause: string } {
  const r = rnd();
  return {
    radiculopathy: r < 0.85 ? 'none' : r < 0.98 ? 'treated' : 'untreated',
    otherCause: rnd() < 0.99 ? 'none' : 'other',
  };
}

/**
 * A baseline ODI (lumbar, thoracic) or NDI (cervical) a week or two before intake, with the
 * moderate-to-severe deficit that brings patients to a pain practice (domain.md section 5 bands).
 */
export function baselineFunction(
  episode: number,
  region: Region,
  takenOn: string,
  rnd: () => number,
): GenFunctionScore {
  const instrument = region === 'cervical' ? 'ndi' : 'odi';
  const sections = Object.fromEntries(
    INSTRUMENT_SECTIONS[instrument].map((name) => [name, 1 + Math.floor(rnd() * 4)]),
  );
  // Scored as the app scores it (domain/function-scores.ts, domain.md section 5): 10 of 10 answered.
  const scored = scoreFunction(instrument, sections);
  if (!scored.assessable) throw new Error('every section is answered');
  const { total, band } = scored;
  return { episode, instrument, takenOn, sections, total, band };
}

/**
 * The follow-ups a procedure got when it was recorded (the default schedule, UTC), each done with
 * probability `care` once its window has passed, else missed after the attempts; still due while
 * its window is open on `until`.
 */
export function followUpsFor(
  procedure: number,
  p: { kind: string; intent: 'diagnostic' | 'therapeutic'; performedAt: string },
  care: number,
  until: string,
  rnd: () => number,
): GenFollowUp[] {
  const s = DEFAULT_FOLLOW_UP_SETTINGS;
  return followUpSchedule(p, s, 'UTC').flatMap((f): GenFollowUp[] => {
    if (f.dueDate > until) return [];
    const base = {
      procedure,
      label: f.label,
      dueDate: f.dueDate,
      kind: f.kind,
      windowDays: f.windowDays,
      maxAttempts: s.followUpMaxAttempts,
    };
    const closes = addDays(f.dueDate, f.windowDays);
    if (rnd() < care) {
      const doneOn = addDays(f.dueDate, Math.floor(rnd() * (f.windowDays + 1)));
      if (doneOn <= until)
        return [{ ...base, status: 'done', attempts: 1, doneAt: `${doneOn}T15:00:00.000Z` }];
    }
    if (closes < until)
      return [{ ...base, status: 'missed', attempts: s.followUpMaxAttempts, doneAt: null }];
    return [{ ...base, status: 'due', attempts: 0, doneAt: null }];
  });
}
