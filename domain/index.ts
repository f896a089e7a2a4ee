/** The domain: pure clinical and access rules and the request/response schemas shared by client and server. */
export * from './roles.ts';
export * from './schemas/common.ts';
export * from './schemas/auth.ts';
export * from './schemas/users.ts';
export * from './schemas/audit.ts';
