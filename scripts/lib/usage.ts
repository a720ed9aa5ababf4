import { parseArgs } from 'node:util';

/** The options a script takes besides --help, in node:util parseArgs' own terms. */
export type ScriptOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export type ReadArgs =
  { kind: 'help' } | { kind: 'misuse'; reason: string } | { kind: 'run'; values: Record<string, string | boolean | undefined>; positionals: string[] };

/**
 * Every script's arguments, read the same way: node:util's parseArgs (strict, so a mistyped option
 * is refused rather than ignored), with --help and -h for all of them.
 */
export function readScriptArgs(args: string[], options: ScriptOptions = {}, allowPositionals = false): ReadArgs {
  try {
    const { values, positionals } = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
    if (values.help) return { kind: 'help' };
    return { kind: 'run', values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (err) {
    if (!(err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw err;
    return { kind: 'misuse', reason: (err as Error).message };
  }
}

/** As readScriptArgs, and acts on it: --help prints the usage and exits 0; a misuse prints why and the usage and exits 2. */
export function parseScriptArgs(
  usage: string,
  options: ScriptOptions = {},
  { args = process.argv.slice(2), allowPositionals = false }: { args?: string[]; allowPositionals?: boolean } = {},
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const read = readScriptArgs(args, options, allowPositionals);
  if (read.kind === 'help') {
    console.log(usage.trim());
    process.exit(0);
  }
  if (read.kind === 'misuse') {
    console.error(`${read.reason}\n\n${usage.trim()}`);
    process.exit(2);
  }
  return read;
}
