// Apart from format.ts, whose field labels pull the domain schemas (zod) in: the header's sync indicator, part
// of the first screen, needs only this.
export function formatTime(iso: string | null): string {
  if (!iso) return '从未';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
