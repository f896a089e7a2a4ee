/** The domain: pure clinical and access rules and the request/response schemas shared by client and server. */
export * from './roles.ts';
export * from './schemas/common.ts';
export * from './schemas/auth.ts';
export * from './schemas/users.ts';
export * from './schemas/audit.ts';
export * from './pathway.ts';
export * from './conservative-care.ts';
export * from './function-scores.ts';
export * from './patient-facts.ts';
export * from './schemas/dates.ts';
export * from './schemas/patients.ts';
export * from './schemas/episodes.ts';
export * from './rule-sets.ts';
export * from './relief.ts';
export * from './procedures.ts';
