import { z } from 'zod';
import { route } from './route';

export const openApiRoute = route({
  method: 'GET',
  path: '/openapi.json',
  summary: 'This document: OpenAPI 3.1, generated from the contract’s schemas (public)',
  source: 'added',
  tag: 'meta',
  auth: 'none',
  status: 200,
  response: z.record(z.unknown()),
});
