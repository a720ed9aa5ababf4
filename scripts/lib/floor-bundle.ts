import { build } from 'esbuild';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';

const ROOT = resolve(__dirname, '../..');

interface EsbuildSettings {
  minify: boolean;
  target: string;
  platform: 'node';
  format: 'esm' | 'cjs';
  mainFields?: string[];
  banner?: { js?: string };
  outputFileExtension?: string;
}

/** The esbuild options serverless.yml gives serverless-esbuild. */
export function esbuildSettings(): EsbuildSettings {
  const doc = yaml.load(readFileSync(resolve(ROOT, 'serverless.yml'), 'utf8')) as { custom: { esbuild: EsbuildSettings } };
  return doc.custom.esbuild;
}

/**
 * The floor: a bundle of only the DynamoDB document client (a client, a Get), built with the
 * functions' own esbuild options. Returns its path and size.
 */
export async function buildFloorBundle(outDir = mkdtempSync(join(tmpdir(), 'lrf-floor-'))): Promise<{ path: string; bytes: number }> {
  const settings = esbuildSettings();
  const path = join(outDir, `floor${settings.outputFileExtension ?? '.js'}`);
  await build({
    stdin: {
      contents:
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';\nconst doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nexport const handler = async () => doc.send(new GetCommand({ TableName: 't', Key: { PK: 'a' } }));\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    outfile: path,
    minify: settings.minify,
    target: settings.target,
    platform: settings.platform,
    format: settings.format,
    mainFields: settings.mainFields,
    banner: settings.banner,
    logLevel: 'error',
  });
  return { path, bytes: statSync(path).size };
}
