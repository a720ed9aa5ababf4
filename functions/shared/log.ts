import { createJsonLogger } from './json-logger';

/** The one structured logger; the edge logs each request once. */
export const logger = createJsonLogger('little-red-flower');
