import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import type { Clock } from '../../domain/ports';
import type { Team, TeamMember, TeamRepository } from '../../domain/team';
import { queryAll, type TableContext } from './client';
import { teamKeys } from './dream-keys';
import { cancellationReasons } from './errors';
import { personKeys } from './person-keys';

/** Share codes avoid look-alike characters so they can be read out or typed. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 一起捐: teams for a dream; members' gifts add up on their member items. */
export class DynamoTeamRepository implements TeamRepository {
  constructor(
    private readonly table: TableContext,
    private readonly clock: Clock,
  ) {}

  async create(input: { dreamId: string; name: string; captainId: string; captainNickname: string; held?: boolean }): Promise<Team> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const team: Team = {
        id: ulid(),
        dreamId: input.dreamId,
        name: input.name,
        code: Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(''),
        captainId: input.captainId,
        createdAt: this.clock.now().toISOString(),
        ...(input.held ? { held: true } : {}),
      };
      try {
        await this.table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.table.tableName,
                  Item: { ...teamKeys.code(team.code), type: 'TEAM_CODE', teamId: team.id },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Put: {
                  TableName: this.table.tableName,
                  Item: { ...teamKeys.profile(team.id), ...personKeys.team(team.captainId, team.id), type: 'TEAM', ...team },
                },
              },
              { Put: { TableName: this.table.tableName, Item: this.memberItem(team, input.captainId, input.captainNickname) } },
            ],
          }),
        );
        return team;
      } catch (err) {
        if (cancellationReasons(err)?.[0] !== 'ConditionalCheckFailed') throw err; // code taken: draw another
      }
    }
    throw new Error('could not draw a free team code');
  }

  private memberItem(team: Team, userId: string, nickname: string) {
    return {
      ...teamKeys.member(team.id, userId),
      ...personKeys.teamMember(userId, team.id),
      type: 'TEAM_MEMBER',
      teamId: team.id,
      dreamId: team.dreamId,
      userId,
      nickname,
      flowers: 0,
      joinedAt: this.clock.now().toISOString(),
    };
  }

  async get(teamId: string): Promise<Team | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: teamKeys.profile(teamId) }));
    return Item ? toTeam(Item) : null;
  }

  async findByCode(code: string): Promise<Team | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: teamKeys.code(code.toUpperCase()) }));
    return Item ? this.get(Item.teamId as string) : null;
  }

  /** Joining twice is joining once. */
  async join(team: Team, userId: string, nickname: string): Promise<void> {
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table.tableName, Item: this.memberItem(team, userId, nickname), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)?.[0] !== 'ConditionalCheckFailed') throw err;
    }
  }

  async isMember(teamId: string, userId: string, dreamId: string): Promise<boolean> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: teamKeys.member(teamId, userId), ConsistentRead: true }));
    return !!Item && Item.dreamId === dreamId;
  }

  async members(teamId: string): Promise<TeamMember[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': teamKeys.profile(teamId).PK, ':prefix': teamKeys.memberPrefix },
    });
    return items.map((item) => ({
      userId: item.userId as string,
      nickname: item.nickname as string,
      flowers: item.flowers as number,
      joinedAt: item.joinedAt as string,
    }));
  }
}

function toTeam(item: Record<string, unknown>): Team {
  return {
    id: item.id as string,
    dreamId: item.dreamId as string,
    name: item.name as string,
    code: item.code as string,
    captainId: item.captainId as string,
    createdAt: item.createdAt as string,
    ...(item.held === true ? { held: true } : {}),
  };
}

export type { Team, TeamMember };
