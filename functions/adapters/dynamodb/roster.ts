import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../../domain/audit';
import type { EmployerRecord, Roster, RosterRow } from '../../domain/meals';
import { auditEntryWrite } from './audit-repository';
import type { TableContext } from './client';
import { decodeCursor, encodeCursor, newestFirstIndexPage } from './cursor';
import { isConditionalCheckFailed, transactUnlessFirstFails } from './errors';
import { mealKeys } from './meal-keys';
import { personKeys } from './person-keys';

/** How often a revocation reads the row again when a claim landed between its read and its write. */
const REVOKE_ATTEMPTS = 3;

/**
 * The roster's rows, one item each under their employer, and each employer's registration to its
 * charity; a claim, a revocation and a registration are conditional writes, each with its audit entry.
 */
export class DynamoRoster implements Roster {
  constructor(private readonly table: TableContext) {}

  async importRows(rows: RosterRow[], audit: AuditRecord): Promise<{ imported: number; skipped: number }> {
    const results = await Promise.all(
      rows.map(async (row) => {
        try {
          await this.table.doc.send(
            new PutCommand({
              TableName: this.table.tableName,
              Item: { ...mealKeys.rosterRow(row.employer, row.employeeNumber), type: 'ROSTER_ROW', ...row },
              ConditionExpression: 'attribute_not_exists(PK)',
            }),
          );
          return true;
        } catch (err) {
          if (isConditionalCheckFailed(err)) return false;
          throw err;
        }
      }),
    );
    const imported = results.filter(Boolean).length;
    // Up to 200 rows, each added only if new, do not fit one transaction: the entry follows the
    // rows and counts exactly those this import added.
    if (imported > 0) {
      const { Put } = auditEntryWrite(this.table.tableName, { ...audit, detail: `${audit.detail}：新增 ${imported} 条` });
      await this.table.doc.send(new PutCommand(Put!));
    }
    return { imported, skipped: rows.length - imported };
  }

  async rows(employer: string, page: { limit: number; cursor?: string }) {
    // Ascending employee numbers read like the sheet the charity imported.
    const { PK, SK: rowPrefix } = mealKeys.rosterRow(employer, '');
    const after = decodeCursor(page.cursor, rowPrefix);
    const { Items = [], LastEvaluatedKey } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': PK, ':prefix': rowPrefix },
        Limit: page.limit,
        ...(after ? { ExclusiveStartKey: { PK, SK: after } } : {}),
      }),
    );
    return {
      items: Items.map((item) => ({ ...toRow(item), revoked: Boolean(item.revokedBy) })),
      nextCursor: encodeCursor(LastEvaluatedKey?.SK as string | undefined),
    };
  }

  async get(employer: string, employeeNumber: string): Promise<RosterRow | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: mealKeys.rosterRow(employer, employeeNumber), ConsistentRead: true }),
    );
    return Item ? toRow(Item) : null;
  }

  async claim(employer: string, employeeNumber: string, userId: string, audit: AuditRecord): Promise<boolean> {
    return transactUnlessFirstFails(this.table, [
      {
        Update: {
          TableName: this.table.tableName,
          Key: mealKeys.rosterRow(employer, employeeNumber),
          UpdateExpression: 'SET claimedBy = :user, GSI3PK = :person, GSI3SK = :personSk',
          // Once: unclaimed, or already this person's (a retry).
          ConditionExpression:
            'attribute_exists(PK) AND attribute_not_exists(revokedBy) AND (attribute_not_exists(claimedBy) OR claimedBy = :null OR claimedBy = :user)',
          ExpressionAttributeValues: {
            ':user': userId,
            ':null': null,
            ':person': personKeys.rosterClaim(userId, `${employer}#${employeeNumber}`).GSI3PK,
            ':personSk': personKeys.rosterClaim(userId, `${employer}#${employeeNumber}`).GSI3SK,
          },
        },
      },
      auditEntryWrite(this.table.tableName, audit),
    ]);
  }

  async revoke(employer: string, employeeNumber: string, by: string, audit: AuditRecord): Promise<{ claimedBy: string | null } | null> {
    for (let attempt = 0; attempt < REVOKE_ATTEMPTS; attempt++) {
      const row = await this.get(employer, employeeNumber);
      if (!row) return null;
      // The holder read is the one revoked: a claim that lands in between makes this try again.
      const written = await transactUnlessFirstFails(this.table, [
        {
          Update: {
            TableName: this.table.tableName,
            Key: mealKeys.rosterRow(employer, employeeNumber),
            UpdateExpression: 'SET revokedBy = :by',
            ConditionExpression: row.claimedBy ? 'claimedBy = :seen' : 'attribute_exists(PK) AND (attribute_not_exists(claimedBy) OR claimedBy = :null)',
            ExpressionAttributeValues: row.claimedBy ? { ':by': by, ':seen': row.claimedBy } : { ':by': by, ':null': null },
          },
        },
        auditEntryWrite(this.table.tableName, audit),
      ]);
      if (written) return { claimedBy: row.claimedBy };
    }
    throw new Error(`roster row ${employer} ${employeeNumber} kept changing during its revocation`);
  }

  async employer(name: string): Promise<EmployerRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: mealKeys.employer(name), ConsistentRead: true }));
    return Item ? toEmployer(Item) : null;
  }

  async registerEmployer(employer: EmployerRecord, audit: AuditRecord): Promise<boolean> {
    return transactUnlessFirstFails(this.table, [
      {
        Put: {
          TableName: this.table.tableName,
          Item: {
            ...mealKeys.employer(employer.name),
            ...mealKeys.employerListed(employer.charityId, employer.registeredAt, employer.name),
            type: 'EMPLOYER',
            ...employer,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      auditEntryWrite(this.table.tableName, audit),
    ]);
  }

  async employers(filter: { charityId?: string }, page: { limit: number; cursor?: string }) {
    const found = await newestFirstIndexPage(
      this.table,
      filter.charityId ? 'GSI2' : 'GSI1',
      filter.charityId ? mealKeys.charityEmployers(filter.charityId) : mealKeys.employers,
      page,
      (sortKey) => mealKeys.employer(mealKeys.employerNameOf(sortKey)),
    );
    return { items: found.items.map(toEmployer), nextCursor: found.nextCursor };
  }
}

function toRow(item: Record<string, unknown>): RosterRow {
  return {
    employer: item.employer as string,
    employeeNumber: item.employeeNumber as string,
    name: item.name as string,
    importedBy: item.importedBy as string,
    claimedBy: (item.claimedBy as string | null) ?? null,
  };
}

function toEmployer(item: Record<string, unknown>): EmployerRecord {
  return {
    name: item.name as string,
    charityId: item.charityId as string,
    registeredBy: item.registeredBy as string,
    registeredAt: item.registeredAt as string,
  };
}
