/**
 * The domain's typed errors: each carries its status and the contract's error code. Domain code and
 * use cases throw these; the edge (functions/shared/errors.ts) maps them to the envelope.
 *
 * Each takes an options bag `{ cause }` (the standard `Error` cause) as its last argument: when a
 * refusal or a failure stands for an SDK's or WeChat's error, that error rides along for the edge to
 * log, and never reaches the response body.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message = '请求参数不正确', details?: unknown, options?: ErrorOptions) {
    super(400, 'VALIDATION_FAILED', message, details, options);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = '请先登录', options?: ErrorOptions) {
    super(401, 'UNAUTHENTICATED', message, undefined, options);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = '没有权限执行此操作', options?: ErrorOptions) {
    super(403, 'FORBIDDEN', message, undefined, options);
  }
}
export class NotFoundError extends AppError {
  constructor(message = '没有找到', options?: ErrorOptions) {
    super(404, 'NOT_FOUND', message, undefined, options);
  }
}
/** A 409: a business rule says no right now; the code names the rule. */
export class RuleViolation extends AppError {
  constructor(code: string, message: string, details?: unknown, options?: ErrorOptions) {
    super(409, code, message, details, options);
  }
}
/** A 400 with a code of its own, e.g. INVALID_WERUN_DATA, INVALID_PASS. */
export class BadInputError extends AppError {
  constructor(code: string, message: string, details?: unknown, options?: ErrorOptions) {
    super(400, code, message, details, options);
  }
}
export class WechatLoginFailedError extends AppError {
  constructor(
    readonly wechatErrcode: number,
    message = '微信登录失败，请重试',
    options?: ErrorOptions,
  ) {
    super(401, 'WECHAT_LOGIN_FAILED', message, undefined, options);
  }
}
export class InsufficientFlowersError extends RuleViolation {
  constructor(options?: ErrorOptions) {
    super('INSUFFICIENT_FLOWERS', '小红花余额不足', undefined, options);
  }
}
export class IdempotencyKeyReusedError extends RuleViolation {
  constructor(options?: ErrorOptions) {
    super('IDEMPOTENCY_KEY_REUSED', '同一个 Idempotency-Key 不能用于不同的请求', undefined, options);
  }
}
/** Optimistic-concurrency loss that retries could not overcome; a 503 the client may retry. */
export class ContentionError extends AppError {
  constructor(options?: ErrorOptions) {
    super(503, 'BUSY_TRY_AGAIN', '当前参与人数较多，请稍后重试', undefined, options);
  }
}
/** WeChat Pay could not be reached or refused the order, or payments are not configured; a 503 to retry later. */
export class PaymentUnavailableError extends AppError {
  constructor(options?: ErrorOptions) {
    super(503, 'PAYMENT_UNAVAILABLE', '微信支付暂时不可用，请稍后再试', undefined, options);
  }
}

/**
 * Why a message said to be WeChat Pay's is not believed. `unverified`: its signature does not check
 * out (missing, stale, a probe, an unknown key, a bad signature); `unreadable`: it is signed but its
 * content is not what it should be (no envelope, no decryption, not a payment or a refund);
 * `unknown_event`: an event this service does not take.
 */
export type PaymentRefusalKind = 'unverified' | 'unreadable' | 'unknown_event';

/**
 * A notification or answer that is not WeChat Pay's, or not one we can read: refused. Not an
 * AppError: the payment port throws it, and each use case decides what it means for its route.
 */
export class PaymentMessageRefused extends Error {
  constructor(
    readonly kind: PaymentRefusalKind,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`WeChat Pay message refused: ${reason}`, options);
    this.name = 'PaymentMessageRefused';
  }
}

/** Open data (wx.getWeRunData) that does not decrypt with the person's session key, or was made for another app. */
export class OpenDataRefused extends Error {}

/** The race a log sequencer can lose: the state moved, or one of its refs was integrated meanwhile (it re-reads and goes on). */
export class LogRaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogRaceError';
  }
}
