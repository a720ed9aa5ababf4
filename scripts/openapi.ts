// `npm run openapi [-- <file>]`: writes the OpenAPI 3.1 document (the one GET /openapi.json
// serves) to a file, default dist/openapi.json, for partners who generate a typed client offline.
import { openApiDocument } from '../functions/contract/openapi';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseScriptArgs } from './lib/usage';

const out = resolve(parseScriptArgs('Usage: npm run openapi [-- <file>]', {}, { allowPositionals: true }).positionals[0] ?? 'dist/openapi.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`OpenAPI document written to ${out}`);
