/**
 * Records to FHIR R4 resources (domain.md section 7, codes from section 6). Pure and deterministic:
 * the same records give the same resources, ids included, so a re-export is the same document.
 */
import { PROCEDURE_LABELS } from '../procedures.ts';
import { INSTRUMENT_LABELS } from '../function-scores.ts';
import { STAGE_LABELS, type Stage } from '../pathway.ts';
import {
  type Coding,
  cptCodes,
  icd10ForRegion,
  LOINC_FUNCTION_TOTAL,
  LOINC_NRS,
  SNOMED_LATERALITY,
  SYSTEMS,
} from './codes.ts';
import type {
  ExportEpisode,
  ExportFunctionScore,
  ExportPainScore,
  ExportPatient,
  ExportProcedure,
  FhirResource,
  ReferenceStyle,
} from './types.ts';
import { resourceUuid } from './uuid.ts';

/** Builds ids and references in one style for one export. */
export class Refs {
  readonly style: ReferenceStyle;
  constructor(style: ReferenceStyle) {
    this.style = style;
  }
  id(type: string, key: string): string {
    return resourceUuid(type, key);
  }
  ref(type: string, key: string): { reference: string } {
    const id = this.id(type, key);
    return { reference: this.style === 'urn' ? `urn:uuid:${id}` : `${type}/${id}` };
  }
}

const REGION_LABELS = { cervical: 'Cervical', thoracic: 'Thoracic', lumbar: 'Lumbar' } as const;
const concept = (coding: Coding, text?: string) => ({
  coding: [coding],
  ...(text ? { text } : {}),
});
const ucum = (value: number, unit: string, code: string) => ({
  value,
  unit,
  system: SYSTEMS.ucum,
  code,
});
const SURVEY = [
  concept({ system: SYSTEMS.observationCategory, code: 'survey', display: 'Survey' }),
];
const ftCode = (code: string, text: string) =>
  concept({ system: SYSTEMS.facettrack, code, display: text }, text);

/** US Core Patient: identifier (MRN), name, gender are its required elements. */
export function patientResource(p: ExportPatient, refs: Refs): FhirResource {
  const telecom = [
    ...(p.phone ? [{ system: 'phone', value: p.phone }] : []),
    ...(p.email ? [{ system: 'email', value: p.email }] : []),
  ];
  return {
    resourceType: 'Patient',
    id: refs.id('Patient', p.id),
    meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient'] },
    identifier: [
      {
        use: 'usual',
        type: concept({
          system: SYSTEMS.v2IdentifierType,
          code: 'MR',
          display: 'Medical record number',
        }),
        system: SYSTEMS.mrn,
        value: p.mrn,
      },
    ],
    name: [{ use: 'official', family: p.familyName, given: [p.givenName] }],
    gender: p.sex,
    birthDate: p.birthDate,
    ...(telecom.length ? { telecom } : {}),
  };
}

const FINISHED: readonly Stage[] = ['discharged', 'not-facet-mediated'];

/** The facet diagnosis of one episode: ICD-10-CM by region, laterality as bodySite, onset for the ">= 3 months" check. */
export function conditionResource(e: ExportEpisode, patientKey: string, refs: Refs): FhirResource {
  const treated = e.procedures.filter((p) => !p.enteredInError).flatMap((p) => p.levels);
  const verification =
    e.stage === 'not-facet-mediated'
      ? 'refuted'
      : ['treatment', 'follow-up', 'discharged'].includes(e.stage)
        ? 'confirmed'
        : 'provisional';
  const clinical =
    e.stage === 'discharged'
      ? 'resolved'
      : e.stage === 'not-facet-mediated'
        ? 'inactive'
        : 'active';
  return {
    resourceType: 'Condition',
    id: refs.id('Condition', e.id),
    clinicalStatus: concept({ system: SYSTEMS.conditionClinical, code: clinical }),
    verificationStatus: concept({ system: SYSTEMS.conditionVerification, code: verification }),
    category: [
      concept({
        system: SYSTEMS.conditionCategory,
        code: 'problem-list-item',
        display: 'Problem List Item',
      }),
    ],
    code: concept(icd10ForRegion(e.region, treated), `${REGION_LABELS[e.region]} facet joint pain`),
    bodySite: [
      concept(SNOMED_LATERALITY[e.side], `${REGION_LABELS[e.region]} facet joints, ${e.side}`),
    ],
    subject: refs.ref('Patient', patientKey),
    onsetDateTime: e.onsetDate,
    recordedDate: e.openedAt,
  };
}

/** One episode per region's complaint, with the pathway stages as status history (each stage named in an extension). */
export function episodeOfCareResource(
  e: ExportEpisode,
  patientKey: string,
  refs: Refs,
): FhirResource {
  const statusOf = (stage: Stage) => (FINISHED.includes(stage) ? 'finished' : 'active');
  const history = e.stageHistory.map((h, i) => {
    const next = e.stageHistory[i + 1];
    return {
      extension: [
        {
          url: SYSTEMS.pathwayStageExtension,
          valueCoding: {
            system: SYSTEMS.facettrack,
            code: h.stage,
            display: STAGE_LABELS[h.stage],
          },
        },
      ],
      status: statusOf(h.stage),
      period: {
        start: h.at,
        ...(next ? { end: next.at } : FINISHED.includes(h.stage) ? { end: h.at } : {}),
      },
    };
  });
  return {
    resourceType: 'EpisodeOfCare',
    id: refs.id('EpisodeOfCare', e.id),
    status: statusOf(e.stage),
    ...(history.length ? { statusHistory: history } : {}),
    type: [ftCode(`facet-pathway-${e.region}`, `${REGION_LABELS[e.region]} facet joint pathway`)],
    diagnosis: [{ condition: refs.ref('Condition', e.id), rank: 1 }],
    patient: refs.ref('Patient', patientKey),
    period: {
      start: e.openedAt,
      ...(FINISHED.includes(e.stage) && history.length ? { end: e.stageHistory.at(-1)!.at } : {}),
    },
  };
}

/** MBB / IA / RFA: CPT per level, each level a bodySite with SNOMED laterality, performer, status. */
export function procedureResource(
  p: ExportProcedure,
  e: ExportEpisode,
  patientKey: string,
  refs: Refs,
): FhirResource {
  const codes = cptCodes(e.region, p.kind, p.levels.length);
  const modifier = p.side === 'bilateral' ? ', modifier 50 (bilateral)' : '';
  return {
    resourceType: 'Procedure',
    id: refs.id('Procedure', p.id),
    status: p.enteredInError ? 'entered-in-error' : 'completed',
    category: ftCode(
      p.intent,
      p.intent === 'diagnostic' ? 'Diagnostic procedure' : 'Therapeutic procedure',
    ),
    code: {
      coding: codes.map((code) => ({ system: SYSTEMS.cpt, code })),
      text: `${REGION_LABELS[e.region]} ${PROCEDURE_LABELS[p.kind].toLowerCase()}, ${p.guidance} guidance (CPT ${codes.join(' +')}${modifier})`,
    },
    subject: refs.ref('Patient', patientKey),
    performedDateTime: p.performedAt,
    ...(p.performerName ? { performer: [{ actor: { display: p.performerName } }] } : {}),
    reasonReference: [refs.ref('Condition', e.id)],
    bodySite: p.levels.map((level) =>
      concept(SNOMED_LATERALITY[p.side], `${level} facet joint, ${p.side}`),
    ),
  };
}

/** Anesthetic and steroid of a procedure, each partOf it (domain.md section 7). */
export function medicationResources(
  p: ExportProcedure,
  patientKey: string,
  refs: Refs,
): FhirResource[] {
  const base = (key: string) => ({
    resourceType: 'MedicationAdministration',
    id: refs.id('MedicationAdministration', `${key}-${p.id}`),
    status: p.enteredInError ? 'entered-in-error' : 'completed',
    subject: refs.ref('Patient', patientKey),
    effectiveDateTime: p.performedAt,
    partOf: [refs.ref('Procedure', p.id)],
  });
  const a = p.anesthetic;
  const out: FhirResource[] = [
    {
      ...base('anesthetic'),
      medicationCodeableConcept: { text: `${a.agent} ${a.concentrationPercent}%` },
      dosage: {
        text: `${a.volumeMl} mL of ${a.agent} ${a.concentrationPercent}%`,
        dose: ucum(a.volumeMl, 'mL', 'mL'),
      },
    },
  ];
  if (p.steroid) {
    out.push({
      ...base('steroid'),
      medicationCodeableConcept: { text: p.steroid.name },
      dosage: {
        text: `${p.steroid.doseMg} mg ${p.steroid.name}`,
        dose: ucum(p.steroid.doseMg, 'mg', 'mg'),
      },
    });
  }
  return out;
}

/** One NRS score: LOINC 72514-3, the time it describes and the time it was entered, rest/activity and side as components. */
export function painScoreResource(
  s: ExportPainScore,
  p: ExportProcedure,
  patientKey: string,
  refs: Refs,
): FhirResource {
  return {
    resourceType: 'Observation',
    id: refs.id('Observation', `pain-${s.id}`),
    status: s.enteredInError || p.enteredInError ? 'entered-in-error' : 'final',
    category: SURVEY,
    code: concept(LOINC_NRS, 'Pain score (NRS 0-10)'),
    subject: refs.ref('Patient', patientKey),
    focus: [refs.ref('Procedure', p.id)],
    partOf: [refs.ref('Procedure', p.id)],
    effectiveDateTime: s.describesAt,
    issued: s.enteredAt,
    valueInteger: s.score,
    component: [
      {
        code: ftCode('pain-context', 'Pain context'),
        valueCodeableConcept: ftCode(
          s.context,
          s.context === 'rest' ? 'At rest' : 'During provoking activity',
        ),
      },
      {
        code: ftCode('minutes-after-procedure', 'Minutes after the procedure'),
        valueQuantity: ucum(s.minutesAfter, 'min', 'min'),
      },
      ...(s.side
        ? [
            {
              code: ftCode('side', 'Side'),
              valueCodeableConcept: concept(SNOMED_LATERALITY[s.side]),
            },
          ]
        : []),
      ...(s.reportedReliefPercent !== null
        ? [
            {
              code: ftCode('reported-relief', 'Reported percent relief'),
              valueQuantity: ucum(s.reportedReliefPercent, '%', '%'),
            },
          ]
        : []),
    ],
  };
}

/** Percent relief and, for a diagnostic block, the verdict; derivedFrom the valid scores, method = the rule set and its version. */
export function derivedResources(
  p: ExportProcedure,
  patientKey: string,
  refs: Refs,
): FhirResource[] {
  const a = p.assessment;
  if (!a || p.enteredInError) return [];
  const common = {
    resourceType: 'Observation',
    status: 'final',
    category: SURVEY,
    subject: refs.ref('Patient', patientKey),
    focus: [refs.ref('Procedure', p.id)],
    partOf: [refs.ref('Procedure', p.id)],
    effectiveDateTime: p.performedAt,
    derivedFrom: p.scores
      .filter((s) => !s.enteredInError)
      .map((s) => refs.ref('Observation', `pain-${s.id}`)),
    method: { text: `${a.ruleSet.name} v${a.ruleSet.version}` },
  };
  const out: FhirResource[] = [];
  if (a.peakReliefPercent !== null) {
    const component = [
      ...(a.reportedPeakReliefPercent !== null
        ? [
            {
              code: ftCode('reported-peak-relief-percent', 'Peak reported percent relief'),
              valueQuantity: ucum(a.reportedPeakReliefPercent, '%', '%'),
            },
          ]
        : []),
      ...(a.reliefDurationMinutes !== null
        ? [
            {
              code: ftCode('relief-duration', 'Duration of relief at the threshold'),
              valueQuantity: ucum(a.reliefDurationMinutes, 'min', 'min'),
            },
          ]
        : []),
    ];
    out.push({
      ...common,
      id: refs.id('Observation', `relief-${p.id}`),
      code: ftCode('peak-relief-percent', 'Peak percent relief of the index pain (NRS-derived)'),
      valueQuantity: ucum(a.peakReliefPercent, '%', '%'),
      ...(component.length ? { component } : {}),
    });
  }
  if (p.intent === 'diagnostic') {
    out.push({
      ...common,
      id: refs.id('Observation', `verdict-${p.id}`),
      code: ftCode('block-verdict', 'Diagnostic block verdict'),
      valueCodeableConcept: ftCode(a.verdict, a.verdict),
      ...(a.comparative
        ? {
            component: [
              {
                code: ftCode('comparative-block', 'Comparative block reading'),
                valueCodeableConcept: ftCode(a.comparative.result, a.comparative.result),
              },
            ],
          }
        : {}),
    });
  }
  return out;
}

/** ODI / NDI section scores by section name, never the questions (domain.md section 5); the total as its own item. */
export function questionnaireResponseResource(
  f: ExportFunctionScore,
  patientKey: string,
  refs: Refs,
): FhirResource {
  const answered = Object.entries(f.sections).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number',
  );
  return {
    resourceType: 'QuestionnaireResponse',
    id: refs.id('QuestionnaireResponse', f.id),
    questionnaire: `urn:facettrack:questionnaire:${f.instrument}`,
    status: f.enteredInError ? 'entered-in-error' : 'completed',
    subject: refs.ref('Patient', patientKey),
    authored: f.takenOn,
    item: [
      ...answered.map(([section, score]) => ({
        linkId: section,
        text: section,
        answer: [{ valueInteger: score }],
      })),
      ...(f.total !== null
        ? [
            {
              linkId: 'total',
              text: `${INSTRUMENT_LABELS[f.instrument]} total (LOINC ${LOINC_FUNCTION_TOTAL[f.instrument].code})${f.band ? `, ${f.band}` : ''}`,
              answer: [{ valueDecimal: f.total }],
            },
          ]
        : []),
    ],
  };
}
