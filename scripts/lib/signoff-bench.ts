/**
 * `npm run bench -- signoff`: one distribution of BENCH_SIGNOFF_RECIPIENTS (5,000) recipients on
 * DynamoDB Local, signed by 50 field staff at once (the charity and 49 named helpers), through the
 * sign-off use case. Prints:
 *   1. how long creating it took (5,000 recipients batch-written, the distribution last);
 *   2. sign-offs per second;
 *   3. the hottest table key's share of the sign-offs' writes (the counter items are the only
 *      items every sign-off may meet; the rest are items of its own), and the index partitions
 *      every sign-off writes;
 *   4. WCU per sign-off: as DynamoDB Local reports it, and by AWS's model (a transactional write of
 *      an item under 1 KB is 2 WCU; each index an item is in costs 1 WCU more);
 *   5. whether the progress is exact afterwards.
 */
import { ulid } from 'ulid';
import { adoptDream, donateToDream, proposeDream, reviewDream } from '../../functions/dreams/dreams';
import { addFieldStaff, createDistribution, distributionDetail } from '../../functions/distributions/distributions';
import { sign } from '../../functions/distributions/signoffs';
import { loadConfig } from '../../functions/shared/config';
import { buildContainer, type Container } from '../../functions/wiring/container';
import { startFakeWechatServer } from '../fake-wechat-server';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { functionEnvironment, loadLauncherSettings } from './launcher-settings';
import { freePort } from './ports';

const RECIPIENTS = Number(process.env.BENCH_SIGNOFF_RECIPIENTS ?? 5_000);
const SIGNERS = 50;
/** Per sign-off by AWS's model: recipient 2 + its list index 1, counter 2, sign-off 2 + its timeline index 1. */
const MODEL_WCU = 2 + 1 + 2 + 2 + 1;
/** The idempotency record an HTTP sign-off with an Idempotency-Key adds (claimed, then completed). */
const IDEMPOTENCY_WCU = 2;

export async function signoffBench(): Promise<void> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const settings = { ...loadLauncherSettings(), stage: 'test' as const, tableName: 'bench-signoff' };
  const wechat = await startFakeWechatServer({ port: 0, appId: settings.wechat.appId, appSecret: settings.wechat.appSecret });
  try {
    // No stream: nothing consumes it here, and DynamoDB Local slows every write as records pile up.
    await ensureTable(dynamo.endpoint, settings.tableName, { stream: false });
    const app: Container = buildContainer(loadConfig(functionEnvironment(settings, dynamo.endpoint, settings.wechat.apiBase ?? wechat.url)));
    const { dreamId, charityId } = await adoptedDream(app);
    const recipients = Array.from({ length: RECIPIENTS }, (_, i) => ({ name: `受助人${i}`, quantity: 1 + (i % 3), village: `村${i % 40}` }));

    const createStarted = process.hrtime.bigint();
    const { distribution, codes } = await createDistribution(app, charityId, dreamId, { title: '助听器发放', item: '助听器', unit: '台', recipients });
    const createSeconds = Number(process.hrtime.bigint() - createStarted) / 1e9;
    const signers = [charityId];
    for (let i = 1; i < SIGNERS; i++) {
      const { user } = await app.users.findOrCreateByOpenid(`bench-staff-${ulid()}`, { nickname: `志愿者${i}`, roles: ['donor'] });
      await addFieldStaff(app, charityId, distribution.id, user.id);
      signers.push(user.id);
    }

    const keyCounts = new Map<string, number>();
    let reportedWcu = 0;
    let reported = 0;
    app.table.observer = ({ partitionKeys, writeCapacityUnits }) => {
      for (const key of new Set(partitionKeys)) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
      if (writeCapacityUnits !== undefined) {
        reportedWcu += writeCapacityUnits;
        reported++;
      }
    };
    const signedAt = new Date().toISOString();
    let next = 0;
    let refused = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      signers.map(async (signerId) => {
        for (let i = next++; i < codes.length; i = next++) {
          try {
            await sign(app, { signerId, distributionId: distribution.id, body: { code: codes[i].code, signedAt }, idempotencyKey: null });
          } catch {
            refused++;
          }
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    app.table.observer = undefined;

    const signed = codes.length - refused;
    const [hottestKey, hottest] = [...keyCounts].sort((a, b) => b[1] - a[1])[0] ?? ['-', 0];
    const detail = await distributionDetail(app, null, distribution.id);
    const totalQuantity = recipients.reduce((sum, r) => sum + r.quantity, 0);
    const exact = detail.distribution.signedCount === signed && detail.distribution.signedQuantity === totalQuantity && refused === 0;
    console.table({
      'recipients in one distribution': RECIPIENTS,
      'creating it (batch writes, the distribution last), seconds': Number(createSeconds.toFixed(2)),
      'signers at once (the charity and named helpers)': SIGNERS,
      'sign-offs per second': Number((signed / seconds).toFixed(1)),
      'hottest table key (a counter item) and its share of sign-offs': `${hottestKey.replace(distribution.id, '<id>')} ${(hottest / Math.max(1, signed)).toFixed(3)}`,
      'counter items (rules.signoff.counterShards)': app.config.rules.signoff.counterShards,
      'index partitions every sign-off writes (timeline, recipient list)': 2,
      'WCU per sign-off, DynamoDB Local reported': reported ? Number((reportedWcu / reported).toFixed(2)) : 'not reported',
      'WCU per sign-off, AWS model (+2 with an Idempotency-Key over HTTP)': `${MODEL_WCU} (+${IDEMPOTENCY_WCU})`,
      'progress after the run: signed / quantity (exact?)': `${detail.distribution.signedCount}/${RECIPIENTS}, ${detail.distribution.signedQuantity}/${totalQuantity} (${exact ? 'exact' : 'NOT exact'})`,
    });
    if (!exact) console.log('target missed: the progress is not exact');
  } finally {
    await wechat.close();
    await dynamo.stop();
  }
}

/** A dream filled by one donor and adopted by a charity. */
async function adoptedDream(app: Container): Promise<{ dreamId: string; charityId: string }> {
  const person = async (name: string, roles: ('charity' | 'admin')[] = []) =>
    (await app.users.findOrCreateByOpenid(`bench-${name}-${ulid()}`, { nickname: name, roles: ['donor', ...roles] })).user;
  const proposer = await person('发起人');
  const { dream } = await proposeDream(app, proposer.id, {
    title: '听见山里的声音',
    story: '山里有很多听力不好的老人，我们希望为他们每人配一台合适的助听器，让他们重新听见家人的声音。',
    category: 'elderly',
    targetFlowers: 1_000,
  });
  await reviewDream(app, dream.id, { decision: 'approve' });
  const donor = await person('捐赠人');
  await app.ledger.move({ userId: donor.id, delta: 1_000, reason: 'dev_grant', refId: null });
  await donateToDream(app, donor.id, dream.id, { flowers: 1_000 });
  const charity = await person('公益机构', ['charity']);
  await adoptDream(app, charity.id, dream.id);
  return { dreamId: dream.id, charityId: charity.id };
}
