/**
 * The end of every command-line script: exit with main's code, or print what went wrong (the
 * stack with `stack`, else the message) and exit with `failCode`.
 */
export function runMain(label: string, main: () => Promise<number>, { failCode = 1, stack = true }: { failCode?: number; stack?: boolean } = {}): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      const text = error instanceof Error ? (stack ? (error.stack ?? error.message) : error.message) : String(error);
      process.stderr.write(`${label}: ${text}\n`);
      process.exit(failCode);
    },
  );
}
