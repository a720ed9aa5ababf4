import type { MemberCodes } from '../../domain/lowcarbon';
import { SignJWT, jwtVerify } from 'jose';
import { createHash, randomUUID } from 'node:crypto';
import { BadInputError } from '../../domain/errors';

/** What a kind of code is: its audience (never another kind's, nor a session token's) and its refusal. */
export interface CodeKind {
  audience: string;
  invalid: { code: string; message: string };
  /**
   * One code per person per window of this many seconds (the same code again within it), so a
   * GET that hands codes out writes nothing and still cannot mint more than one a window.
   */
  windowSeconds?: number;
}

/** The member code for low-carbon actions. */
export const MEMBER_CODE: CodeKind = { audience: 'little-red-flower-member-code', invalid: { code: 'INVALID_MEMBER_CODE', message: '会员码无效或已过期' } };
/** A sanitation worker's love-meal pass. */
export const MEAL_PASS = (windowSeconds: number): CodeKind => ({
  audience: 'little-red-flower-meal-pass',
  invalid: { code: 'INVALID_PASS', message: '核销码无效或已过期' },
  windowSeconds,
});

/**
 * A person's short-lived code to show as a QR code (a member code for low-carbon actions, a meal
 * pass): an HS256 JWT with its kind's own audience (so it can never pass as a session token, nor as
 * another kind of code) and a unique id that the database spends once.
 */
export class MemberCodeService implements MemberCodes {
  constructor(
    private readonly secret: () => Promise<string>,
    private readonly ttlSeconds: number,
    private readonly kind: CodeKind = MEMBER_CODE,
  ) {}

  private async key() {
    return new TextEncoder().encode(await this.secret());
  }

  async issue(userId: string, now: Date): Promise<{ code: string; expiresAt: string }> {
    const seconds = Math.floor(now.getTime() / 1000);
    const window = this.kind.windowSeconds;
    const issuedAt = window ? seconds - (seconds % window) : seconds;
    const expires = issuedAt + this.ttlSeconds;
    // Within a window the id is the same (and so is the code): spending it once spends the window's code.
    const id = window ? createHash('sha256').update(`${this.kind.audience}:${userId}:${issuedAt}`).digest('base64url').slice(0, 32) : randomUUID();
    const code = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setAudience(this.kind.audience)
      .setJti(id)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expires)
      .sign(await this.key());
    return { code, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** Forged, malformed or expired codes are one answer: 400 with the kind's code (INVALID_MEMBER_CODE, INVALID_PASS). */
  async verify(code: string, now: Date): Promise<{ userId: string; codeId: string }> {
    try {
      const { payload } = await jwtVerify(code.trim(), await this.key(), { algorithms: ['HS256'], audience: this.kind.audience, currentDate: now });
      if (!payload.sub || !payload.jti) throw new Error('incomplete');
      return { userId: payload.sub, codeId: payload.jti };
    } catch {
      throw new BadInputError(this.kind.invalid.code, this.kind.invalid.message);
    }
  }
}
