/**
 * Lambda's event filtering for stream records, the subset of its filter syntax serverless.yml
 * uses: equality lists, `prefix`, `exists` and `anything-but`, nested objects matching nested
 * fields. A rule outside that subset is refused, so a new one cannot silently match nothing.
 */

/** Lambda's event filtering, for the rules serverless.yml uses: does this record match any pattern? */
export function matchesFilters(record: unknown, patterns: Record<string, unknown>[]): boolean {
  return patterns.length === 0 || patterns.some((pattern) => matchesPattern(record, pattern));
}

function matchesPattern(value: unknown, pattern: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    const field = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(rule)) return rule.some((option) => matchesValue(field, option));
    if (rule !== null && typeof rule === 'object') return matchesPattern(field, rule as Record<string, unknown>);
    throw new Error(`filter pattern: ${key} must be an array or an object`);
  });
}

function matchesValue(field: unknown, option: unknown): boolean {
  if (option !== null && typeof option === 'object') {
    const [operator, operand] = Object.entries(option as Record<string, unknown>)[0] ?? [];
    if (operator === 'exists') return (field !== undefined) === operand;
    if (operator === 'prefix') return typeof field === 'string' && typeof operand === 'string' && field.startsWith(operand);
    if (operator === 'anything-but') return field !== undefined && !(Array.isArray(operand) ? operand : [operand]).includes(field);
    throw new Error(`filter pattern: unsupported rule ${operator}`);
  }
  return field === option;
}
