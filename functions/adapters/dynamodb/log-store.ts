import { BatchGetCommand, GetCommand, QueryCommand, type BatchGetCommandOutput, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LogRaceError } from '../../domain/errors';
import type { AppendedEntry, KeptSalt, LogReceiptStore, LogState, LogStore, SignedSize } from '../../domain/log-ports';
import { ledgerKeys } from './ledger-keys';
import { queryAll, type TableContext } from './client';
import { cancellationReasons, isConditionalCheckFailed, isRetryableWriteConflict } from './errors';
import { logKeys } from './log-keys';
import { mealKeys } from './meal-keys';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** The log's state, entries, ref claims and salts in the one table. */
export class DynamoLogStore implements LogStore, LogReceiptStore {
  constructor(private readonly table: TableContext) {}

  async state(): Promise<LogState | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: logKeys.state(), ConsistentRead: true }));
    if (!Item) return null;
    return {
      range: { size: Item.size as number, hashes: (Item.hashes as string[]).map(bytesOf) },
      latest: { size: Item.size as number, note: Item.latestNote as string },
      published: { size: (Item.publishedSize as number) ?? 0, note: (Item.publishedNote as string) ?? '' },
      witnessed: (Item.witnessed as Record<string, number>) ?? {},
    };
  }

  async integrated(entries: { ref: string; personId: string | null }[]): Promise<Set<string>> {
    const found = new Set<string>();
    const claim = (entry: { ref: string; personId: string | null }) => (entry.personId ? logKeys.salt(entry.personId, entry.ref) : logKeys.ref(entry.ref));
    for (let at = 0; at < entries.length; at += 100) {
      let keys: Record<string, unknown>[] | undefined = entries.slice(at, at + 100).map(claim);
      while (keys && keys.length > 0) {
        const answer: BatchGetCommandOutput = await this.table.doc.send(
          new BatchGetCommand({
            RequestItems: {
              [this.table.tableName]: { Keys: keys, ConsistentRead: true, ProjectionExpression: 'PK, SK, #ref', ExpressionAttributeNames: { '#ref': 'ref' } },
            },
          }),
        );
        for (const item of answer.Responses?.[this.table.tableName] ?? []) {
          found.add(item.SK === 'REF' ? (item.PK as string).slice('LOG#REF#'.length) : (item.ref as string));
        }
        keys = answer.UnprocessedKeys?.[this.table.tableName]?.Keys;
      }
    }
    return found;
  }

  async append(from: LogState | null, to: LogState, entries: AppendedEntry[]): Promise<void> {
    const TableName = this.table.tableName;
    const state = {
      Update: {
        TableName,
        Key: logKeys.state(),
        UpdateExpression:
          'SET #type = :type, #size = :size, hashes = :hashes, latestNote = :note, publishedSize = if_not_exists(publishedSize, :zero), witnessed = if_not_exists(witnessed, :none)',
        ConditionExpression: from ? '#size = :from' : 'attribute_not_exists(PK)',
        ExpressionAttributeNames: { '#type': 'type', '#size': 'size' },
        ExpressionAttributeValues: {
          ':type': 'LOG_STATE',
          ':size': to.range.size,
          ':hashes': to.range.hashes.map(b64),
          ':note': to.latest.note,
          ':zero': 0,
          ':none': {},
          ...(from ? { ':from': from.range.size } : {}),
        },
      },
    };
    // The entries in chunks, one per bundle they fall in (a batch crosses at most one boundary).
    const chunks = new Map<number, AppendedEntry[]>();
    for (const entry of entries) {
      const bundle = Math.floor(entry.index / 256);
      chunks.set(bundle, [...(chunks.get(bundle) ?? []), entry]);
    }
    const items = [
      ...[...chunks.values()].map((chunk) => ({
        Put: {
          TableName,
          Item: { ...logKeys.chunk(chunk[0].index), type: 'LOG_CHUNK', first: chunk[0].index, entries: chunk.map((entry) => b64(entry.bytes)) },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      })),
      // One claim per entry: the salt item in its person's partition, or a ref item for an entry naming nobody.
      ...entries.map((entry) => ({
        Put: {
          TableName,
          Item: entry.person
            ? { ...logKeys.salt(entry.person.id, entry.ref), type: 'LOG_SALT', ref: entry.ref, index: entry.index, salt: b64(entry.person.salt) }
            : { ...logKeys.ref(entry.ref), type: 'LOG_REF', index: entry.index },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      })),
    ];
    try {
      await this.table.doc.send(new TransactWriteCommand({ TransactItems: [state, ...items] }));
    } catch (err) {
      const reasons = cancellationReasons(err);
      // Another sequencer moved the state or took a ref first (or the two collided): re-read and go on.
      if ((reasons && reasons.some((code) => code === 'ConditionalCheckFailed')) || isRetryableWriteConflict(err)) {
        throw new LogRaceError(`log append from ${from?.range.size ?? 0} lost a race`);
      }
      throw err;
    }
  }

  async bundle(index: number): Promise<Uint8Array[]> {
    const chunks = await queryAll(this.table, {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': logKeys.bundle(index) },
      ConsistentRead: true,
    });
    return chunks.sort((a, b) => (a.first as number) - (b.first as number)).flatMap((chunk) => (chunk.entries as string[]).map(bytesOf));
  }

  async salt(userId: string, ref: string): Promise<KeptSalt | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: logKeys.salt(userId, ref) }));
    // A closed account's claims stay, without their salts: nothing for a receipt then.
    return Item && typeof Item.salt === 'string' ? { ref: Item.ref as string, index: Item.index as number, salt: bytesOf(Item.salt as string) } : null;
  }

  async entry(index: number): Promise<Uint8Array | null> {
    // The chunk holding it: the last one of its bundle that starts at or before it.
    const { Items } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND SK <= :sk',
        ExpressionAttributeValues: { ':pk': logKeys.bundle(Math.floor(index / 256)), ':sk': logKeys.chunk(index).SK },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const chunk = Items?.[0];
    const text = chunk ? (chunk.entries as string[])[index - (chunk.first as number)] : undefined;
    return text === undefined ? null : bytesOf(text);
  }

  async isOwnGift(userId: string, ref: string): Promise<boolean> {
    const { Item: donation } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: mealKeys.donation(ref) }));
    if (donation) return donation.donorId === userId && typeof donation.paidAt === 'string';
    // A gift's ledger entry is keyed by its sequence, not its id: read the person's ledger newest
    // first (a gift still waiting for the log is among the newest), a page at a time.
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :ledger)',
          FilterExpression: 'id = :ref AND reason = :gift',
          ExpressionAttributeValues: { ':pk': ledgerKeys.entry(userId, 0).PK, ':ledger': ledgerKeys.prefix, ':ref': ref, ':gift': 'dream_donation' },
          ProjectionExpression: 'id',
          ScanIndexForward: false,
          ExclusiveStartKey: start,
        }),
      );
      if ((page.Items ?? []).length > 0) return true;
      start = page.LastEvaluatedKey;
    } while (start);
    return false;
  }

  async publish(published: SignedSize, witnessed: Record<string, number>): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: logKeys.state(),
          UpdateExpression: 'SET publishedSize = :size, publishedNote = :note, witnessed = :witnessed',
          ConditionExpression: 'attribute_exists(PK) AND publishedSize < :size AND #size >= :size',
          ExpressionAttributeNames: { '#size': 'size' },
          ExpressionAttributeValues: { ':size': published.size, ':note': published.note, ':witnessed': witnessed },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }
}
