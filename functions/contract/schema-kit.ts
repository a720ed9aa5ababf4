import { z, type ZodTypeAny } from 'zod';
import { dayProblem, FIELDS, instantProblem, type IntField, type TextField } from './fields';
import { checkText } from './text-rule';

/**
 * OpenAPI facts (a text's length in code points, an example) for a schema. zod-to-openapi's
 * `.openapi()` exists only once openapi.ts has extended zod, which it does before it loads any
 * schema; handlers never load it, so their bundles carry neither the extension nor the facts.
 */
export function documented<T extends ZodTypeAny>(schema: T, facts: Record<string, unknown>): T {
  const extended = schema as T & { openapi?: (facts: Record<string, unknown>) => T };
  return typeof extended.openapi === 'function' ? extended.openapi(facts) : schema;
}

/**
 * A text field under the one text rule (text-rule.ts): the value a handler gets, and stores, is
 * the normalized, trimmed text that was checked.
 */
export function text(field: TextField) {
  const schema = z
    .string()
    // A cheap bound first, so a huge string is refused before it is normalized and split.
    .max(field.max * 4)
    .transform((value, ctx) => {
      const verdict = checkText(value, field);
      if (verdict.ok) return verdict.value;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: verdict.problem });
      return z.NEVER;
    });
  const built = documented(schema, { minLength: field.min, maxLength: field.max, description: TEXT_RULE_TEXT });
  TEXT_SCHEMAS.add(built);
  return built;
}

/** Every schema text() built: the abuse sweep finds every text field of every route by it. */
const TEXT_SCHEMAS = new WeakSet<ZodTypeAny>();
export const isTextSchema = (schema: ZodTypeAny): boolean => TEXT_SCHEMAS.has(schema);

const TEXT_RULE_TEXT =
  'Normalized to NFC and trimmed, then counted in code points. Refused: control characters (a line break only in long texts), bidirectional controls, zero-width characters (a joiner only inside an emoji) and lone surrogates.';

/** A whole number in a field's range. */
export function int(field: IntField) {
  return z.number().int().min(field.min).max(field.max);
}

/** An id in a path: anything else is simply not found, so only its length is checked. */
export const id = () => z.string().min(1).max(FIELDS.idMaxLength);

/** A string that passes `problem` (null), else one issue with what is wrong. */
function checked(problem: (value: string) => string | null) {
  return z.string().superRefine((value, ctx) => {
    const found = problem(value);
    if (found) ctx.addIssue({ code: z.ZodIssueCode.custom, message: found });
  });
}

/** A time the server wrote (answers only). */
export const isoTime = () => documented(z.string(), { format: 'date-time', example: '2026-09-07T02:30:00.000Z' });
/** A time a client sends: a real calendar day and time of day, with its offset (whether it may lie ahead is the use case's rule). */
export const instant = () => documented(checked(instantProblem), { format: 'date-time', example: '2026-10-31T08:00:00.000Z' });
/** A calendar day, YYYY-MM-DD: a real one (2026-02-30 and 9999-99-99 are refused). */
export const day = () => documented(checked(dayProblem), { example: '2026-09-07' });

/** `?limit=` (1–100, default 20) and `?cursor=` of every list (docs/api.md, Lists). */
export function pageQuery(defaultLimit: number = FIELDS.pageLimitDefault) {
  return z.object({
    limit: z.coerce.number().int().min(FIELDS.pageLimit.min).max(FIELDS.pageLimit.max).default(defaultLimit),
    cursor: z.string().min(1).max(FIELDS.cursorMaxLength).optional(),
  });
}

/** `{items, nextCursor}`: a page of a list. */
export function page<T extends ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A schema that the OpenAPI document names in `components.schemas` (same rule as documented()). */
export function named<T extends ZodTypeAny>(schema: T, name: string): T {
  const extended = schema as T & { openapi?: (name: string) => T };
  return typeof extended.openapi === 'function' ? extended.openapi(name) : schema;
}
