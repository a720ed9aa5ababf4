import type { NoteKey } from '../../domain/log-note';
import type { Witness, WitnessAnswer } from '../../domain/log-ports';

/**
 * A witness over HTTP (C2SP tlog-witness `add-checkpoint`): the old size, the consistency proof,
 * a blank line, then the checkpoint; 200 gives cosignature lines, 409 the size it knows.
 */
export function httpWitness(key: NoteKey, submissionPrefix: string, timeoutMs = 3000): Witness {
  return {
    key,
    async addCheckpoint(oldSize, proof, note): Promise<WitnessAnswer> {
      const body = `old ${oldSize}\n${proof.map((hash) => `${Buffer.from(hash).toString('base64')}\n`).join('')}\n${note}`;
      let response: Response;
      try {
        response = await fetch(`${submissionPrefix.replace(/\/+$/, '')}/add-checkpoint`, { method: 'POST', body, signal: AbortSignal.timeout(timeoutMs) });
      } catch {
        return { kind: 'unreachable' };
      }
      const text = await response.text();
      if (response.status === 200) return { kind: 'cosigned', lines: text.split(/(?<=\n)/).filter((line) => line.startsWith('— ')) };
      if (response.status === 409 && /^\d+\n?$/.test(text)) return { kind: 'conflict', size: Number(text.trim()) };
      return { kind: 'refused', status: response.status };
    },
  };
}
