/**
 * The API contract: zod schemas of every request and response, the enums and the field limits.
 * Handlers parse with the schemas, use cases take their inferred types, the app imports the types
 * (`import type`) and the limits (fields.ts, enums.ts: no zod), and openapi.ts documents them.
 */
export * from './enums';
export * from './fields';
export * from './common';
export * from './auth';
export * from './me';
export * from './earning';
export * from './dreams';
export * from './stores';
export * from './admin';
export * from './held';
export * from './notifications';
export * from './events';
export * from './letters';
export * from './uploads';
export * from './meals';
export * from './store-admin';
export * from './log';
export * from './distributions';
export * from './signoff-code';
export * from './assembly-fields';
export * from './assemblies';
export * from './spot-checks';
export * from './promises';
export * from './polls';
export type { AnswerOf, Auth, BodyOf, QueryOf, RouteContract, RouteError } from './route';
