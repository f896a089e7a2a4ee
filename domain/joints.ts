/**
 * Joints and sides of procedures, for checks counted per side and per joint (domain.md section 4:
 * an RFA of a joint needs positive blocks of that joint on that side; section 6: per level).
 */
import { sidesOf, type BodySide } from './assessment.ts';
import type { DurableRelief } from './relief-duration.ts';
import type { BlockVerdict } from './relief.ts';

/** What the per-side reading of a procedure needs. */
export interface SidedProcedure {
  levels: readonly string[];
  side?: 'left' | 'right' | 'bilateral';
  verdict: BlockVerdict;
  sideVerdicts?: Partial<Record<BodySide, BlockVerdict>>;
  daysAtHalfRelief: number | null;
  relief?: Partial<Record<BodySide, DurableRelief>>;
}

/** A joint: one level on one side ("L4-L5 left"). */
export interface Joint {
  level: string;
  side: BodySide;
}

/** The sides a procedure treats (a record without a side counts for both). */
export const sidesTreated = (p: Pick<SidedProcedure, 'side'>): BodySide[] =>
  sidesOf(p.side ?? 'bilateral');

/** Every joint a procedure treats. */
export const jointsOf = (p: Pick<SidedProcedure, 'levels' | 'side'>): Joint[] =>
  p.levels.flatMap((level) => sidesTreated(p).map((side) => ({ level, side })));

/** Whether a procedure treats a joint. */
export const treats = (p: Pick<SidedProcedure, 'levels' | 'side'>, j: Joint): boolean =>
  p.levels.includes(j.level) && sidesTreated(p).includes(j.side);

/** Whether two procedures share a joint. */
export const shareJoint = (
  a: Pick<SidedProcedure, 'levels' | 'side'>,
  b: Pick<SidedProcedure, 'levels' | 'side'>,
): boolean => jointsOf(a).some((j) => treats(b, j));

/** A procedure's verdict on one side. */
export const verdictOn = (p: SidedProcedure, side: BodySide): BlockVerdict =>
  p.sideVerdicts?.[side] ?? p.verdict;

/** A treatment's lasting relief on one side (per-side reading when there is one). */
export function reliefOn(p: SidedProcedure, side: BodySide): DurableRelief {
  const own = p.relief?.[side];
  if (own) return own;
  return p.daysAtHalfRelief === null
    ? { status: 'not-assessable', days: null, reason: 'no follow-up score after the diary yet' }
    : {
        status: 'ended',
        days: p.daysAtHalfRelief,
        reason: `≥ 50% relief for ${p.daysAtHalfRelief} days`,
      };
}

/** "left L4-L5, L5-S1" for messages. */
export function jointsText(joints: readonly Joint[]): string {
  const bySide = (['left', 'right'] as const)
    .map((side) => [side, joints.filter((j) => j.side === side).map((j) => j.level)] as const)
    .filter(([, l]) => l.length);
  return bySide.map(([side, levels]) => `${side} ${[...new Set(levels)].join(', ')}`).join('; ');
}
