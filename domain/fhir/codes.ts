/**
 * Code systems and codes of the FHIR export (domain.md section 6). Only codes the reference lists
 * are used; where it has none (agents, verdicts) the export uses text or FacetTrack's own system.
 */
import type { ProcedureKind } from '../procedures.ts';
import type { Region, Side } from '../patient-facts.ts';

export const SYSTEMS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  cpt: 'http://www.ama-assn.org/go/cpt',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  ucum: 'http://unitsofmeasure.org',
  v2IdentifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  /** FacetTrack's own codes (MRNs, pathway stages, block verdicts): URNs, so no web domain is claimed. */
  mrn: 'urn:facettrack:mrn',
  facettrack: 'urn:facettrack:fhir:code',
  pathwayStageExtension: 'urn:facettrack:fhir:extension:pathway-stage',
} as const;

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

/** NRS pain severity 0-10 (domain.md section 6). */
export const LOINC_NRS: Coding = {
  system: SYSTEMS.loinc,
  code: '72514-3',
  display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
};
/** NDI total; ODI is marked unverified in domain.md section 6, kept as listed there. */
export const LOINC_FUNCTION_TOTAL = {
  ndi: { system: SYSTEMS.loinc, code: '82237-9', display: 'Neck Disability Index total score' },
  odi: { system: SYSTEMS.loinc, code: '97908-8', display: 'Oswestry Disability Index total score' },
} as const satisfies Record<string, Coding>;

/** SNOMED CT laterality (domain.md section 6). */
export const SNOMED_LATERALITY: Readonly<Record<Side, Coding>> = {
  left: { system: SYSTEMS.snomed, code: '7771000', display: 'Left' },
  right: { system: SYSTEMS.snomed, code: '24028007', display: 'Right' },
  bilateral: { system: SYSTEMS.snomed, code: '51440002', display: 'Bilateral' },
};

/** ICD-10-CM spondylosis without myelopathy or radiculopathy by region; lumbosacral when L5-S1 is treated (domain.md section 6). */
export function icd10ForRegion(region: Region, levels: readonly string[] = []): Coding {
  if (region === 'cervical')
    return {
      system: SYSTEMS.icd10cm,
      code: 'M47.812',
      display: 'Spondylosis without myelopathy or radiculopathy, cervical region',
    };
  if (region === 'thoracic')
    return {
      system: SYSTEMS.icd10cm,
      code: 'M47.814',
      display: 'Spondylosis without myelopathy or radiculopathy, thoracic region',
    };
  return levels.includes('L5-S1')
    ? {
        system: SYSTEMS.icd10cm,
        code: 'M47.817',
        display: 'Spondylosis without myelopathy or radiculopathy, lumbosacral region',
      }
    : {
        system: SYSTEMS.icd10cm,
        code: 'M47.816',
        display: 'Spondylosis without myelopathy or radiculopathy, lumbar region',
      };
}

/**
 * CPT codes of one session, one per billed level (domain.md section 6). Injections (MBB and IA):
 * first level, +second, +third-and-any-additional (reported once). RFA: first joint, +each
 * additional joint. A bilateral level is one level (billed with modifier -50, which CodeableConcept
 * cannot carry: the caller says it in text).
 */
export function cptCodes(region: Region, kind: ProcedureKind, levelCount: number): string[] {
  const cervicalThoracic = region !== 'lumbar';
  if (levelCount < 1) return [];
  if (kind === 'rfa') {
    const [first, extra] = cervicalThoracic ? ['64633', '64634'] : ['64635', '64636'];
    return [first, ...Array.from({ length: levelCount - 1 }, () => extra)];
  }
  const codes = cervicalThoracic ? ['64490', '64491', '64492'] : ['64493', '64494', '64495'];
  return codes.slice(0, Math.min(levelCount, 3));
}
