/**
 * The episode-of-care pathway (domain.md section 1):
 * intake -> conservative care -> diagnostic blocks -> treatment -> follow-up -> discharged,
 * with "not facet-mediated" after negative blocks. The allowed moves are data; `checkStageMove`
 * is the one function that reads them.
 */
export const STAGES = [
  'intake',
  'conservative-care',
  'diagnostic-blocks',
  'treatment',
  'follow-up',
  'discharged',
  'not-facet-mediated',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  intake: 'Intake',
  'conservative-care': 'Conservative care',
  'diagnostic-blocks': 'Diagnostic blocks',
  treatment: 'Treatment',
  'follow-up': 'Follow-up',
  discharged: 'Discharged',
  'not-facet-mediated': 'Not facet-mediated',
};

/** How a move relates to the usual order: forward moves need no reason, the rest do. */
export type MoveKind = 'forward' | 'back' | 'exit';

/** Every allowed move from each stage, and what kind of move it is. */
export const STAGE_MOVES: Readonly<Record<Stage, Readonly<Partial<Record<Stage, MoveKind>>>>> = {
  intake: { 'conservative-care': 'forward', discharged: 'exit' },
  'conservative-care': { 'diagnostic-blocks': 'forward', intake: 'back', discharged: 'exit' },
  // A negative block can end the facet pathway (domain.md section 1).
  'diagnostic-blocks': {
    treatment: 'forward',
    'not-facet-mediated': 'exit',
    'conservative-care': 'back',
    discharged: 'exit',
  },
  treatment: { 'follow-up': 'forward', 'diagnostic-blocks': 'back', discharged: 'exit' },
  // Pain returning after an RFA leads to new blocks or a repeat treatment.
  'follow-up': { discharged: 'forward', treatment: 'back', 'diagnostic-blocks': 'back' },
  discharged: {},
  'not-facet-mediated': { discharged: 'forward', 'conservative-care': 'back' },
};

export type StageMoveCheck = { allowed: true; kind: MoveKind } | { allowed: false; reason: string };

/** Decides whether an episode may move `from` -> `to`; a move that is not forward needs a reason. */
export function checkStageMove(from: Stage, to: Stage, reason?: string | null): StageMoveCheck {
  if (from === to)
    return { allowed: false, reason: `The episode is already in ${STAGE_LABELS[to]}.` };
  const kind = STAGE_MOVES[from][to];
  if (!kind) {
    const options = nextStages(from).map((s) => STAGE_LABELS[s]);
    return {
      allowed: false,
      reason: options.length
        ? `An episode in ${STAGE_LABELS[from]} cannot move to ${STAGE_LABELS[to]}; it can move to ${options.join(', ')}.`
        : `An episode in ${STAGE_LABELS[from]} is closed and cannot move.`,
    };
  }
  if (kind !== 'forward' && !reason?.trim()) {
    return {
      allowed: false,
      reason: `Moving from ${STAGE_LABELS[from]} to ${STAGE_LABELS[to]} needs a reason.`,
    };
  }
  return { allowed: true, kind };
}

/** The stages an episode can move to next, forward moves first. */
export function nextStages(from: Stage): Stage[] {
  const moves = Object.entries(STAGE_MOVES[from]) as [Stage, MoveKind][];
  const order: Record<MoveKind, number> = { forward: 0, back: 1, exit: 2 };
  return moves.sort(([, a], [, b]) => order[a] - order[b]).map(([stage]) => stage);
}
