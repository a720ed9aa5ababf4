import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** One import, placed in a file of some layer (the file need not exist: only its path counts). */
interface Arrow {
  name: string;
  filePath: string;
  code: string;
}

/**
 * Lints each arrow with the project's own eslint.config.mjs through ESLint's Node API and answers
 * the layer rule's messages per arrow. ESLint loads its config with a native `import()`, which Jest's
 * module sandbox refuses, so the API runs in a plain Node process of its own.
 */
function layerMessages(arrows: Arrow[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const eslint = new ESLint({ cwd: process.cwd() });
    const answers = [];
    for (const { code, filePath } of JSON.parse(input)) {
      const [result] = await eslint.lintText(code, { filePath });
      answers.push(result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.fatal).map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(answers));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: resolve(__dirname, '../..'),
    input: JSON.stringify(arrows),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`eslint did not run: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const wrong: Arrow[] = [
  {
    name: 'domain → adapter',
    filePath: 'functions/domain/layer-probe.ts',
    code: "import { createTableContext } from '../adapters/dynamodb/client';\nexport const probe = createTableContext;\n",
  },
  {
    name: 'adapter → domain function',
    filePath: 'functions/adapters/dynamodb/layer-probe.ts',
    code: "import { planMove } from '../../domain/ledger';\nexport const probe = planMove;\n",
  },
  {
    name: 'app → adapter',
    filePath: 'app/services/layer-probe.ts',
    code: "import { createTableContext } from '../../functions/adapters/dynamodb/client';\nexport const probe = createTableContext;\n",
  },
];

const right: Arrow[] = [
  {
    name: 'handler → wiring',
    filePath: 'functions/meals/layer-probe-handler.ts',
    code: "import { mealFeature } from '../wiring';\nexport const probe = mealFeature;\n",
  },
  {
    name: 'a function’s route table → its handlers',
    filePath: 'functions/meals/layer-probe-lambda.ts',
    code: "import { handler } from './pass-handler';\nexport const probe = handler;\n",
  },
  {
    name: 'adapter → `import type` from domain, and a domain error class',
    filePath: 'functions/adapters/dynamodb/layer-probe.ts',
    code: "import type { FlowerAccount } from '../../domain/ledger';\nimport { NotFoundError } from '../../domain/errors';\nexport const probe = (a: FlowerAccount) => new NotFoundError(String(a));\n",
  },
];

describe('the layer rule of eslint.config.mjs', () => {
  // Arrange + Act: one ESLint for every arrow (it takes seconds to start).
  let messages: string[][];
  beforeAll(() => {
    messages = layerMessages([...wrong, ...right]);
  }, 60_000);

  it.each(wrong.map((arrow, index) => [arrow.name, index]))('reports a wrong arrow: %s', (_name, index) => {
    expect(messages[index as number]).toEqual([expect.stringContaining('import is restricted')]);
  });

  it.each(right.map((arrow, index) => [arrow.name, wrong.length + index]))('lets a right arrow pass: %s', (_name, index) => {
    expect(messages[index as number]).toEqual([]);
  });
});
