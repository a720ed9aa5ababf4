import { buildContainer, type Container } from '../functions/shared/container';
import { loadConfig } from '../functions/shared/config';
import type { Role } from '../functions/domain/user';
import { z } from 'zod';
import questionBank from '../functions/quiz/question-bank.json';

const questionBankSchema = z
  .array(
    z
      .object({
        id: z.string().regex(/^q\d{3}$/),
        topic: z.enum(['charity', 'law', 'first_aid', 'low_carbon', 'rural']),
        prompt: z.string().min(8),
        choices: z.array(z.string().min(1)).min(3).max(4),
        answer: z.number().int().min(0),
        explanation: z.string().min(10),
      })
      .refine((q) => q.answer < q.choices.length, 'answer must index a choice'),
  )
  .min(60);

/** Demo accounts `npm start` creates once; sign in as them on the H5 dev sign-in screen by openid. */
export const DEMO_USERS: { openid: string; nickname: string; roles: Role[]; flowers: number }[] = [
  { openid: 'demo-admin', nickname: '平台管理员', roles: ['donor', 'admin'], flowers: 0 },
  { openid: 'demo-charity', nickname: '春苗公益基金会', roles: ['donor', 'charity'], flowers: 0 },
  { openid: 'demo-merchant', nickname: '街角爱心面馆', roles: ['donor', 'merchant'], flowers: 0 },
  { openid: 'demo-donor', nickname: '小红花志愿者', roles: ['donor'], flowers: 120 },
];

/**
 * Seeds through the same domain operations as the app (flowers through the ledger move); users
 * are found by openid, so seeding twice changes nothing.
 */
export async function seedDemoData(app: Container): Promise<string[]> {
  const created: string[] = [];
  const now = app.clock.now().toISOString();
  for (const demo of DEMO_USERS) {
    const { user, created: isNew } = await app.users.findOrCreateByOpenid(demo.openid, { nickname: demo.nickname, roles: demo.roles });
    if (!isNew) continue;
    created.push(demo.openid);
    if (demo.flowers > 0) await app.ledger.move({ userId: user.id, delta: demo.flowers, reason: 'dev_grant', refId: 'seed', note: '体验账户初始小红花' });
    if (demo.roles.includes('merchant')) {
      await app.stores.create({ name: '街角爱心面馆', city: '深圳', address: '南山区科技园爱心路 99 号', ownerId: user.id, status: 'active' }, now);
    }
  }
  if ((await app.sponsors.list()).length === 0) {
    await app.sponsors.create({ name: '绿动科技', logoText: '绿动', fenPer10kSteps: 100, budgetFen: 100_000, status: 'active' }, now);
    created.push('sponsor 绿动科技');
  }
  return created;
}

export function containerFor(endpoint: string, tableName: string, stage: 'local' | 'test' = 'local'): Container {
  return buildContainer(loadConfig({ STAGE: stage, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint }));
}

/** Reference data every stage needs (the quiz bank), validated before it is written; safe to rerun. */
export async function seedReferenceData(app: Container): Promise<number> {
  const questions = questionBankSchema.parse(questionBank);
  await app.quiz.seed(questions);
  return questions.length;
}

/**
 * `npm run seed`: writes the reference data (the quiz bank) into TABLE_NAME — a deployed stage's
 * table with AWS credentials, or a local one with DYNAMODB_ENDPOINT. Demo accounts are never
 * created this way.
 */
if (require.main === module) {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) {
    console.error('set TABLE_NAME (and DYNAMODB_ENDPOINT for a local table)');
    process.exit(2);
  }
  const app = buildContainer(
    loadConfig({ ...process.env, STAGE: process.env.STAGE ?? 'local', TABLE_NAME: tableName, JWT_SECRET_PARAM: process.env.JWT_SECRET_PARAM ?? 'unused-by-seed' }),
  );
  seedReferenceData(app)
    .then((count) => console.log(`seeded ${count} quiz questions into ${tableName}`))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
