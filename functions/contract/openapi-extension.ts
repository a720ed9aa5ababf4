import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Loaded by openapi.ts before any schema module, so that `documented()` attaches its facts.
extendZodWithOpenApi(z);
