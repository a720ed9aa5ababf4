/**
 * `npm run roles -- <grant|revoke|list> --stage <stage> …` — the operator's path to the first
 * admin of a stage (after that, admins grant roles in the app's console):
 *
 *   npm run roles -- grant  --stage prod  --openid <openid> --role admin [--reason "…"]
 *   npm run roles -- revoke --stage prod  --user-id <id>    --role admin
 *   npm run roles -- list   --stage local --role admin
 *
 * AWS stages use the terminal's AWS credentials and the table `little-red-flower-<stage>`
 * (LRF_TABLE_NAME overrides it; --region or AWS_REGION picks the region). `--stage local` uses the
 * running `npm start`/`npm run api` DynamoDB Local, or starts one on DATA_DIR when none runs.
 * Every change goes through the same use case as the console, audited in the same transaction.
 */
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { randomInt } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createTableContext } from '../functions/adapters/dynamodb/client';
import { DynamoUserRepository } from '../functions/adapters/dynamodb/user-repository';
import { changeRole, type PeopleDeps } from '../functions/admin/people';
import type { AuditActor } from '../functions/domain/audit';
import { systemClock } from '../functions/domain/ports';
import { defaultNickname, rolesWithDonor } from '../functions/domain/user';
import { GRANTABLE_ROLES } from '../functions/domain/roles';
import { AppError } from '../functions/shared/errors';
import { ensureTable, localClient, startDynamoDbLocal } from './lib/dynamodb-local';
import { loadLauncherSettings } from './lib/launcher-settings';
import { parseScriptArgs, type ScriptOptions } from './lib/usage';

const ROOT = resolve(__dirname, '..');

const argsSchema = z
  .object({
    command: z.enum(['grant', 'revoke', 'list']),
    stage: z.string().regex(/^[a-z][a-z0-9-]{1,20}$/, 'a stage name such as local, staging or prod'),
    role: z.enum(GRANTABLE_ROLES),
    openid: z.string().min(1).max(128).optional(),
    'user-id': z.string().min(1).max(64).optional(),
    reason: z.string().min(1).max(200).optional(),
    region: z.string().min(1).optional(),
  })
  .refine((a) => a.command === 'list' || Boolean(a.openid) !== Boolean(a['user-id']), { message: 'grant and revoke need --openid or --user-id (one of them)' });

export type RolesArgs = z.infer<typeof argsSchema>;

const ROLES_OPTIONS = {
  stage: { type: 'string' },
  role: { type: 'string' },
  openid: { type: 'string' },
  'user-id': { type: 'string' },
  reason: { type: 'string' },
  region: { type: 'string' },
} satisfies ScriptOptions;

const USAGE = `
Usage: npm run roles -- <grant|revoke|list> --stage <stage> --role <role> [options]

  npm run roles -- grant  --stage prod  --openid <openid> --role admin [--reason "…"]
  npm run roles -- revoke --stage prod  --user-id <id>    --role admin
  npm run roles -- list   --stage local --role admin

Options:
  --stage <stage>     local (the running DynamoDB Local, or one started on DATA_DIR) or an AWS stage
  --role <role>       ${GRANTABLE_ROLES.join(', ')}
  --openid <openid>   the person, by WeChat openid (grant makes the account if there is none)
  --user-id <id>      the person, by user id (instead of --openid)
  --reason <text>     kept in the audit trail
  --region <region>   AWS region (else AWS_REGION, else ap-east-1)
  -h, --help          this text
`;

export function parseRolesArgs(argv: string[]): RolesArgs {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: ROLES_OPTIONS });
  return argsSchema.parse({ command: positionals[0], ...values });
}

/** The operator at this terminal, as the audit trail names them. */
export function operatorActor(): AuditActor {
  const who = `${userInfo().username}@${hostname()}`;
  return { kind: 'operator', id: who, label: `终端操作员 ${who}` };
}

/** Runs one command against `deps`; returns the lines to print. */
export async function runRolesCommand(deps: PeopleDeps, args: RolesArgs, actor: AuditActor = operatorActor()): Promise<string[]> {
  if (args.command === 'list') {
    const lines: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.users.listRoleHolders(args.role, { limit: 100, cursor });
      for (const user of page.items) lines.push(`${user.id}\t${user.openid}\t${user.nickname}\t${user.roles.join(',')}`);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return lines.length ? lines : [`nobody holds ${args.role}`];
  }
  let target = args['user-id'] ? await deps.users.findById(args['user-id']) : await deps.users.findByOpenid(args.openid!);
  if (!target && args.openid && args.command === 'grant') {
    // The first admin of a new stage may not have signed in yet: their openid makes their account.
    target = (await deps.users.findOrCreateByOpenid(args.openid, { nickname: defaultNickname(randomInt(10_000)), roles: rolesWithDonor() })).user;
  }
  if (!target) throw new Error(`no person with ${args.openid ? `openid ${args.openid}` : `user id ${args['user-id']}`}`);
  const result = await changeRole(deps, actor, target.id, {
    role: args.role,
    action: args.command,
    reason: args.reason ?? `${args.command} from the terminal`,
  });
  const view = result.user;
  return [
    `${result.changed ? `${args.command === 'grant' ? 'granted' : 'revoked'} ${args.role}` : 'nothing to change'}: ${view.id} (${view.openid}) now ${view.roles.join(',')}`,
  ];
}

async function reachable(endpoint: string): Promise<boolean> {
  const client = localClient(endpoint);
  try {
    await client.send(new ListTablesCommand({}));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

async function main() {
  parseScriptArgs(USAGE, ROLES_OPTIONS, { allowPositionals: true });
  const args = parseRolesArgs(process.argv.slice(2));
  const settings = loadLauncherSettings();
  let stop = async () => undefined as void;
  let table;
  if (args.stage === 'local') {
    let endpoint = settings.dynamodbEndpoint ?? `http://127.0.0.1:${settings.dynamoPort}`;
    if (!(await reachable(endpoint))) {
      const dynamo = await startDynamoDbLocal({ port: settings.dynamoPort, dataDir: resolve(ROOT, settings.dataDir) });
      endpoint = dynamo.endpoint;
      stop = dynamo.stop;
    }
    await ensureTable(endpoint, settings.tableName);
    table = createTableContext({ tableName: settings.tableName, endpoint, region: 'ap-east-1' });
  } else {
    const region = args.region ?? process.env.AWS_REGION ?? 'ap-east-1';
    table = createTableContext({ tableName: process.env.LRF_TABLE_NAME ?? `little-red-flower-${args.stage}`, region });
  }
  try {
    const users = new DynamoUserRepository(table, systemClock);
    for (const line of await runRolesCommand({ users }, args)) console.log(line);
  } finally {
    await stop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    const message =
      err instanceof z.ZodError
        ? err.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; ')
        : err instanceof AppError
          ? `${err.code}: ${err.message}`
          : (err as Error).message;
    console.error(`npm run roles: ${message}`);
    process.exit(2);
  });
}
