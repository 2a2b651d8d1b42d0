export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** Logs go to stderr so that stdout stays machine-readable (CLI --json, the web host's URL line). */
export function stderrLogger(prefix = 'renewal-desk'): Logger {
  const write = (level: string, message: string, detail?: unknown) => {
    const extra = detail === undefined ? '' : ` ${detail instanceof Error ? (detail.stack ?? detail.message) : JSON.stringify(detail)}`;
    process.stderr.write(`[${prefix}] ${level} ${message}${extra}\n`);
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
