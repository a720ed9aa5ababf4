/**
 * A structured logger that writes one JSON line per call, in the shape CloudWatch's metric filters
 * and Logs Insights read (`level`, `message`, `timestamp`, `service`, `xray_trace_id`, then the
 * call's attributes). It does only what the functions use (a message and attributes at four levels), so
 * every function's bundle and cold start skip a general-purpose logging library.
 */

const LEVELS = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, SILENT: 28 } as const;
type LevelName = keyof typeof LEVELS;

export type LogAttributes = Record<string, unknown>;

export interface JsonLogger {
  debug(message: string, attributes?: LogAttributes): void;
  info(message: string, attributes?: LogAttributes): void;
  warn(message: string, attributes?: LogAttributes): void;
  error(message: string, attributes?: LogAttributes): void;
}

/** The file and line an error was thrown at: the first stack frame with a location. */
function codeLocation(stack: string | undefined): string {
  const match = /\(([^()]*?):(\d+?):(\d+?)\)\\?$/m.exec(stack ?? '');
  return match ? `${match[1]}:${Number(match[2])}` : '';
}

/** An error as data, its cause too (an SDK's or WeChat's error), and any fields it carries (code, status). */
export function errorAsData(error: Error): LogAttributes {
  const { name, message, stack, cause, ...fields } = error as Error & LogAttributes;
  return { name, location: codeLocation(stack), message, stack, cause: cause instanceof Error ? errorAsData(cause) : cause, ...fields };
}

/** Errors become data, bigints strings; a value that contains itself is cut where it repeats. */
function replacer(): (this: unknown, key: string, value: unknown) => unknown {
  const ancestors: unknown[] = [];
  return function (this: unknown, _key: string, value: unknown) {
    const replaced = value instanceof Error ? errorAsData(value) : value;
    if (typeof replaced === 'bigint') return replaced.toString();
    if (typeof replaced === 'object' && replaced !== null) {
      while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop();
      if (ancestors.includes(replaced)) return undefined;
      ancestors.push(replaced);
    }
    return replaced;
  };
}

function levelFrom(env: NodeJS.ProcessEnv): number {
  const name = (env.POWERTOOLS_LOG_LEVEL ?? env.LOG_LEVEL ?? 'INFO').toUpperCase();
  return name in LEVELS ? LEVELS[name as LevelName] : LEVELS.INFO;
}

/**
 * The level comes from POWERTOOLS_LOG_LEVEL (or LOG_LEVEL) as the stack and the local launcher
 * set it; debug and info go to stdout, warnings and errors to stderr, as the console would.
 */
export function createJsonLogger(service: string, env: NodeJS.ProcessEnv = process.env): JsonLogger {
  const threshold = levelFrom(env);
  const serviceName = env.POWERTOOLS_SERVICE_NAME || service;
  const write = (level: LevelName, message: string, attributes: LogAttributes = {}) => {
    if (LEVELS[level] < threshold) return;
    const trace = /Root=([^;]+)/.exec(env._X_AMZN_TRACE_ID ?? '')?.[1];
    const line = { level, message, timestamp: new Date().toISOString(), service: serviceName, xray_trace_id: trace, ...attributes };
    (LEVELS[level] <= LEVELS.INFO ? process.stdout : process.stderr).write(`${JSON.stringify(line, replacer())}\n`);
  };
  return {
    debug: (message, attributes) => write('DEBUG', message, attributes),
    info: (message, attributes) => write('INFO', message, attributes),
    warn: (message, attributes) => write('WARN', message, attributes),
    error: (message, attributes) => write('ERROR', message, attributes),
  };
}
