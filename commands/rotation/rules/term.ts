/** "every 2 weeks", "cada 3 semanas", "weekly" → weeks; undefined when unreadable. */
export function parseTerm(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === "") return 1;
  const normal = text.toLowerCase();
  const n = /(\d+)/.exec(normal);
  if (n && /(week|semana|wk)/.test(normal)) return Number(n[1]);
  if (/^(every week|weekly|cada semana|semanal)$/.test(normal.trim())) return 1;
  return undefined;
}
