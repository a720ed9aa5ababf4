import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import budgets from '../../config/bundle-budgets.json';
import { buildFloorBundle, bundleLikeFunctions, esbuildSettings } from './floor-bundle';

const ROOT = resolve(__dirname, '../..');
// The budget's figure is the median of 21 loads: fewer let one busy moment on a shared machine decide it.
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 21);

/** Milliseconds for a fresh Node (the runtime's major) to import the bundle, median of RUNS, each its own process. */
function loadTimes(paths: string[]): number[][] {
  const times = paths.map(() => [] as number[]);
  // Interleaved, so the machine's drift falls on every bundle alike.
  for (let run = 0; run < RUNS; run++) {
    paths.forEach((path, index) => {
      const child = spawnSync(
        process.execPath,
        ['-e', `const t=performance.now();import(${JSON.stringify(path)}).then(()=>console.log(performance.now()-t))`],
        {
          env: { ...process.env, STAGE: 'test' },
          encoding: 'utf8',
        },
      );
      times[index].push(Number(child.stdout.trim()));
    });
  }
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `npm run bench -- cold`: every function's bundle beside the floor bundle, built the same way; size and cold load. */
export async function coldBench(): Promise<void> {
  const settings = esbuildSettings();
  const out = mkdtempSync(join(tmpdir(), 'lrf-cold-'));
  const doc = yaml.load(readFileSync(resolve(ROOT, 'serverless.yml'), 'utf8')) as { functions: Record<string, { handler: string }> };
  const floor = await buildFloorBundle(out);
  const bundles = await Promise.all(
    Object.entries(doc.functions).map(async ([name, fn]) => {
      const path = join(out, `${name}${settings.outputFileExtension ?? '.js'}`);
      const bytes = await bundleLikeFunctions({ file: resolve(ROOT, `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.ts`) }, path);
      return { name, path, bytes };
    }),
  );
  const times = loadTimes([floor.path, ...bundles.map((b) => b.path)]);
  const floorMs = median(times[0]);
  const rows = bundles.map((bundle, index) => {
    const ms = median(times[index + 1]);
    return {
      function: bundle.name,
      KB: Number((bundle.bytes / 1024).toFixed(1)),
      'size/floor': Number((bundle.bytes / floor.bytes).toFixed(2)),
      'load ms': Number(ms.toFixed(1)),
      'load/floor': Number((ms / floorMs).toFixed(2)),
    };
  });
  rows.sort((a, b) => b['size/floor'] - a['size/floor']);
  console.log(
    `floor bundle (DynamoDB document client only): ${(floor.bytes / 1024).toFixed(1)} KB, load ${floorMs.toFixed(1)} ms (median of ${RUNS}, Node ${process.versions.node})`,
  );
  console.table(rows);
  const worstSize = Math.max(...rows.map((r) => r['size/floor']));
  const worstLoad = Math.max(...rows.map((r) => r['load/floor']));
  console.log(
    `largest bundle ${worstSize} × floor (target ≤ ${budgets.maxBundleToFloor}); slowest load ${worstLoad} × floor (target ≤ ${budgets.maxColdLoadToFloor})`,
  );
  if (worstSize > budgets.maxBundleToFloor) console.log('target missed: a bundle over budget');
  if (worstLoad > budgets.maxColdLoadToFloor) console.log('target missed: a cold load over budget');
}
