import { buildContainer, type Container } from '../functions/wiring/container';
import { loadConfig } from '../functions/shared/config';
import { parseScriptArgs } from './lib/usage';
import type { Role } from '../functions/domain/user';
import { z } from 'zod';
import questionBank from '../functions/quiz/question-bank.json';
import { adoptDream, donateToDream, myDreams, proposeDream, reviewDream } from '../functions/dreams/dreams';
import { joinTeam, startTeam } from '../functions/teams/teams';
import type { DreamCategory, MatchFund } from '../functions/domain/dream';
import { adminActor } from '../functions/admin/people';
import { openStore, reviewStore } from '../functions/stores/stores';
import { createSponsor } from '../functions/sponsors/sponsors';

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

/** People behind the demo dreams: the ones who proposed them and the ones who gave to them. */
const DEMO_PEOPLE: typeof DEMO_USERS = [
  { openid: 'demo-teacher', nickname: '山村教师李老师', roles: ['donor'], flowers: 0 },
  { openid: 'demo-volunteer', nickname: '社区志愿者阿芳', roles: ['donor'], flowers: 0 },
  { openid: 'demo-giver-1', nickname: '爱跑步的小周', roles: ['donor'], flowers: 900 },
  { openid: 'demo-giver-2', nickname: '早起的王阿姨', roles: ['donor'], flowers: 700 },
  { openid: 'demo-giver-3', nickname: '大学生小林', roles: ['donor'], flowers: 600 },
];

interface DemoDream {
  proposer: string;
  title: string;
  story: string;
  category: DreamCategory;
  targetFlowers: number;
  beneficiaries?: number;
  /** Omitted: left in review (the admin console's queue, 审核中 in the proposer's 我的梦想). */
  review?: { note: string; matchFund?: MatchFund };
  gifts?: [giver: string, flowers: number][];
  /** A team started by the first giver, joined by the second; their gifts go through it. */
  team?: string;
  adoptedBy?: string;
}

/** A few dreams in every state a person meets: open (one with a match fund and a team), executable, adopted, in review. */
const DEMO_DREAMS: DemoDream[] = [
  {
    proposer: 'demo-teacher',
    title: '给大山里的孩子一间图书角',
    story: '我在贵州山区的村小教书，全校 120 个孩子只有一书架旧课本。我们想建一个有两千本课外书的图书角，让孩子们放学后也能读到好故事。',
    category: 'education',
    targetFlowers: 3_000,
    beneficiaries: 120,
    review: { note: '学校证明已核实', matchFund: { sponsorName: '绿动科技', fenPerFlower: 10, budgetFen: 20_000 } },
    gifts: [
      ['demo-giver-1', 320],
      ['demo-giver-2', 180],
      ['demo-giver-3', 95],
    ],
    team: '周末读书会',
  },
  {
    proposer: 'demo-volunteer',
    title: '为环卫工人送一件冬衣',
    story: '凌晨四点的街头，环卫工人已经开始清扫。今年冬天来得早，我们想为社区的 60 位环卫工人每人送一件防风保暖的棉衣。',
    category: 'other',
    targetFlowers: 600,
    beneficiaries: 60,
    review: { note: '社区居委会已确认名单' },
    gifts: [
      ['demo-giver-1', 300],
      ['demo-giver-2', 200],
      ['demo-giver-3', 100],
    ],
  },
  {
    proposer: 'demo-volunteer',
    title: '独居老人的一顿热乎午饭',
    story: '小区里有 30 位独居老人，腿脚不便，常常一天只吃一顿冷饭。我们想和街道食堂合作，每周给老人们送三次热乎的午饭。',
    category: 'elderly',
    targetFlowers: 500,
    beneficiaries: 30,
    review: { note: '街道食堂合作协议已上传' },
    gifts: [
      ['demo-giver-1', 250],
      ['demo-giver-3', 250],
    ],
    adoptedBy: 'demo-charity',
  },
  {
    proposer: 'demo-teacher',
    title: '乡村卫生室添一台制氧机',
    story: '村里的卫生室离县医院有四十公里山路，老人突发心肺疾病时常常等不到救护车。一台制氧机能在最要紧的时候多争取一些时间。',
    category: 'health',
    targetFlowers: 5_000,
    beneficiaries: 800,
    review: { note: '卫生院已出具需求说明' },
    gifts: [['demo-giver-2', 60]],
  },
  {
    proposer: 'demo-donor',
    title: '让视障朋友走进电影院',
    story: '我们想在社区影院每月办一场无障碍电影专场，请志愿者现场讲述画面，让视障朋友也能和家人一起“看”一场电影。',
    category: 'disability',
    targetFlowers: 2_000,
    beneficiaries: 200,
  },
];

/**
 * Seeds through the same domain operations as the app (flowers through the ledger move); users
 * are found by openid, so seeding twice changes nothing.
 */
export async function seedDemoData(app: Container): Promise<string[]> {
  const created: string[] = [];
  const ids = new Map<string, string>();
  const newMerchants: string[] = [];
  for (const demo of DEMO_USERS) {
    const { id, created: isNew } = await ensureDemoPerson(app, demo);
    ids.set(demo.openid, id);
    if (!isNew) continue;
    created.push(demo.openid);
    if (demo.roles.includes('merchant')) newMerchants.push(id);
  }
  // What an admin does in the console: review the demo merchant's store, add a step sponsor.
  const admin = await adminActor(app, ids.get('demo-admin')!);
  for (const merchantId of newMerchants) {
    const { store } = await openStore(app, merchantId, { name: '街角爱心面馆', city: '深圳', address: '南山区科技园爱心路 99 号' });
    await reviewStore(app, admin, store.id, { decision: 'approve', note: '营业执照已核验' });
  }
  for (const person of DEMO_PEOPLE) ids.set(person.openid, (await ensureDemoPerson(app, person)).id);
  created.push(...(await seedDemoDreams(app, ids)));
  if ((await app.sponsors.list()).length === 0) {
    await createSponsor(app, admin, { name: '绿动科技', logoText: '绿动', fenPer10kSteps: 100, budgetFen: 100_000, reason: '演示数据' });
    created.push('sponsor 绿动科技');
  }
  return created;
}

/** A demo person by openid; a new one gets their starting flowers through the ledger. */
async function ensureDemoPerson(app: Container, demo: (typeof DEMO_USERS)[number]): Promise<{ id: string; created: boolean }> {
  const { user, created } = await app.users.findOrCreateByOpenid(
    demo.openid,
    { nickname: demo.nickname, roles: demo.roles },
    { kind: 'system', id: 'seed', label: '演示数据' },
  );
  if (created && demo.flowers > 0)
    await app.ledger.move({ userId: user.id, delta: demo.flowers, reason: 'dev_grant', refId: 'seed', note: '体验账户初始小红花' });
  return { id: user.id, created };
}

/**
 * The demo dreams, each through the app's own steps (propose, review with the content check,
 * gifts through the ledger, team, adoption), by the people in `ids` (openid → user id). A dream
 * its proposer already has is skipped, so a second start adds nothing.
 */
async function seedDemoDreams(app: Container, ids: Map<string, string>): Promise<string[]> {
  const person = (openid: string) => ids.get(openid)!;
  const seeded: string[] = [];
  for (const demo of DEMO_DREAMS) {
    const existing = await myDreams(app, person(demo.proposer));
    if (existing.items.some((d) => d.title === demo.title)) continue;
    const { dream } = await proposeDream(app, person(demo.proposer), {
      title: demo.title,
      story: demo.story,
      category: demo.category,
      targetFlowers: demo.targetFlowers,
      beneficiaries: demo.beneficiaries,
    });
    seeded.push(`dream ${demo.title}`);
    if (!demo.review) continue;
    try {
      await reviewDream(app, dream.id, { decision: 'approve', ...demo.review });
    } catch (err) {
      // An outside WeChat (WECHAT_API_BASE) may refuse the content check: the API still starts,
      // and the dream waits in the admin's queue like any other.
      seeded.push(`(dream ${demo.title} left in review: ${(err as Error).message})`);
      continue;
    }
    let teamId: string | undefined;
    const gifts = demo.gifts ?? [];
    if (demo.team && gifts.length >= 2) {
      const { team } = await startTeam(app, person(gifts[0][0]), dream.id, demo.team);
      await joinTeam(app, person(gifts[1][0]), team.code);
      teamId = team.id;
    }
    for (const [index, [giver, flowers]] of gifts.entries()) {
      await donateToDream(app, person(giver), dream.id, { flowers, teamId: index < 2 ? teamId : undefined });
    }
    if (demo.adoptedBy) await adoptDream(app, person(demo.adoptedBy), dream.id);
  }
  return seeded;
}

/** A container for the launchers, configured exactly as the functions they start (functionEnvironment). */
export function containerFor(functionEnv: Record<string, string>): Container {
  return buildContainer(loadConfig(functionEnv));
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
const USAGE = `
Usage: TABLE_NAME=<table> [DYNAMODB_ENDPOINT=<url>] npm run seed [-- --help]

Writes the reference data (the quiz bank) into TABLE_NAME: a deployed stage's table with the
terminal's AWS credentials, or a local one with DYNAMODB_ENDPOINT. Safe to run again; never
creates demo accounts (npm start does, locally).
`;

if (require.main === module) {
  parseScriptArgs(USAGE);
  const tableName = process.env.TABLE_NAME;
  if (!tableName) {
    console.error('set TABLE_NAME (and DYNAMODB_ENDPOINT for a local table)');
    process.exit(2);
  }
  const app = buildContainer(
    loadConfig({
      ...process.env,
      STAGE: process.env.STAGE ?? 'local',
      TABLE_NAME: tableName,
      JWT_SECRET_PARAM: process.env.JWT_SECRET_PARAM ?? 'unused-by-seed',
    }),
  );
  seedReferenceData(app)
    .then((count) => console.log(`seeded ${count} quiz questions into ${tableName}`))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
