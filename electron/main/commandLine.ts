/**
 * The value of `--db FILE` or `--db=FILE` in the process arguments. Electron's argv also holds the binary, the
 * app path and Chromium switches, so the option is looked for anywhere rather than parsed positionally.
 */
export function dbArgFrom(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db') return argv[i + 1];
    if (arg?.startsWith('--db=')) return arg.slice('--db='.length);
  }
  return undefined;
}
