import type { LogKey, LogReceipt } from '../contract/log';
import { NotFoundError } from '../domain/errors';
import { toBase64 } from '../domain/log-encoding';
import { emptyRoot, inclusionProof } from '../domain/log-merkle';
import { formatVerifierKey, signCheckpoint } from '../domain/log-note';
import type { LogCrypto, LogReceiptStore, LogSigner, LogStore, LogTileStore } from '../domain/log-ports';
import { TILE_WIDTH, decodeTile, parseTilePath, tilePath, tileSubtrees, type TileRef } from '../domain/log-tiles';

export interface LogReadDeps {
  log: Pick<LogStore, 'state'>;
  receipts: LogReceiptStore;
  tiles: Pick<LogTileStore, 'get'>;
  crypto: Pick<LogCrypto, 'sha256'>;
  signer: () => Promise<LogSigner>;
}

/** A tile's bytes and whether they may be cached for good (a full tile never changes). */
export interface ServedTile {
  bytes: Uint8Array;
  full: boolean;
}

/** GET /log/key: the name and key a verifier checks checkpoints with. */
export async function logKeyOf(deps: Pick<LogReadDeps, 'signer'>): Promise<LogKey> {
  const { key } = await deps.signer();
  return { origin: key.name, verifierKey: formatVerifierKey(key) };
}

/** The checkpoint served now and the size it signs: before anything is published, the empty tree's. */
async function servedCheckpoint(deps: Pick<LogReadDeps, 'log' | 'signer' | 'crypto'>): Promise<{ size: number; note: string }> {
  const state = await deps.log.state();
  if (state && state.published.note) return state.published;
  // Signed on the fly: the empty tree has one root, so every such note says the same thing.
  const { key, sign } = await deps.signer();
  return { size: 0, note: signCheckpoint(key, sign, { origin: key.name, size: 0, root: emptyRoot(deps.crypto.sha256) }) };
}

/** GET /log/checkpoint: the latest published checkpoint note, cosignatures included. */
export async function latestCheckpoint(deps: Pick<LogReadDeps, 'log' | 'signer' | 'crypto'>): Promise<string> {
  return (await servedCheckpoint(deps)).note;
}

/** The smallest tree size that has this tile at this width: a tile is public once a checkpoint covers it. */
export function sizeImpliedBy(tile: TileRef): number {
  const leaves = tile.index * TILE_WIDTH + tile.width;
  return tile.level === 'entries' ? leaves : leaves * TILE_WIDTH ** tile.level;
}

/**
 * GET /log/tile/…: a tile or bundle of a checkpointed tree. One past the published size is not
 * served even when the sequencer has written it already, so nobody sees a tree no checkpoint signs.
 */
export async function logTile(deps: Pick<LogReadDeps, 'log' | 'tiles'>, path: string): Promise<ServedTile> {
  const tile = parseTilePath(`tile/${path}`);
  if (!tile) throw new NotFoundError('没有这个瓦片');
  const state = await deps.log.state();
  if (sizeImpliedBy(tile) > (state?.published.size ?? 0)) throw new NotFoundError('没有这个瓦片');
  const bytes = await deps.tiles.get(tilePath(tile));
  if (!bytes) throw new NotFoundError('没有这个瓦片');
  return { bytes, full: tile.width === TILE_WIDTH };
}

/**
 * GET /me/log-receipts/{ref}: the caller's proof that their entry is in the signed log. The salt
 * item is in the caller's own partition, so only the person the entry commits to finds it; before
 * it exists, a gift of theirs is pending and anything else is unknown to them.
 */
export async function logReceipt(deps: LogReadDeps, userId: string, ref: string): Promise<LogReceipt> {
  const kept = await deps.receipts.salt(userId, ref);
  if (!kept) {
    if (await deps.receipts.isOwnGift(userId, ref)) return { status: 'pending' };
    throw new NotFoundError('没有这笔记录');
  }
  const checkpoint = await servedCheckpoint(deps);
  if (kept.index >= checkpoint.size) return { status: 'pending' };
  const entry = await deps.receipts.entry(kept.index);
  if (!entry) throw new Error(`log entry ${kept.index} is missing below the published size`);
  const { sha256 } = deps.crypto;
  const readTile = async (tile: TileRef) => {
    const bytes = await deps.tiles.get(tilePath(tile));
    const hashes = bytes && decodeTile(bytes);
    if (!hashes) throw new Error(`tile ${tilePath(tile)} is missing below the published size`);
    return hashes;
  };
  const proof = await inclusionProof(sha256, tileSubtrees(sha256, readTile, checkpoint.size), kept.index, checkpoint.size);
  return {
    status: 'logged',
    index: kept.index,
    entry: toBase64(entry),
    checkpoint: checkpoint.note,
    proof: proof.map(toBase64),
    salt: toBase64(kept.salt),
  };
}
