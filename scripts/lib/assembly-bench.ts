/**
 * `npm run bench -- assembly`: votes on one question of a donor assembly, on DynamoDB Local.
 * BENCH_ASSEMBLY_VOTERS donors (4,096) vote once each, BENCH_ASSEMBLY_CONCURRENCY (64) at a time,
 * through the use case. Prints votes per second, the exact count read back, the hottest key's share
 * of the writes (a single counter item would be 100%) and WCU per vote (AWS's model: an item of up
 * to 1 KB written in a transaction costs 2 WCU, and each index that item is in costs 1 more).
 */
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { askQuestion, readAssembly, scheduleAssembly, voteQuestion } from '../../functions/assemblies/assemblies';
import { adoptDream, donateToDream, proposeDream, reviewDream } from '../../functions/dreams/dreams';
import { buildContainer, setContainerForTests, type Container } from '../../functions/wiring/container';
import { loadConfig } from '../../functions/shared/config';
import { functionEnvironment, loadLauncherSettings } from './launcher-settings';
import { startFakeWechatServer } from '../fake-wechat-server';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { freePort } from './ports';
import { seedDonors } from './seed-donors';

const VOTERS = Number(process.env.BENCH_ASSEMBLY_VOTERS ?? 4_096);
const CONCURRENCY = Number(process.env.BENCH_ASSEMBLY_CONCURRENCY ?? 64);
const INDEX_KEYS = ['GSI1PK', 'GSI2PK', 'GSI3PK'];

export async function assemblyBench(): Promise<void> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const settings = { ...loadLauncherSettings(), stage: 'test' as const, tableName: 'bench-assembly' };
  const wechat = await startFakeWechatServer({ port: 0, appId: settings.wechat.appId, appSecret: settings.wechat.appSecret });
  try {
    await ensureTable(dynamo.endpoint, settings.tableName);
    const app = buildContainer(loadConfig(functionEnvironment(settings, dynamo.endpoint, wechat.url)));
    setContainerForTests(app);
    console.table(await votesOnOneQuestion(app));
  } finally {
    setContainerForTests(undefined);
    await wechat.close();
    await dynamo.stop();
  }
}

async function votesOnOneQuestion(app: Container) {
  const person = async (name: string, roles: ('donor' | 'charity' | 'admin')[] = ['donor']) =>
    (await app.users.findOrCreateByOpenid(`assembly-bench-${name}`, { nickname: name, roles })).user;
  const proposer = await person('proposer');
  const { dream } = await proposeDream(app, proposer.id, {
    title: '一个要开股东大会的梦想',
    story: '这是用来测量公益股东大会投票能力的基准测试梦想：每一位捐花人都可以为问题投票。',
    category: 'education',
    targetFlowers: 100,
  });
  await reviewDream(app, dream.id, { decision: 'approve' });
  const asker = await person('asker');
  await app.ledger.move({ userId: asker.id, delta: 100, reason: 'dev_grant', refId: 'bench' });
  await donateToDream(app, asker.id, dream.id, { flowers: 100 });
  const charity = await person('charity', ['donor', 'charity']);
  await adoptDream(app, charity.id, dream.id);
  const voters = Array.from({ length: VOTERS }, () => `assembly-voter-${randomUUID()}`);
  await seedDonors(app.table, (await app.dreams.get(dream.id, true))!, voters);
  const far = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const assembly = await scheduleAssembly(app, charity.id, dream.id, { title: '基准测试股东大会', startsAt: far(2), questionsCloseAt: far(1) });
  const question = await askQuestion(app, asker.id, assembly.id, '善款的使用明细什么时候公开？');

  const writes = countTransactionWrites(app);
  let next = 0;
  const started = process.hrtime.bigint();
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < voters.length) await voteQuestion(app, voters[next++], question.id);
      }),
    );
  } finally {
    writes.stop();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const counted = (await readAssembly(app, assembly.id, null)).questions[0].votes;
  const hottest = [...writes.perKey.entries()].sort((a, b) => b[1] - a[1])[0];
  return {
    voters: VOTERS,
    concurrency: CONCURRENCY,
    'votes/s': Math.round(VOTERS / seconds),
    'votes counted (exact?)': `${counted} (${counted === VOTERS ? 'exact' : 'WRONG'})`,
    'distinct keys written': writes.perKey.size,
    'hottest key': hottest[0],
    "hottest key's share of votes": `${((100 * hottest[1]) / VOTERS).toFixed(1)}%`,
    'WCU per vote (AWS model)': Number((writes.wcu / VOTERS).toFixed(2)),
  };
}

/** Every key the votes' transactions wrote, how often, and their WCU in AWS's model. */
function countTransactionWrites(app: Container) {
  const perKey = new Map<string, number>();
  const counted = { wcu: 0 };
  const doc = app.table.doc;
  const original = doc.send.bind(doc);
  doc.send = ((command: unknown) => {
    if (command instanceof TransactWriteCommand) {
      for (const item of command.input.TransactItems ?? []) {
        const written = (item.Put?.Item ?? item.Update?.Key) as Record<string, unknown> | undefined;
        if (!written) continue;
        const name = `${String(written.PK)}|${String(written.SK)}`;
        perKey.set(name, (perKey.get(name) ?? 0) + 1);
        counted.wcu += 2 + INDEX_KEYS.filter((key) => key in written).length;
      }
    }
    return original(command as never);
  }) as typeof doc.send;
  return {
    perKey,
    get wcu() {
      return counted.wcu;
    },
    stop: () => {
      doc.send = original as typeof doc.send;
    },
  };
}
