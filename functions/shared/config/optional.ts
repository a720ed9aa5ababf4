import { z } from 'zod';

/** Empty environment values (serverless.yml's `${env:X, ''}`) mean "not set". */
export const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
