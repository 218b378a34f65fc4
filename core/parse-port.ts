/** WORKBENCH_PORT: unset or empty = 0 (any free port). Anything else must be a port number. */
export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`WORKBENCH_PORT 应为 0–65535 之间的整数，当前为「${raw}」`);
  }
  return port;
}
