/** Kinds of care, in the stable order used everywhere (digests, help, exports). */
export const CARE_KINDS = [
  "food",
  "childcare",
  "transport",
  "knowledge",
  "repair",
  "money",
  "emotional",
  "other",
] as const;

export type CareKind = (typeof CARE_KINDS)[number];

export function isCareKind(value: string): value is CareKind {
  return (CARE_KINDS as readonly string[]).includes(value);
}

/**
 * Lower-case, strip accents and separators, so "#Reparación", "#emotional-support" and
 * "#cuidado_infantil" meet the table below whatever the phone keyboard produced.
 */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[-_]/g, "");
}

/**
 * Names accepted after `#`, in English and Spanish, already folded.
 * "cuidados" (care work for dependants in Spanish organising) maps to childcare, the closest kind.
 */
const TAG_ALIASES: Record<CareKind, readonly string[]> = {
  food: ["food", "meal", "meals", "cooking", "comida", "comidas", "cocina", "alimentos", "alimentacion"],
  childcare: [
    "childcare",
    "kids",
    "children",
    "babysitting",
    "cuidados",
    "cuidadoinfantil",
    "crianza",
    "ninos",
    "infancia",
    "guarderia",
  ],
  transport: [
    "transport",
    "transportation",
    "ride",
    "rides",
    "lift",
    "lifts",
    "driving",
    "transporte",
    "viajes",
    "coche",
    "aventon",
  ],
  knowledge: [
    "knowledge",
    "teaching",
    "skills",
    "training",
    "workshop",
    "conocimiento",
    "saberes",
    "formacion",
    "ensenanza",
    "taller",
  ],
  repair: ["repair", "repairs", "fixing", "fix", "maintenance", "reparacion", "reparaciones", "arreglos", "arreglo"],
  money: ["money", "cash", "funds", "donation", "donations", "dinero", "plata", "donacion", "fondos"],
  emotional: [
    "emotional",
    "emotionalsupport",
    "support",
    "listening",
    "emocional",
    "apoyo",
    "apoyoemocional",
    "escucha",
    "acompanamiento",
  ],
  other: ["other", "misc", "otro", "otros", "otra", "otras"],
};

const KIND_BY_TAG: ReadonlyMap<string, CareKind> = new Map(
  CARE_KINDS.flatMap((kind) => TAG_ALIASES[kind].map((alias) => [alias, kind] as const)),
);

/** The kind a `#tag` names (without the `#`), or undefined when it names none. */
export function kindFromTag(tag: string): CareKind | undefined {
  return KIND_BY_TAG.get(foldWord(tag));
}

/** Up to `max` kinds whose names are close to a mistyped tag, closest first. */
export function suggestKinds(tag: string, max = 3): CareKind[] {
  const folded = foldWord(tag);
  const best = new Map<CareKind, number>();
  for (const [alias, kind] of KIND_BY_TAG) {
    const distance = editDistance(folded, alias);
    const limit = Math.max(1, Math.floor(alias.length / 3));
    const close = distance <= limit || (folded.length >= 3 && alias.startsWith(folded));
    if (close && distance < (best.get(kind) ?? Infinity)) best.set(kind, distance);
  }
  return [...best]
    .sort((a, b) => a[1] - b[1] || CARE_KINDS.indexOf(a[0]) - CARE_KINDS.indexOf(b[0]))
    .slice(0, max)
    .map(([kind]) => kind);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
