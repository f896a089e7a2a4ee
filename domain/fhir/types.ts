/** What the FHIR mapping reads: plain records gathered by the server (no database or HTTP types here). */
import type { BlockVerdict, PainContext } from '../relief.ts';
import type { ComparativeResult, ProcedureKind } from '../procedures.ts';
import type { FunctionInstrument } from '../function-scores.ts';
import type { Region, Sex, Side } from '../patient-facts.ts';
import type { Stage } from '../pathway.ts';

export interface ExportPatient {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: Sex;
  phone: string | null;
  email: string | null;
}

export interface ExportPainScore {
  id: string;
  minutesAfter: number;
  describesAt: string;
  enteredAt: string;
  score: number;
  context: PainContext;
  side: 'left' | 'right' | null;
  reportedReliefPercent: number | null;
  enteredInError: boolean;
}

/** The block's assessment under its rule set (domain/assessment.ts), as the export states it. */
export interface ExportAssessment {
  peakReliefPercent: number | null;
  reportedPeakReliefPercent: number | null;
  reliefDurationMinutes: number | null;
  verdict: BlockVerdict;
  ruleSet: { id: string; name: string; version: number };
  comparative: { result: ComparativeResult; previousProcedureId: string } | null;
}

export interface ExportProcedure {
  id: string;
  kind: ProcedureKind;
  intent: 'diagnostic' | 'therapeutic';
  performedAt: string;
  levels: string[];
  side: Side;
  anesthetic: { agent: string; concentrationPercent: number; volumeMl: number };
  steroid: { name: string; doseMg: number } | null;
  guidance: string;
  sedation: string;
  performerName: string | null;
  enteredInError: boolean;
  scores: ExportPainScore[];
  /** Null when the block has no valid scores or was entered in error. */
  assessment: ExportAssessment | null;
}

export interface ExportFunctionScore {
  id: string;
  instrument: FunctionInstrument;
  takenOn: string;
  sections: Record<string, number | null>;
  total: number | null;
  band: string | null;
  enteredInError: boolean;
}

export interface ExportEpisode {
  id: string;
  region: Region;
  side: Side;
  onsetDate: string;
  stage: Stage;
  openedAt: string;
  /** Stage changes oldest first, each with the time it took effect. */
  stageHistory: { stage: Stage; at: string }[];
  procedures: ExportProcedure[];
  functionScores: ExportFunctionScore[];
}

export interface PatientExport {
  patient: ExportPatient;
  episodes: ExportEpisode[];
}

/** A FHIR resource as JSON; the validator specs check the shapes against the R4 StructureDefinitions. */
export interface FhirResource {
  resourceType: string;
  id: string;
  [element: string]: unknown;
}

/**
 * How one resource points at another: `urn:uuid:<id>` inside a collection Bundle, `Type/<id>` in
 * bulk NDJSON files (where each line stands alone and the receiver resolves by type and id).
 */
export type ReferenceStyle = 'urn' | 'relative';
