import { randomBytes } from 'node:crypto';

/**
 * Every deployed setting of a stage, where it lives in SSM Parameter Store and what a valid value
 * looks like. `npm run settings` writes them (refusing a malformed one), and `check` (run by
 * `npm run deploy` first) names each one that is missing. The stack reads the plain ones through
 * CloudFormation parameters at every deploy; the functions read the secret ones at start.
 */
export interface SettingSpec {
  name: string;
  /** Shown by `npm run settings -- list` and in a refusal. */
  describe: string;
  secret: boolean;
  /** Optional settings may be 'none' (that feature is off on purpose). Required ones may not. */
  required: boolean;
  /** Null when valid, else why not, in one line. */
  validate: (value: string) => string | null;
  /** A fresh value, for `set <name> generate` (only where the project makes its own, like a key). */
  generate?: () => string;
}

const NONE = 'none';
const orNone = (check: (value: string) => string | null) => (value: string) => (value === NONE ? null : check(value));
const matches = (pattern: RegExp, expected: string) => (value: string) => (pattern.test(value) ? null : `expected ${expected}`);
const pem = (label: string) => matches(new RegExp(`-----BEGIN ${label}-----[\\s\\S]+-----END ${label}-----`), `a PEM ${label.toLowerCase()}`);

function jsonObjectOfIds(value: string): string | null {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return 'expected a JSON object of topic to template id';
    const bad = Object.entries(parsed).filter(([, id]) => typeof id !== 'string' || id.length === 0);
    return bad.length ? `template ids must be non-empty strings (${bad.map(([topic]) => topic).join(', ')})` : null;
  } catch {
    return 'expected JSON, e.g. {"letter":"<template id>"}';
  }
}

function origins(value: string): string | null {
  const list = value.split(',').map((origin) => origin.trim());
  const bad = list.filter((origin) => !/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin) && !/^http:\/\/localhost(:\d+)?$/.test(origin));
  return bad.length ? `not an https origin (or http://localhost): ${bad.join(', ')}` : null;
}

/** The public log's witnesses: `<verifier key> <submission URL>`, comma-separated. */
function witnesses(value: string): string | null {
  const bad = value
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => !/^[^\s+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*\s+https?:\/\/\S+$/.test(pair));
  return bad.length ? `not "<verifier key> <url>": ${bad.join(', ')}` : null;
}

export const SETTINGS: readonly SettingSpec[] = [
  {
    name: 'wechat-app-id',
    describe: "the mini-program's AppID",
    secret: false,
    required: true,
    validate: matches(/^wx[0-9a-f]{16}$/, 'wx followed by 16 hex digits'),
  },
  {
    name: 'wechat-templates',
    describe: 'subscribe-message template ids, a JSON object of topic → id',
    secret: false,
    required: false,
    validate: orNone(jsonObjectOfIds),
  },
  {
    name: 'api-domain',
    describe: 'the ICP-filed https host of the API, e.g. api.example.cn',
    secret: false,
    required: false,
    validate: orNone(matches(/^(?=.{4,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, 'a host name')),
  },
  {
    name: 'api-certificate-arn',
    describe: "the ACM certificate of api-domain, in the stack's region",
    secret: false,
    required: false,
    validate: orNone(matches(/^arn:aws(-cn)?:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/, 'an ACM certificate ARN')),
  },
  { name: 'cors-origins', describe: 'the H5 origins allowed to call the API, comma-separated', secret: false, required: true, validate: origins },
  {
    name: 'alert-email',
    describe: 'who the alarms email (they confirm the subscription once)',
    secret: false,
    required: false,
    validate: orNone(matches(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address')),
  },
  {
    name: 'wechatpay-mch-id',
    describe: 'WeChat Pay merchant id (none: no payments)',
    secret: false,
    required: false,
    validate: orNone(matches(/^\d{8,12}$/, 'digits')),
  },
  {
    name: 'wechatpay-mch-serial',
    describe: "the serial of the merchant's API certificate",
    secret: false,
    required: false,
    validate: orNone(matches(/^[0-9A-F]{20,64}$/i, 'hex digits')),
  },
  {
    name: 'wechatpay-public-key-id',
    describe: "WeChat Pay's public key id (none: platform certificates only)",
    secret: false,
    required: false,
    validate: orNone(matches(/^PUB_KEY_ID_\w+$/, 'PUB_KEY_ID_…')),
  },
  {
    name: 'log-origin',
    describe: "the public log's name: its address without the scheme, e.g. api.example.cn/log (no spaces, no +)",
    secret: false,
    required: true,
    validate: matches(/^[^\s+]+$/, 'no spaces and no +'),
  },
  {
    name: 'log-witnesses',
    describe: 'witnesses that cosign the public log, "<verifier key> <url>" comma-separated (none: no witnesses)',
    secret: false,
    required: false,
    validate: orNone(witnesses),
  },
];

/** The secrets, each its own SecureString beside the settings (the functions read them at start). */
export const SECRETS: readonly SettingSpec[] = [
  { name: 'jwt-secret', describe: "signs the app's sign-in tokens", secret: true, required: true, validate: matches(/^.{32,}$/s, 'at least 32 characters') },
  { name: 'wechat-app-secret', describe: "the mini-program's AppSecret", secret: true, required: true, validate: matches(/^[0-9a-f]{32}$/, '32 hex digits') },
  {
    name: 'wechat-push-token',
    describe: "the message-push token set in WeChat's console",
    secret: true,
    required: true,
    validate: matches(/^\w{3,32}$/, '3–32 letters or digits'),
  },
  { name: 'wechatpay-merchant-key', describe: "the merchant's API private key (PEM)", secret: true, required: false, validate: orNone(pem('PRIVATE KEY')) },
  { name: 'wechatpay-apiv3-key', describe: 'the APIv3 key', secret: true, required: false, validate: orNone(matches(/^.{32}$/s, 'exactly 32 characters')) },
  { name: 'wechatpay-public-key', describe: "WeChat Pay's public key (PEM)", secret: true, required: false, validate: orNone(pem('PUBLIC KEY')) },
  {
    name: 'wechatpay-platform-certificates',
    describe: "WeChat Pay's platform certificates, older merchants (PEM, one or more)",
    secret: true,
    required: false,
    validate: orNone(pem('CERTIFICATE')),
  },
  {
    name: 'log-signing-key',
    describe: "the public log's Ed25519 signing seed (64 hex digits; `generate` makes one; npm run log-key prints its verifier key)",
    secret: true,
    required: true,
    validate: matches(/^[0-9a-f]{64}$/, '64 hex digits'),
    generate: () => randomBytes(32).toString('hex'),
  },
  {
    name: 'signoff-pepper',
    describe: 'the key of the hashes kept of sign-off codes instead of the codes (64 hex digits; `generate` makes one; changing it voids every printed slip)',
    secret: true,
    required: true,
    validate: matches(/^[0-9a-f]{64}$/, '64 hex digits'),
    generate: () => randomBytes(32).toString('hex'),
  },
];

export const ALL_SETTINGS = [...SETTINGS, ...SECRETS];

/** Where a setting lives: plain settings under settings/, secrets beside it (the paths functions read). */
export function parameterName(stage: string, spec: Pick<SettingSpec, 'name' | 'secret'>): string {
  return spec.secret ? `/little-red-flower/${stage}/${spec.name}` : `/little-red-flower/${stage}/settings/${spec.name}`;
}

export function findSetting(name: string): SettingSpec | undefined {
  return ALL_SETTINGS.find((spec) => spec.name === name);
}

/** What `check` says of a stage's stored values: one line per problem; none when it can deploy. */
export function settingsProblems(stage: string, stored: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const spec of ALL_SETTINGS) {
    const value = stored.get(parameterName(stage, spec));
    if (value === undefined) {
      // The stack reads every plain setting, so even an optional one must exist (as 'none').
      if (spec.required || !spec.secret) problems.push(`missing ${parameterName(stage, spec)} (${spec.describe}): npm run settings -- set ${spec.name} …`);
      continue;
    }
    if (spec.required && value === NONE) problems.push(`${parameterName(stage, spec)} is required and may not be none`);
    const why = spec.validate(value);
    if (why) problems.push(`${parameterName(stage, spec)}: ${why}`);
  }
  // By name, with the catalogue's own secret flag: the path is never restated here.
  const pathOf = (name: string) => parameterName(stage, findSetting(name)!);
  const valueOf = (name: string) => stored.get(pathOf(name));
  if ((valueOf('wechatpay-mch-id') ?? NONE) !== NONE) {
    for (const name of ['wechatpay-mch-serial', 'wechatpay-merchant-key', 'wechatpay-apiv3-key']) {
      const value = valueOf(name);
      if (!value || value === NONE) problems.push(`WeChat Pay is on (wechatpay-mch-id) but ${pathOf(name)} is not set`);
    }
    const keyId = valueOf('wechatpay-public-key-id') ?? NONE;
    const certificates = valueOf('wechatpay-platform-certificates') ?? NONE;
    if (keyId === NONE && certificates === NONE)
      problems.push('WeChat Pay is on but neither wechatpay-public-key-id nor wechatpay-platform-certificates is set');
    if (keyId !== NONE && (valueOf('wechatpay-public-key') ?? NONE) === NONE)
      problems.push(`wechatpay-public-key-id is set but ${pathOf('wechatpay-public-key')} is not`);
    // The payment functions read it at start whatever the mode: 'none' says there are none.
    if (valueOf('wechatpay-platform-certificates') === undefined)
      problems.push(`WeChat Pay is on: set ${pathOf('wechatpay-platform-certificates')} (PEM, or none)`);
  }
  if (((valueOf('api-domain') ?? NONE) === NONE) !== ((valueOf('api-certificate-arn') ?? NONE) === NONE))
    problems.push('api-domain and api-certificate-arn go together: set both, or both to none');
  return problems;
}
