import { loadStreamConsumers, readStreamConsumers } from '../../scripts/lib/stream-consumers';
import { startStreamPoller, type RunningStreamPoller, type StreamPollerOptions } from '../../scripts/lib/stream-poller';
import type { Container } from '../../functions/wiring/container';

/**
 * The stream consumers of serverless.yml, driven by the table's real stream on DynamoDB Local, as
 * `npm run api` drives them (quick polls and retries, so tests do not wait on Lambda's pacing).
 */
export async function startTestStreams(app: Container, options: Partial<StreamPollerOptions> & { withLog?: boolean } = {}): Promise<RunningStreamPoller> {
  const endpoint = app.config.dynamodbEndpoint!;
  // The public log's sequencer writes tiles to the bucket: only tests that give it one run it.
  const specs = readStreamConsumers().filter((spec) => options.withLog || spec.name !== 'logSequencer');
  const poller = await startStreamPoller({
    endpoint,
    tableName: app.config.tableName,
    consumers: await loadStreamConsumers(specs),
    pollMs: 50,
    retryDelayMs: () => 20,
    ...options,
  });
  // From LATEST, a write made before the first pass took its iterator would be missed.
  await poller.started();
  return poller;
}
