import type { Inline } from "../core/doc.js";
import type { Catalog, Entry, Lang } from "./catalog.js";
import { en } from "./en/index.js";
import { es } from "./es/index.js";
import { fill, plain, type Params } from "./template.js";

export const catalogs: Record<Lang, Catalog> = { en, es };

export interface Translator {
  lang: Lang;
  /** The message as inline parts (mentions stay mentions). */
  t(key: string, params?: Params): Inline[];
  /** The message as plain text. */
  text(key: string, params?: Params): string;
}

function pick(entry: Entry, params: Params, lang: Lang): string {
  if (typeof entry === "string") return entry;
  const count = params.count;
  const rule = typeof count === "number" ? new Intl.PluralRules(lang).select(count) : "other";
  return rule === "one" ? entry.one : entry.other;
}

export function translator(lang: Lang): Translator {
  const lookup = (key: string): Entry => {
    const entry = catalogs[lang][key] ?? catalogs.en[key];
    if (entry === undefined) throw new Error(`missing message catalog key: ${key}`);
    return entry;
  };
  const t = (key: string, params: Params = {}) => fill(pick(lookup(key), params, lang), params, lang);
  return { lang, t, text: (key, params) => plain(t(key, params)) };
}
