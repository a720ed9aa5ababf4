import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { UserRepository } from '../../domain/ports';
import type { UserRecord } from '../../domain/user';
import type { TableContext } from './client';
import { userKeys } from './user-keys';
// The repository's own mapping: a profile read here is the record the repository would read.
import { toUser } from './user-repository';

/**
 * A person's profile by id, the one read every authenticated request makes (is the account still
 * open, which roles). It reads the same item as DynamoUserRepository, but a function that never
 * creates people or changes roles carries none of those writes and their audit entries.
 */
export class DynamoUserReads implements Pick<UserRepository, 'findById'> {
  constructor(private readonly table: TableContext) {}

  async findById(userId: string): Promise<UserRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: userKeys.profile(userId) }));
    return Item ? toUser(Item) : null;
  }
}
