/**
 * `npm run check:weapp`: WeChat's own offline code-quality check (the one the developer tools run
 * before an upload, from miniprogram-ci) on the built mini-program. It needs no key and no network:
 * the project is the repository root, whose project.config.json points WeChat at dist/weapp.
 * Fails on any finding, printing each. Build first: `NODE_ENV=production npm run build:weapp`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScriptArgs } from './lib/usage';

const ROOT = resolve(__dirname, '..');
const BUILT_APP = resolve(ROOT, 'dist', 'weapp', 'app.json');
// The placeholder in project.config.json: the offline check never talks to WeChat.
const APPID = 'touristappid';
// miniprogram-ci wants an upload key to build a Project at all; the quality check never signs
// anything with it, so a stand-in keeps the real key out of this check.
const NO_UPLOAD_KEY = 'offline-code-quality-check-uses-no-key';

const USAGE = `
Usage: npm run check:weapp

Runs miniprogram-ci's code-quality check on dist/weapp and fails on any finding.
`;

/** One finding as miniprogram-ci reports it. */
export interface QualityFinding {
  name?: string;
  success: boolean;
  text?: string;
  docURL?: string;
  detail?: unknown;
}

/** The findings that fail the check, each as one printable line. */
export function failedFindings(results: QualityFinding[]): string[] {
  return results.filter((item) => !item.success).map((item) => `${item.name ?? 'CHECK'}: ${item.text ?? ''}${item.docURL ? ` (${item.docURL})` : ''}`);
}

async function main(): Promise<void> {
  parseScriptArgs(USAGE, {});
  if (!existsSync(BUILT_APP)) {
    console.error('No mini-program build in dist/weapp: run `NODE_ENV=production npm run build:weapp` first.');
    process.exit(1);
  }
  // Loaded here, not at the top: it is large and slow to load, and the tests need only failedFindings.
  const ci = await import('miniprogram-ci');
  const project = new ci.Project({ appid: APPID, type: 'miniProgram', projectPath: ROOT, privateKey: NO_UPLOAD_KEY, ignores: ['node_modules/**/*'] });
  const results = (await ci.checkCodeQuality(project)) as QualityFinding[];
  const failed = failedFindings(results);
  // A check's text names the problem ("… is not turned on"), so a passed one shows only its name.
  for (const item of results) console.log(item.success ? `✓ ${item.name ?? 'CHECK'}` : `✗ ${item.name ?? 'CHECK'}: ${item.text ?? ''}`);
  if (failed.length) {
    console.error(`\nWeChat's code-quality check found ${failed.length} problem(s):\n${failed.map((line) => `  - ${line}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`\nWeChat's code-quality check: ${results.length} checks passed.`);
  // miniprogram-ci leaves a file watcher running: end here rather than wait on it.
  process.exit(0);
}

if (require.main === module) {
  main().catch((err) => {
    console.error('miniprogram-ci could not run the check:', err);
    process.exit(1);
  });
}
