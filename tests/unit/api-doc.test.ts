// First, as in the generator: the schemas carry their OpenAPI facts only when zod was extended
// before any schema module loaded.
import { docAnchor, openApiDocument, refusalsOf } from '../../functions/contract/openapi';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ROUTES } from '../../functions/contract/routes';
import { GENERATED_MARK, generatedPart, withGeneratedPart } from '../../scripts/lib/api-doc';

const API_DOC = join(__dirname, '..', '..', 'docs', 'api.md');

/** GitHub's anchors of a markdown file's headings. */
function headingAnchors(markdown: string): Set<string> {
  const headings = [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]);
  return new Set(
    headings.map((heading) =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

describe('docs/api.md', () => {
  it('is what `npm run docs:api` generates from the contract', () => {
    // Arrange
    const written = readFileSync(API_DOC, 'utf8');

    // Act
    const regenerated = withGeneratedPart(written);

    // Assert: name the first line that differs rather than print two 2,000-line texts.
    if (written !== regenerated) {
      const [a, b] = [written.split('\n'), regenerated.split('\n')];
      const line = a.findIndex((text, i) => text !== b[i]);
      throw new Error(`docs/api.md differs from the contract at line ${line + 1}: run \`npm run docs:api\`\n  file:      ${a[line]}\n  generated: ${b[line]}`);
    }
  });

  it('keeps its hand-written part and describes every route, refusal and shape of the contract', () => {
    // Act
    const generated = generatedPart();

    // Assert
    for (const route of ALL_ROUTES) {
      const section = generated.split(`#### ${route.method} ${route.path}\n`)[1]?.split('\n#### ')[0];
      expect(section).toBeDefined();
      expect(section).toContain(`**Success:** \`${route.status}\``);
      for (const refusal of refusalsOf(route)) expect(section).toContain(`| ${refusal.status} | \`${refusal.code}\` |`);
    }
    for (const shape of Object.keys(openApiDocument().components?.schemas ?? {})) expect(generated).toContain(`### ${shape}\n`);
    expect(readFileSync(API_DOC, 'utf8').split(GENERATED_MARK)[0]).toContain('## Idempotency');
  });

  it('has the section that each operation of the OpenAPI document points to', () => {
    // Arrange
    const anchors = headingAnchors(readFileSync(API_DOC, 'utf8'));
    const operations = Object.values(openApiDocument().paths ?? {}).flatMap((item) => Object.values(item ?? {})) as { description?: string }[];

    // Act
    const pointers = operations.map((operation) => /docs\/api\.md#([\w-]+)/.exec(operation.description ?? '')?.[1]);

    // Assert
    expect(pointers).toHaveLength(ALL_ROUTES.length);
    expect(pointers.filter((anchor) => !anchor || !anchors.has(anchor))).toEqual([]);
    for (const route of ALL_ROUTES) expect(anchors).toContain(docAnchor(route));
  });
});
