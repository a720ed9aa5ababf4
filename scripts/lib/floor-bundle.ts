import { build } from 'esbuild';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
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
  /** A CommonJS module exporting esbuild plugins, relative to the repository. */
  plugins?: string;
}

/** The esbuild options serverless.yml gives serverless-esbuild. */
export function esbuildSettings(): EsbuildSettings {
  const doc = yaml.load(readFileSync(resolve(ROOT, 'serverless.yml'), 'utf8')) as { custom: { esbuild: EsbuildSettings } };
  return doc.custom.esbuild;
}

/** Bundles one entry (a file, or source text) with the functions' own esbuild options. */
export async function bundleLikeFunctions(entry: { file: string } | { source: string }, outfile: string): Promise<number> {
  const settings = esbuildSettings();
  await build({
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.source, resolveDir: ROOT, loader: 'ts' as const } }),
    bundle: true,
    outfile,
    minify: settings.minify,
    target: settings.target,
    platform: settings.platform,
    format: settings.format,
    mainFields: settings.mainFields,
    banner: settings.banner,
    plugins: settings.plugins ? createRequire(__filename)(resolve(ROOT, settings.plugins)) : [],
    logLevel: 'error',
  });
  return statSync(outfile).size;
}

/**
 * The floor: a bundle of only the DynamoDB document client (a client, a Get), built with the
 * functions' own esbuild options. Returns its path and size.
 */
export async function buildFloorBundle(outDir = mkdtempSync(join(tmpdir(), 'lrf-floor-'))): Promise<{ path: string; bytes: number }> {
  const path = join(outDir, `floor${esbuildSettings().outputFileExtension ?? '.js'}`);
  const bytes = await bundleLikeFunctions(
    {
      source:
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';\nconst doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nexport const handler = async () => doc.send(new GetCommand({ TableName: 't', Key: { PK: 'a' } }));\n",
    },
    path,
  );
  return { path, bytes };
}
