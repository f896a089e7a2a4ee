/** A patient's record as FHIR: the resources in a fixed order, or a collection Bundle of them (domain.md section 7). */
import {
  conditionResource,
  derivedResources,
  episodeOfCareResource,
  medicationResources,
  painScoreResource,
  patientResource,
  procedureResource,
  questionnaireResponseResource,
  Refs,
} from './resources.ts';
import type { FhirResource, PatientExport, ReferenceStyle } from './types.ts';
import { resourceUuid } from './uuid.ts';

/** Every resource of one patient: Patient, then per episode its Condition, EpisodeOfCare, procedures with their data, function scores. */
export function patientResources(record: PatientExport, style: ReferenceStyle): FhirResource[] {
  const refs = new Refs(style);
  const key = record.patient.id;
  const out: FhirResource[] = [patientResource(record.patient, refs)];
  for (const e of record.episodes) {
    out.push(conditionResource(e, key, refs), episodeOfCareResource(e, key, refs));
    for (const p of e.procedures) {
      out.push(procedureResource(p, e, key, refs), ...medicationResources(p, key, refs));
      out.push(
        ...p.scores.map((s) => painScoreResource(s, p, key, refs)),
        ...derivedResources(p, key, refs),
      );
    }
    out.push(...e.functionScores.map((f) => questionnaireResponseResource(f, key, refs)));
  }
  return out;
}

/**
 * The patient's collection Bundle: `urn:uuid:` full URLs and references, and no timestamp or
 * lastUpdated, so exporting the same record twice gives byte-identical documents.
 */
export function patientBundle(record: PatientExport): FhirResource {
  return {
    resourceType: 'Bundle',
    id: resourceUuid('Bundle', `patient-${record.patient.id}`),
    type: 'collection',
    entry: patientResources(record, 'urn').map((resource) => ({
      fullUrl: `urn:uuid:${resource.id}`,
      resource,
    })),
  };
}

/** Resource types of the bulk export, one NDJSON file each (FHIR Bulk Data), in the order they are written. */
export const BULK_RESOURCE_TYPES = [
  'Patient',
  'Condition',
  'EpisodeOfCare',
  'Procedure',
  'MedicationAdministration',
  'Observation',
  'QuestionnaireResponse',
] as const;
export type BulkResourceType = (typeof BULK_RESOURCE_TYPES)[number];
