import type { KeySuffix, Lang, TextKey } from "../../../src/kernel/i18n/catalog.js";

/**
 * Care acts paired with actions (care-mirrors). Built-in acts carry an i18n key; acts a room adds
 * itself carry the label its members typed. Aliases (English and Spanish, without accents) let
 * people name an act loosely: "care kitchen", "care cocina".
 */
export interface CareAct {
  id: string;
  /** Catalog key for built-in acts (`care.act.<id>`). */
  labelKey?: TextKey;
  /** The room's own words, for acts added with `!careplan catalog add`. */
  label?: string;
  /** What a member types to name a built-in act, in each language (both are understood everywhere). */
  typed?: Readonly<Record<Lang, string>>;
  aliases: readonly string[];
}

function builtIn(id: KeySuffix<"care.act.">, es: string, aliases: string[]): CareAct {
  return { id, labelKey: `care.act.${id}`, typed: { en: id, es }, aliases: [id, es, ...aliases] };
}

/** The words a member of a room in this language types to name the act. */
export function actWord(act: CareAct, lang: Lang): string {
  return act.typed?.[lang] ?? act.aliases[0] ?? act.id;
}

export const DEFAULT_CARE_ACTS: readonly CareAct[] = [
  builtIn("pantry", "despensa", [
    "solidarity pantry",
    "food bank",
    "despensa",
    "despensa solidaria",
    "banco de alimentos",
  ]),
  builtIn("hospital-rides", "viajes", ["rides", "ride", "transport", "car", "lifts", "viajes", "transporte", "coche"]),
  builtIn("kitchen", "cocina", ["cooperative kitchen", "cooking", "meals", "cocina", "cocina cooperativa", "comida"]),
  builtIn("childcare", "peques", ["kids", "children", "babysitting", "cuidado infantil", "ninos", "canguro"]),
  builtIn("repair-clinic", "reparaciones", ["repair", "repairs", "fix", "reparaciones", "taller"]),
  builtIn("mental-health-circle", "salud mental", [
    "mental health",
    "listening circle",
    "circle",
    "salud mental",
    "circulo",
  ]),
  builtIn("strike-fund", "caja de resistencia", ["fund", "money", "hardship fund", "caja de resistencia", "fondo"]),
  builtIn("elder-care", "mayores", ["elders", "visits", "cuidado de mayores", "mayores"]),
  builtIn("laundry", "colada", ["washing", "lavanderia", "colada"]),
  builtIn("legal-aid", "asesoría legal", ["legal", "lawyer", "asesoria legal", "abogada", "abogado"]),
  builtIn("tutoring", "deberes", ["homework", "study", "clases", "deberes"]),
  builtIn("rest-space", "descanso", ["quiet room", "rest", "descanso", "espacio de descanso"]),
];

export function normaliseCareText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A room's own act; its id is derived from its words so the same act is recognised again. */
export function customCareAct(label: string): CareAct {
  const words = normaliseCareText(label);
  return { id: `room:${words.replace(/ /g, "-")}`, label: label.trim(), aliases: [words] };
}

/** True when the text names an act of the catalog exactly, by id or alias (not merely contains one). */
export function namesCareAct(catalog: readonly CareAct[], text: string): boolean {
  const wanted = normaliseCareText(text);
  return (
    wanted.length > 0 &&
    catalog.some((a) => a.id === wanted || a.aliases.some((alias) => normaliseCareText(alias) === wanted))
  );
}

/**
 * The act a member meant: an exact id or alias first, then the longest alias found inside the
 * text ("solidarity pantry" → pantry). Undefined when nothing matches.
 */
export function findCareAct(catalog: readonly CareAct[], text: string): CareAct | undefined {
  const wanted = normaliseCareText(text);
  if (wanted.length === 0) return undefined;
  const exact = catalog.find((a) => a.id === wanted || a.aliases.some((alias) => normaliseCareText(alias) === wanted));
  if (exact) return exact;
  const padded = ` ${wanted} `;
  let best: { act: CareAct; length: number } | undefined;
  for (const act of catalog) {
    for (const alias of act.aliases) {
      const a = normaliseCareText(alias);
      if (a.length > 0 && padded.includes(` ${a} `) && (!best || a.length > best.length))
        best = { act, length: a.length };
    }
  }
  return best?.act;
}

/**
 * Suggestions that avoid the acts used in the room's recent plans, so care changes before it
 * becomes routine. `recentlyUsed` lists act ids, most recent first. Unused acts come first
 * (starting at `seed` so rooms do not all see the same three); when there are too few, the
 * acts used longest ago fill the list.
 */
export function suggestCareActs(
  catalog: readonly CareAct[],
  recentlyUsed: readonly string[],
  n: number,
  seed = 0,
): CareAct[] {
  const lastUse = new Map<string, number>();
  recentlyUsed.forEach((id, i) => {
    if (!lastUse.has(id)) lastUse.set(id, i);
  });
  const unused = catalog.filter((a) => !lastUse.has(a.id));
  const start = unused.length === 0 ? 0 : ((seed % unused.length) + unused.length) % unused.length;
  const rotated = [...unused.slice(start), ...unused.slice(0, start)];
  const usedLongestAgoFirst = catalog
    .filter((a) => lastUse.has(a.id))
    .sort((a, b) => (lastUse.get(b.id) ?? 0) - (lastUse.get(a.id) ?? 0));
  return [...rotated, ...usedLongestAgoFirst].slice(0, Math.max(0, n));
}
