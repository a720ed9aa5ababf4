/**
 * The stream consumers of serverless.yml in a process of their own, for `npm run bench -- fanout`:
 * the bench kills this process with SIGKILL in the middle of a job and starts it again. It reads
 * the function environment from its own (the bench sets it), keeps its checkpoints in
 * FANOUT_CHECKPOINTS, and writes its invocation figures to FANOUT_STATS every half second.
 */
import { writeFileSync } from 'node:fs';
import { loadStreamConsumers } from './stream-consumers';
import { startStreamPoller } from './stream-poller';

async function main() {
  const streams = await startStreamPoller({
    endpoint: process.env.DYNAMODB_ENDPOINT!,
    tableName: process.env.TABLE_NAME!,
    consumers: await loadStreamConsumers(),
    checkpointFile: process.env.FANOUT_CHECKPOINTS,
    startingPosition: 'LATEST',
  });
  const report = () => writeFileSync(process.env.FANOUT_STATS!, JSON.stringify(streams.stats()));
  setInterval(report, 500).unref();
  await streams.started();
  report();
  // The bench waits for this line before it makes the dream reach its target.
  console.log('consumers ready');
  await new Promise(() => undefined);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
