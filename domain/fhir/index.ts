/** FHIR R4 export: pure mapping of FacetTrack records to resources (domain.md sections 6 and 7). */
export * from './uuid.ts';
export * from './codes.ts';
export * from './types.ts';
export * from './resources.ts';
export * from './bundle.ts';
