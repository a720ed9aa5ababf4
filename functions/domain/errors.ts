/**
 * The domain's typed errors: each carries its status and the API.md code. Domain code and use
 * cases throw these; the edge (functions/shared/errors.ts) maps them to the envelope.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message = '请求参数不正确', details?: unknown) {
    super(400, 'VALIDATION_FAILED', message, details);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = '请先登录') {
    super(401, 'UNAUTHENTICATED', message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = '没有权限执行此操作') {
    super(403, 'FORBIDDEN', message);
  }
}
export class NotFoundError extends AppError {
  constructor(message = '没有找到') {
    super(404, 'NOT_FOUND', message);
  }
}
/** A 409: a business rule says no right now; the code names the rule. */
export class RuleViolation extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}
/** A 400 with a code of its own, e.g. INVALID_WERUN_DATA, INVALID_PASS. */
export class BadInputError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(400, code, message, details);
  }
}
export class WechatLoginFailedError extends AppError {
  constructor(
    readonly wechatErrcode: number,
    message = '微信登录失败，请重试',
  ) {
    super(401, 'WECHAT_LOGIN_FAILED', message);
  }
}
export class InsufficientFlowersError extends RuleViolation {
  constructor() {
    super('INSUFFICIENT_FLOWERS', '小红花余额不足');
  }
}
export class IdempotencyKeyReusedError extends RuleViolation {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', '同一个 Idempotency-Key 不能用于不同的请求');
  }
}
/** Optimistic-concurrency loss that retries could not overcome; a 503 the client may retry. */
export class ContentionError extends AppError {
  constructor() {
    super(503, 'BUSY_TRY_AGAIN', '当前参与人数较多，请稍后重试');
  }
}
