import type { LogTileStore } from '../../domain/log-ports';
import type { ObjectStore } from '../../domain/upload';

/** The log's tiles and bundles in the bucket, under `log/` (immutable: the same path, the same bytes). */
export class BucketLogTileStore implements LogTileStore {
  constructor(
    private readonly bucket: Pick<ObjectStore, 'put' | 'read'>,
    private readonly prefix = 'log/',
  ) {}

  put(path: string, bytes: Uint8Array): Promise<void> {
    return this.bucket.put(this.prefix + path, bytes, 'application/octet-stream');
  }

  async get(path: string): Promise<Uint8Array | null> {
    return (await this.bucket.read(this.prefix + path))?.bytes ?? null;
  }
}
