import type { MemberCodes } from '../domain/lowcarbon';
import { SignJWT, jwtVerify } from 'jose';
import { randomUUID } from 'node:crypto';
import { BadInputError } from './errors';

const AUDIENCE = 'little-red-flower-member-code';

/**
 * A person's member code for low-carbon actions: a short-lived HS256 JWT with its own audience
 * (so it can never pass as a session token, nor a session token as a code) and a unique id that
 * the database spends once.
 */
export class MemberCodeService implements MemberCodes {
  constructor(
    private readonly secret: () => Promise<string>,
    private readonly ttlSeconds: number,
  ) {}

  private async key() {
    return new TextEncoder().encode(await this.secret());
  }

  async issue(userId: string, now: Date): Promise<{ code: string; expiresAt: string }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expires = issuedAt + this.ttlSeconds;
    const code = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setAudience(AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(expires)
      .sign(await this.key());
    return { code, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** Forged, malformed or expired codes are one answer: 400 INVALID_MEMBER_CODE. */
  async verify(code: string, now: Date): Promise<{ userId: string; codeId: string }> {
    try {
      const { payload } = await jwtVerify(code.trim(), await this.key(), { algorithms: ['HS256'], audience: AUDIENCE, currentDate: now });
      if (!payload.sub || !payload.jti) throw new Error('incomplete');
      return { userId: payload.sub, codeId: payload.jti };
    } catch {
      throw new BadInputError('INVALID_MEMBER_CODE', '会员码无效或已过期');
    }
  }
}
