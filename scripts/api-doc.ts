// `npm run docs:api`: rewrites the generated part of docs/api.md (every route, shape and error
// code) from the contract module; the hand-written part above its mark is kept as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withGeneratedPart } from './lib/api-doc';

const file = resolve(__dirname, '..', 'docs', 'api.md');
const before = readFileSync(file, 'utf8');
const after = withGeneratedPart(before);
writeFileSync(file, after);
console.log(before === after ? `${file} was up to date` : `${file} rewritten from functions/contract`);
