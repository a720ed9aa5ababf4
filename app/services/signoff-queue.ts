// Sign-offs waiting to reach the server. Every sign-off is written here first, at the moment it is
// signed, so one made offline (or on a phone killed mid-request) is never lost; the queue is sent
// when the network returns. WeChat caps storage at 10 MB and 1 MB a key, so the queue is a small
// index plus one small record per sign-off, and a photo is a saved file whose path the record keeps.

/** The bit of storage the queue needs (Taro's sync storage in the app, a Map in tests). */
export interface QueueStorage {
  get(key: string): string | undefined
  set(key: string, value: string): void
  remove(key: string): void
}

export interface QueuedLocation {
  lat: number
  lng: number
  accuracyM: number
  /** The phone gave only an approximate place (getFuzzyLocation, or accuracy it would not sharpen). */
  fuzzy?: boolean
  /** The phone said the place came from a mock provider. */
  mocked?: boolean
}

export interface QueuedSignoff {
  /** Local id, also the record's key. */
  id: string
  distributionId: string
  code: string
  /** Fixed when the person signed, not when the record is finally sent. */
  signedAt: string
  /** One key per sign-off, so a resend after a lost answer signs nothing twice. */
  idempotencyKey: string
  /** A saved photo file not yet uploaded. */
  photoPath?: string
  /** Its image type when the phone said (H5's blob URLs carry no extension). */
  photoType?: string
  /** The upload id once the photo is uploaded (kept so a retry does not upload it again). */
  photoId?: string
  location?: QueuedLocation
  state: 'pending' | 'refused'
  /** Why the server refused it (its code and the words a person reads). */
  refusal?: { code: string; message: string }
}

/** What one send came to: sent, refused for good, or not reached (kept and tried again). */
export type SendOutcome = { kind: 'sent' } | { kind: 'refused'; code: string; message: string } | { kind: 'retry' }

export type SendOne = (record: QueuedSignoff, saveProgress: (patch: Partial<QueuedSignoff>) => void) => Promise<SendOutcome>

const INDEX_KEY = 'lrf_signoff_queue'
const RECORD_PREFIX = 'lrf_signoff_q_'

export interface FlushResult {
  sent: string[]
  refused: string[]
  kept: string[]
}

export class SignoffQueue {
  // One flush at a time: a network event and a page show arriving together must send each record once.
  private running: Promise<FlushResult> | null = null

  constructor(
    private readonly storage: QueueStorage,
    private readonly newId: () => string,
  ) {}

  private index(): string[] {
    try {
      const ids = JSON.parse(this.storage.get(INDEX_KEY) ?? '[]') as unknown
      return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
    } catch {
      return []
    }
  }

  private writeIndex(ids: string[]): void {
    this.storage.set(INDEX_KEY, JSON.stringify(ids))
  }

  private read(id: string): QueuedSignoff | undefined {
    try {
      const raw = this.storage.get(RECORD_PREFIX + id)
      return raw ? (JSON.parse(raw) as QueuedSignoff) : undefined
    } catch {
      return undefined
    }
  }

  private write(record: QueuedSignoff): void {
    this.storage.set(RECORD_PREFIX + record.id, JSON.stringify(record))
  }

  /** Records a sign-off now (record first, then the index, so a crash between them leaves no dangling id). */
  add(input: Omit<QueuedSignoff, 'id' | 'state' | 'refusal'>): QueuedSignoff {
    const record: QueuedSignoff = { ...input, id: this.newId(), state: 'pending' }
    this.write(record)
    this.writeIndex([...this.index(), record.id])
    return record
  }

  /** Every record (of one distribution when asked), oldest first. */
  list(distributionId?: string): QueuedSignoff[] {
    const records: QueuedSignoff[] = []
    for (const id of this.index()) {
      const record = this.read(id)
      if (record && (!distributionId || record.distributionId === distributionId)) records.push(record)
    }
    return records
  }

  /** 待上传: the records still to be sent. */
  pendingCount(distributionId?: string): number {
    return this.list(distributionId).filter((r) => r.state === 'pending').length
  }

  /** Forgets a record (a refused one the person has read, or a sent one). */
  remove(id: string): void {
    this.storage.remove(RECORD_PREFIX + id)
    this.writeIndex(this.index().filter((other) => other !== id))
  }

  /**
   * Sends every pending record in order. A sent one leaves the queue; a refused one stays, marked
   * with the reason, and is not sent again; one the server did not answer stays pending for the next flush.
   */
  flush(send: SendOne): Promise<FlushResult> {
    if (this.running) return this.running
    this.running = this.sendAll(send).finally(() => {
      this.running = null
    })
    return this.running
  }

  private async sendAll(send: SendOne): Promise<FlushResult> {
    const result: FlushResult = { sent: [], refused: [], kept: [] }
    for (const record of this.list()) {
      if (record.state !== 'pending') continue
      let current = record
      const saveProgress = (patch: Partial<QueuedSignoff>) => {
        current = { ...current, ...patch }
        this.write(current)
      }
      let outcome: SendOutcome
      try {
        outcome = await send(current, saveProgress)
      } catch {
        outcome = { kind: 'retry' }
      }
      if (outcome.kind === 'sent') {
        this.remove(record.id)
        result.sent.push(record.id)
      } else if (outcome.kind === 'refused') {
        this.write({ ...current, state: 'refused', refusal: { code: outcome.code, message: outcome.message } })
        result.refused.push(record.id)
      } else {
        result.kept.push(record.id)
        // The network is down: the rest would fail the same way, and keep their order for next time.
        break
      }
    }
    return result
  }
}
