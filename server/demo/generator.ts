/**
 * A reproducible invented practice (issue 13): patients, one or two episodes each, conservative care,
 * MBBs with a post-block diary, RFAs with month-scale follow-up scores, IAs, running checks and the
 * stage history that follows from them. Pure generation: a fixed PRNG, no clock (the caller passes
 * `until`), no database. `bulk-insert.ts` writes the rows.
 *
 * The distributions are plausible, not clinical data: about 60% of patients have facet-mediated pain
 * (high peak relief after a block), a second confirmatory block follows a positive or grey first one
 * (domain.md section 3), most patients with two positive blocks go on to RFA, RFA relief lasts months
 * and is eventually lost, and diaries and follow-ups are not always complete.
 */
import {
  addDays,
  DEFAULT_DIARY_MINUTES,
  FACET_LEVELS,
  type Region,
  type Stage,
} from '../../domain/index.ts';
import {
  baselineFunction,
  followUpsFor,
  type GenFollowUp,
  type GenFunctionScore,
  intakeFacts,
} from './care-records.ts';
import { FAMILY, GIVEN, THERAPIES } from './names.ts';

/** mulberry32: a small, fast, seedable PRNG, so `--seed S` always gives the same practice. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** RFA follow-up visits, days after the RFA (months 1, 3, 6, 9, 12, 18). */
const RFA_FOLLOW_UP_DAYS = [30, 90, 180, 270, 365, 540];
const DAY_MIN = 1440;

export interface GenOptions {
  patients: number;
  seed: number;
  /** Last day of the practice's history (ISO date): nothing happens after it. */
  until: string;
  /** Days of history before `until`. */
  spanDays: number;
  /** How many performing physicians (their ids are chosen by the caller). */
  performers: number;
  /** First MRN number, so a second run does not collide with the first. */
  mrnStart: number;
}

export interface GenPatient {
  mrn: string;
  given: string;
  family: string;
  birth: string;
  sex: string;
  runner: boolean;
  km: number | null;
  createdAt: string;
}
export interface GenEpisode {
  patient: number;
  region: Region;
  side: 'left' | 'right' | 'bilateral';
  onset: string;
  baselineRest: number;
  baselineActivity: number;
  stage: Stage;
  ruleSet: string;
  createdAt: string;
  radiculopathy: string;
  otherCause: string;
}
export interface GenStage {
  episode: number;
  from: Stage | null;
  to: Stage;
  reason: string | null;
  at: string;
}
export interface GenTherapy {
  episode: number;
  kind: string;
  start: string;
  end: string | null;
  response: string;
}
export interface GenProcedure {
  episode: number;
  kind: 'mbb' | 'ia' | 'rfa';
  intent: 'diagnostic' | 'therapeutic';
  sequence: number;
  performedAt: string;
  levels: string[];
  side: 'left' | 'right' | 'bilateral';
  agent: string;
  concentration: number;
  performer: number;
}
export interface GenScore {
  procedure: number;
  minutesAfter: number;
  describesAt: string;
  score: number;
  reported: number | null;
  enteredAt: string;
}
export interface GenRunningCheck {
  episode: number;
  takenOn: string;
  status: 'yes' | 'partial' | 'no';
  km: number | null;
}

export interface GeneratedPractice {
  patients: GenPatient[];
  episodes: GenEpisode[];
  stages: GenStage[];
  therapies: GenTherapy[];
  procedures: GenProcedure[];
  scores: GenScore[];
  runningChecks: GenRunningCheck[];
  followUps: GenFollowUp[];
  functionScores: GenFunctionScore[];
}

/** Rule-set keys an episode may use; most follow the practice default (Medicare LCD). */
function ruleSetFor(region: Region, r: number): string {
  if (r < 0.8) return 'medicare-lcd';
  return region === 'cervical'
    ? 'cervical-consensus-2021'
    : region === 'lumbar'
      ? 'lumbar-consensus-2020'
      : 'asipp';
}

export function generatePractice(o: GenOptions): GeneratedPractice {
  const rnd = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));
  const untilMs = Date.parse(`${o.until}T23:59:59Z`);
  const start = addDays(o.until, -o.spanDays);
  const at = (date: string, minutes: number) =>
    new Date(Date.parse(`${date}T08:00:00Z`) + minutes * 60_000).toISOString();
  const past = (iso: string) => Date.parse(iso) <= untilMs;
  // Performers differ a little: follow-up completion and diary completeness per physician.
  const performerCare = Array.from({ length: o.performers }, () => 0.65 + rnd() * 0.3);
  const out: GeneratedPractice = {
    patients: [],
    episodes: [],
    stages: [],
    therapies: [],
    procedures: [],
    scores: [],
    runningChecks: [],
    followUps: [],
    functionScores: [],
  };

  for (let p = 0; p < o.patients; p++) {
    const runner = rnd() < 0.3;
    const sex = rnd() < 0.52 ? 'female' : rnd() < 0.97 ? 'male' : 'other';
    const birthYear = runner ? between(1965, 2002) : between(1940, 1995);
    const intake = addDays(start, Math.floor(Math.pow(rnd(), 0.8) * (o.spanDays - 7)));
    out.patients.push({
      mrn: `SIM-${String(o.mrnStart + p).padStart(6, '0')}`,
      given: pick(GIVEN),
      family: pick(FAMILY),
      birth: `${birthYear}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`,
      sex,
      runner,
      km: runner ? between(15, 80) : null,
      createdAt: at(intake, 0),
    });
    const episodesHere = 1 + (rnd() < 0.8 ? 1 : 0) + (rnd() < 0.6 ? 1 : 0);
    for (let e = 0; e < episodesHere; e++) {
      const epIntake = e === 0 ? intake : addDays(intake, between(30, 240));
      if (!past(at(epIntake, 0))) continue;
      const region: Region = rnd() < 0.7 ? 'lumbar' : rnd() < 0.85 ? 'cervical' : 'thoracic';
      const side = rnd() < 0.5 ? 'bilateral' : rnd() < 0.5 ? 'left' : 'right';
      const baselineActivity = between(5, 9);
      const episode = out.episodes.length;
      const performer = Math.floor(rnd() * o.performers);
      const care = performerCare[performer]!;
      const ep: GenEpisode = {
        patient: p,
        region,
        side,
        onset: addDays(epIntake, -between(60, 400)),
        baselineRest: clamp(baselineActivity - between(1, 4), 1, 9),
        baselineActivity,
        stage: 'intake',
        ruleSet: ruleSetFor(region, rnd()),
        createdAt: at(epIntake, 0),
        ...intakeFacts(rnd),
      };
      out.episodes.push(ep);
      out.functionScores.push(baselineFunction(episode, region, epIntake, rnd));
      let stage: Stage = 'intake';
      const move = (to: Stage, date: string, reason: string | null = null): boolean => {
        const when = at(date, -30);
        if (!past(when)) return false;
        out.stages.push({ episode, from: stage, to, reason, at: when });
        stage = to;
        return true;
      };
      out.stages.push({
        episode,
        from: null,
        to: 'intake',
        reason: 'Episode opened',
        at: at(epIntake, -60),
      });
      const careStart = addDays(epIntake, between(1, 14));
      if (!move('conservative-care', careStart)) {
        ep.stage = stage;
        continue;
      }
      for (let t = between(1, 3); t > 0; t--) {
        const tStart = addDays(careStart, between(0, 20));
        const tEnd = addDays(tStart, between(28, 100));
        out.therapies.push({
          episode,
          kind: pick(THERAPIES),
          start: tStart,
          end: Date.parse(tEnd) <= untilMs ? tEnd : null,
          response: pick(['none', 'partial', 'partial', 'good']),
        });
      }
      // About one in six improve with conservative care alone and are discharged from there.
      const blockDay = addDays(careStart, between(45, 120));
      if (rnd() < 0.1) {
        move('discharged', blockDay, 'Improved with conservative care');
        ep.stage = stage;
        continue;
      }
      const facet = rnd() < 0.65;
      const levels = pickLevels(region, rnd);
      let seq = 0;
      const addProcedure = (
        kind: GenProcedure['kind'],
        date: string,
        agent: string,
      ): number | null => {
        const performedAt = at(date, between(0, 6) * 30);
        if (!past(performedAt)) return null;
        out.procedures.push({
          episode,
          kind,
          intent: kind === 'mbb' || rnd() < 0.1 ? 'diagnostic' : 'therapeutic',
          sequence: ++seq,
          performedAt,
          levels,
          side,
          agent,
          concentration: agent === 'lidocaine' ? 2 : 0.5,
          performer,
        });
        const index = out.procedures.length - 1;
        out.followUps.push(...followUpsFor(index, out.procedures[index]!, care, o.until, rnd));
        return index;
      };
      const diary = (proc: number, peak: number, lastingMin: number) => {
        const performed = Date.parse(out.procedures[proc]!.performedAt);
        const rows: [number, number, number | null][] = [[-5, baselineActivity, null]];
        for (const m of DEFAULT_DIARY_MINUTES) {
          if (rnd() > care - 0.05) continue; // a missed time point
          const fade =
            m <= 30
              ? 0.6 + m / 75
              : m <= lastingMin
                ? 1
                : Math.max(0, 1 - (m - lastingMin) / lastingMin);
          const relief = clamp(peak * fade + (rnd() - 0.5) * 8, 0, 100);
          const score = clamp(Math.round(baselineActivity * (1 - relief / 100)), 0, 10);
          const reported =
            m <= 480 && rnd() < 0.6
              ? clamp(Math.round((relief + (rnd() - 0.5) * 25) / 5) * 5, 0, 100)
              : null;
          rows.push([m, score, reported]);
        }
        for (const [m, score, reported] of rows) {
          const describes = performed + m * 60_000;
          if (describes > untilMs) continue;
          const lateBy = rnd() < 0.05 ? 180 : between(1, 20);
          out.scores.push({
            procedure: proc,
            minutesAfter: m,
            describesAt: new Date(describes).toISOString(),
            score,
            reported,
            enteredAt: new Date(describes + lateBy * 60_000).toISOString(),
          });
        }
      };
      // Scores at follow-up visits (minutes after, score, reported), up to `until`.
      const scoresAfter = (proc: number, rows: [number, number, number | null][]) => {
        const performedMs = Date.parse(out.procedures[proc]!.performedAt);
        for (const [m, score, reported] of rows) {
          const describes = performedMs + m * 60_000;
          if (describes > untilMs) break;
          out.scores.push({
            procedure: proc,
            minutesAfter: m,
            describesAt: new Date(describes).toISOString(),
            score,
            reported,
            enteredAt: new Date(describes + 15 * 60_000).toISOString(),
          });
        }
      };
      const agent1 = rnd() < 0.7 ? 'lidocaine' : 'bupivacaine';
      const mbb1 = addProcedure('mbb', blockDay, agent1);
      if (mbb1 === null) {
        ep.stage = stage;
        continue;
      }
      move('diagnostic-blocks', blockDay, 'MBB recorded');
      const peak1 = facet ? between(70, 100) : between(0, 65);
      diary(mbb1, peak1, agent1 === 'lidocaine' ? between(90, 180) : between(240, 480));
      if (peak1 < 50) {
        if (rnd() < 0.85)
          move('not-facet-mediated', addDays(blockDay, between(3, 14)), 'Negative block');
        ep.stage = stage;
        continue;
      }
      const mbb2Day = addDays(blockDay, between(14, 35));
      const agent2 = agent1 === 'lidocaine' ? 'bupivacaine' : 'lidocaine';
      const mbb2 = addProcedure('mbb', mbb2Day, agent2);
      if (mbb2 === null) {
        ep.stage = stage;
        continue;
      }
      const peak2 = clamp(peak1 + between(-20, 10), 0, 100);
      diary(mbb2, peak2, agent2 === 'lidocaine' ? between(90, 180) : between(240, 480));
      if (peak2 < 50 || rnd() < 0.12) {
        move('not-facet-mediated', addDays(mbb2Day, between(3, 14)), 'Discordant blocks');
        ep.stage = stage;
        continue;
      }
      const treat = rnd() < 0.3 ? 'ia' : 'rfa';
      const tDay = addDays(mbb2Day, between(14, 75));
      if (!move('treatment', addDays(tDay, -1), 'Two positive blocks')) {
        ep.stage = stage;
        continue;
      }
      const tProc = addProcedure(treat, tDay, 'bupivacaine');
      if (tProc === null) {
        ep.stage = stage;
        continue;
      }
      // Bilateral RFA is often staged: the second side a couple of weeks later.
      if (treat === 'rfa' && side === 'bilateral')
        addProcedure('rfa', addDays(tDay, between(10, 21)), 'bupivacaine');
      // Treatment: baseline, then scores at follow-up visits; relief holds until it is lost.
      const lossDay =
        rnd() < 0.15 ? 20 : Math.round(-Math.log(1 - rnd()) * (treat === 'rfa' ? 330 : 120));
      const held = between(55, 90);
      const treatScores: [number, number, number | null][] = [[-5, baselineActivity, null]];
      for (const d of RFA_FOLLOW_UP_DAYS) {
        if (rnd() > care) continue; // follow-up missed
        const relief = d < lossDay ? held + between(-5, 5) : between(0, 40);
        treatScores.push([
          d * DAY_MIN,
          clamp(Math.round(baselineActivity * (1 - relief / 100)), 0, 10),
          rnd() < 0.5 ? clamp(relief + between(-10, 10), 0, 100) : null,
        ]);
        if (d >= lossDay) break;
      }
      scoresAfter(tProc, treatScores);
      if (runner) {
        for (const d of [90, 180]) {
          const on = addDays(tDay, d);
          if (Date.parse(on) > untilMs) break;
          const status =
            d < lossDay ? (rnd() < 0.7 ? 'yes' : 'partial') : rnd() < 0.5 ? 'partial' : 'no';
          out.runningChecks.push({
            episode,
            takenOn: on,
            status,
            km: status === 'no' ? null : between(10, 70),
          });
        }
      }
      if (move('follow-up', addDays(tDay, 30))) {
        // A repeat RFA when relief was lost after six months or more (domain.md section 4 caps apply).
        if (treat === 'rfa' && lossDay >= 180 && rnd() < 0.8)
          addProcedure('rfa', addDays(tDay, lossDay + between(20, 60)), 'bupivacaine');
        else if (treat === 'ia' && lossDay >= 90)
          // Therapeutic IA repeats while each gave >= 50% relief for >= 3 months (domain.md section 4), at most 4 a year.
          for (let r = 1; r <= 3; r++) {
            const repeat = addProcedure('ia', addDays(tDay, r * between(95, 130)), 'bupivacaine');
            if (repeat === null) break;
            scoresAfter(repeat, [
              [-5, baselineActivity, null],
              [14 * DAY_MIN, clamp(Math.round(baselineActivity * 0.35), 0, 10), null],
            ]);
          }
        else if (rnd() < 0.5)
          move('discharged', addDays(tDay, between(200, 400)), 'Course complete');
      }
      ep.stage = stage;
    }
  }
  return out;
}

function pickLevels(region: Region, rnd: () => number): string[] {
  const all = FACET_LEVELS[region];
  const first = Math.floor(rnd() * (all.length - 1));
  return rnd() < 0.7 ? [all[first]!, all[first + 1]!] : [all[first]!];
}
