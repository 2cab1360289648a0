// Structured logs: one JSON object per line on stdout (stderr for warnings and errors).

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

const KEY = Symbol.for("trao.logLevel");
type WithLevel = typeof globalThis & { [KEY]?: LogLevel };

export function setLogLevel(level: LogLevel) {
  (globalThis as WithLevel)[KEY] = level;
}

function write(level: Exclude<LogLevel, "silent">, msg: string, fields?: Record<string, unknown>) {
  const threshold = (globalThis as WithLevel)[KEY] ?? "info";
  if (LEVELS[level] < LEVELS[threshold]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (LEVELS[level] >= LEVELS.warn) process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write("error", msg, fields),
};
