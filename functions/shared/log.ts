import { Logger } from '@aws-lambda-powertools/logger';

/** The one structured logger; the edge logs each request once. */
export const logger = new Logger({ serviceName: 'little-red-flower' });
