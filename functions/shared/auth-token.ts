import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { UnauthenticatedError } from './errors';

const ISSUER = 'little-red-flower';
const AUDIENCE = 'little-red-flower-app';

/** Who a token names. Roles are not in it: the edge reads them from the table on every request. */
export interface AuthenticatedUser {
  userId: string;
}

const claimsSchema = z.object({ sub: z.string().min(1) });

/**
 * Session tokens: HS256 JWTs (jose) with issuer, audience and expiry; the secret never leaves the
 * server. Every function checks them; only sign-in issues them (TokenService), so the others do
 * not carry jose's signing code.
 */
export class TokenVerifier {
  constructor(private readonly secret: () => Promise<string>) {}

  protected async key(): Promise<Uint8Array> {
    return new TextEncoder().encode(await this.secret());
  }

  /** Any problem with the token (missing, malformed, forged, expired) is a 401. */
  async verify(authorization: string | undefined): Promise<AuthenticatedUser> {
    // The scheme is case-insensitive (RFC 7235): `bearer`, `BEARER` and `Bearer` are one.
    const match = /^bearer +([A-Za-z0-9_\-.]{10,4096})$/i.exec(authorization?.trim() ?? '');
    if (!match) throw new UnauthenticatedError(authorization ? '登录凭证格式不正确' : '请先登录');
    try {
      // A token without an expiry would never expire, and one without a subject names nobody.
      const { payload } = await jwtVerify(match[1], await this.key(), {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['exp', 'sub'],
      });
      const claims = claimsSchema.parse(payload);
      return { userId: claims.sub };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('登录已过期，请重新登录');
      throw new UnauthenticatedError('登录凭证无效');
    }
  }
}

/** Checks and issues session tokens (sign-in). */
export class TokenService extends TokenVerifier {
  constructor(
    secret: () => Promise<string>,
    private readonly ttlDays: number,
  ) {
    super(secret);
  }

  async issue(user: AuthenticatedUser): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlDays}d`)
      .sign(await this.key());
  }
}
