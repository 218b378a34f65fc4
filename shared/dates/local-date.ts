/** Today on this machine's calendar (not UTC: in Guangxi a morning diagnosis must not be dated yesterday). */
export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
