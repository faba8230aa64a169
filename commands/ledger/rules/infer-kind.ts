import { CARE_KINDS, foldWord, type CareKind } from "./kinds.js";

/**
 * Words that hint at a kind of care, folded (lower case, no accents). A trailing `*` matches any
 * word starting with the stem (Spanish verbs conjugate too much to list). English words also
 * match with a plural -s/-es ending ("meal" covers "meals"); other inflections are listed.
 * Weak words are generic ("donated", "gave") and lose to any concrete word of another kind:
 * "donated 20 kg of rice" is food, "donated €50" is money.
 */
interface Hints {
  strong: readonly string[];
  weak?: readonly string[];
}

const HINTS: Record<CareKind, Hints> = {
  food: {
    strong: [
      "cook",
      "cooked",
      "cooking",
      "meal",
      "food",
      "soup",
      "lunch",
      "dinner",
      "breakfast",
      "brunch",
      "pantry",
      "bake",
      "baked",
      "baking",
      "bread",
      "cake",
      "sandwich",
      "snack",
      "grocery",
      "groceries",
      "coffee",
      "rice",
      "pasta",
      "pizza",
      "fed",
      "feed",
      "feeding",
      "kitchen",
      "potluck",
      "catering",
      "stew",
      "fruit",
      "vegetable",
      "comida",
      "cocin*",
      "cena",
      "cenas",
      "almuerzo*",
      "desayuno*",
      "sopa*",
      "pan",
      "tortilla*",
      "bocadillo*",
      "despensa*",
      "alimento*",
      "comedor*",
      "olla*",
      "merienda*",
      "cafe",
      "guiso*",
      "arroz",
      "fruta*",
      "verdura*",
      "empanada*",
      "hornea*",
      "horneo",
    ],
  },
  childcare: {
    strong: [
      "kid",
      "child",
      "children",
      "childcare",
      "babysat",
      "babysit",
      "babysitting",
      "babysitter",
      "toddler",
      "baby",
      "babies",
      "daycare",
      "nanny",
      "nino",
      "nina",
      "peques",
      "hijo",
      "hija",
      "bebe",
      "cuido",
      "cuidar",
      "cuidamos",
      "cuidaron",
      "cuidando",
      "cuide",
      "guarderia",
      "crianza",
      "canguro*",
    ],
  },
  transport: {
    strong: [
      "drove",
      "drive",
      "driving",
      "driven",
      "driver",
      "ride",
      "rode",
      "lift",
      "car",
      "van",
      "carpool",
      "transport",
      "transported",
      "shuttle",
      "taxi",
      "llevo",
      "llevar",
      "llevamos",
      "llevaron",
      "lleve",
      "condujo",
      "conducir",
      "conduje",
      "manejo",
      "manejar",
      "coche*",
      "carro",
      "auto",
      "furgoneta*",
      "aventon*",
      "transporte*",
      "recogio",
      "recoger",
      "viaje",
    ],
  },
  knowledge: {
    strong: [
      "taught",
      "teach",
      "teaching",
      "workshop",
      "trained",
      "training",
      "explain",
      "explained",
      "explaining",
      "mentor",
      "mentored",
      "mentoring",
      "tutor",
      "tutored",
      "tutoring",
      "lesson",
      "coach",
      "coached",
      "coaching",
      "skill",
      "translate",
      "translated",
      "ensen*",
      "taller",
      "talleres",
      "formo",
      "formacion",
      "formaron",
      "explic*",
      "capacit*",
      "clase",
      "curso",
      "charla",
      "tutoria*",
      "tradujo",
      "traducir",
      "traduccion",
    ],
  },
  repair: {
    strong: [
      "fix",
      "fixed",
      "fixing",
      "repair",
      "repaired",
      "repairing",
      "mend",
      "mended",
      "patch",
      "patched",
      "plumbing",
      "arregl*",
      "repar*",
      "compuso",
      "remend*",
    ],
  },
  money: {
    strong: [
      "paid",
      "pay",
      "fund",
      "funded",
      "cash",
      "money",
      "euro",
      "dollar",
      "pago",
      "pagar",
      "pagamos",
      "pagaron",
      "pague",
      "dinero",
      "plata",
      "dolares",
    ],
    // "lent her car" is transport, "donated rice" is food.
    weak: [
      "donate",
      "donated",
      "donation",
      "dono",
      "donar",
      "donacion",
      "gave",
      "aporto",
      "aporte",
      "lent",
      "loan",
      "loaned",
      "presto",
      "prestamo",
    ],
  },
  emotional: {
    strong: [
      "listen",
      "listened",
      "listening",
      "call",
      "called",
      "support",
      "supported",
      "comfort",
      "comforted",
      "hug",
      "visit",
      "visited",
      "cheered",
      "consoled",
      "escuch*",
      "acompan*",
      "apoyo",
      "apoyamos",
      "apoyaron",
      "llamo",
      "llamamos",
      "consol*",
      "visito",
      "abrazo*",
    ],
  },
  other: { strong: [] },
};

/** Emoji count as strong hints, placed after the words so a word wins a tie. */
const EMOJI: Record<CareKind, readonly string[]> = {
  food: ["🍲", "🥘", "🍝", "🍛", "🍜", "🥪", "🍞", "🥖", "🍕", "🍳", "🥗", "🌮", "🌯", "🍰", "🥧", "🍪", "☕", "🥫"],
  childcare: ["👶", "🧒", "🍼", "🧸"],
  transport: ["🚗", "🚙", "🚐", "🚌", "🚕", "🛻", "🚲"],
  knowledge: ["📚", "🎓", "👩‍🏫", "👨‍🏫", "🧑‍🏫", "📖"],
  repair: ["🔧", "🛠", "🔨", "🪛", "🪡"],
  money: ["💶", "💵", "💷", "💰", "💸", "🪙"],
  emotional: ["🫂", "🤗"],
  other: [],
};

const WEIGHT_STRONG = 1;
const WEIGHT_WEAK = 0.5;

interface Matcher {
  kind: CareKind;
  weight: number;
  exact: ReadonlySet<string>;
  prefixes: readonly string[];
}

const MATCHERS: readonly Matcher[] = CARE_KINDS.flatMap((kind) => {
  const hints = HINTS[kind];
  return [matcher(kind, WEIGHT_STRONG, hints.strong), matcher(kind, WEIGHT_WEAK, hints.weak ?? [])];
});

function matcher(kind: CareKind, weight: number, words: readonly string[]): Matcher {
  return {
    kind,
    weight,
    exact: new Set(words.filter((w) => !w.endsWith("*"))),
    prefixes: words.filter((w) => w.endsWith("*")).map((w) => w.slice(0, -1)),
  };
}

/** Plural and third-person endings only: stripping -ed or -d would read "cared" as "car". */
const PLURAL_ENDINGS = ["s", "es"];

function forms(word: string): string[] {
  const result = [word];
  for (const ending of PLURAL_ENDINGS) {
    if (word.length > ending.length + 2 && word.endsWith(ending)) result.push(word.slice(0, -ending.length));
  }
  return result;
}

function hits(m: Matcher, word: string): boolean {
  return forms(word).some((form) => m.exact.has(form)) || m.prefixes.some((p) => word.startsWith(p));
}

/**
 * The kind of care a sentence most likely describes: the kind with the highest score
 * (strong hint or emoji 1, weak hint 0.5, a currency amount 2); a tie goes to the kind hinted first.
 * "other" when nothing hints at anything.
 */
export function inferKind(text: string, options: { currency?: boolean } = {}): CareKind {
  const scores = new Map<CareKind, { score: number; firstAt: number }>();
  const add = (kind: CareKind, weight: number, at: number) => {
    const current = scores.get(kind);
    if (current) current.score += weight;
    else scores.set(kind, { score: weight, firstAt: at });
  };
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  words.forEach((raw, at) => {
    const word = foldWord(raw);
    for (const m of MATCHERS) if (hits(m, word)) add(m.kind, m.weight, at);
  });
  for (const kind of CARE_KINDS) {
    for (const emoji of EMOJI[kind]) if (text.includes(emoji)) add(kind, WEIGHT_STRONG, words.length);
  }
  if (options.currency || /[€$£]/u.test(text)) add("money", 2, words.length);
  let best: CareKind = "other";
  let bestScore = { score: 0, firstAt: Infinity };
  for (const [kind, score] of scores) {
    const better =
      score.score > bestScore.score || (score.score === bestScore.score && score.firstAt < bestScore.firstAt);
    if (better) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}
