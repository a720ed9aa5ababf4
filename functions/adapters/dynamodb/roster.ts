import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Roster, RosterRow } from '../../domain/meals';
import type { TableContext } from './client';
import { isConditionalCheckFailed } from './errors';
import { mealKeys } from './meal-keys';

/** The roster's rows, one item each under their employer; a claim is a conditional write. */
export class DynamoRoster implements Roster {
  constructor(private readonly table: TableContext) {}

  async importRows(rows: RosterRow[]): Promise<{ imported: number; skipped: number }> {
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
    return { imported, skipped: rows.length - imported };
  }

  async get(employer: string, employeeNumber: string): Promise<RosterRow | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: mealKeys.rosterRow(employer, employeeNumber), ConsistentRead: true }),
    );
    if (!Item) return null;
    return {
      employer: Item.employer as string,
      employeeNumber: Item.employeeNumber as string,
      name: Item.name as string,
      importedBy: Item.importedBy as string,
      claimedBy: (Item.claimedBy as string | null) ?? null,
    };
  }

  async claim(employer: string, employeeNumber: string, userId: string): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: mealKeys.rosterRow(employer, employeeNumber),
          UpdateExpression: 'SET claimedBy = :user',
          // Once: unclaimed, or already this person's (a retry).
          ConditionExpression:
            'attribute_exists(PK) AND attribute_not_exists(revokedBy) AND (attribute_not_exists(claimedBy) OR claimedBy = :null OR claimedBy = :user)',
          ExpressionAttributeValues: { ':user': userId, ':null': null },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async revoke(employer: string, employeeNumber: string, by: string): Promise<{ claimedBy: string | null } | null> {
    try {
      const { Attributes } = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: mealKeys.rosterRow(employer, employeeNumber),
          UpdateExpression: 'SET revokedBy = :by',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':by': by },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { claimedBy: (Attributes?.claimedBy as string | null) ?? null };
    } catch (err) {
      if (isConditionalCheckFailed(err)) return null;
      throw err;
    }
  }
}
