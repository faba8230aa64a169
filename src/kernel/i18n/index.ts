import type { Inline } from "../doc.js";
import { LANGUAGES, type Catalog, type Entry, type Lang, type TextKey } from "./catalog.js";
import { core as kernelEn } from "./en.js";
import { core as kernelEs } from "./es.js";
import { fill, plain, type Params } from "./template.js";

export interface Translator {
  lang: Lang;
  /** The message as inline parts (mentions stay mentions). */
  t(key: TextKey, params?: Params): Inline[];
  /** The message as plain text. */
  text(key: TextKey, params?: Params): string;
}

export type TextsPart = Readonly<Record<Lang, Catalog>>;

/** The kernel's own texts: errors, usage, help hints. */
export const kernelTexts: TextsPart = { en: kernelEn, es: kernelEs };

function pick(entry: Entry, params: Params, lang: Lang): string {
  if (typeof entry === "string") return entry;
  const count = params.count;
  const rule = typeof count === "number" ? new Intl.PluralRules(lang).select(count) : "other";
  return rule === "one" ? entry.one : entry.other;
}

/**
 * Every text Tandem can say, gathered from the kernel, the features and the transports at the
 * composition root. A key defined twice is a mistake caught at start.
 */
export class Texts {
  readonly catalogs: Record<Lang, Catalog>;
  private readonly cache = new Map<Lang, Translator>();

  constructor(parts: readonly TextsPart[]) {
    const catalogs = {} as Record<Lang, Catalog>;
    for (const lang of LANGUAGES) {
      const merged: Catalog = {};
      for (const part of parts) {
        for (const [key, entry] of Object.entries(part[lang])) {
          if (key in merged) throw new Error(`the text ${key} is defined twice (${lang})`);
          merged[key] = entry;
        }
      }
      catalogs[lang] = merged;
    }
    this.catalogs = catalogs;
  }

  translator(lang: Lang): Translator {
    let translator = this.cache.get(lang);
    if (!translator) {
      const lookup = (key: string): Entry => {
        const entry = this.catalogs[lang][key] ?? this.catalogs.en[key];
        if (entry === undefined) throw new Error(`missing message catalog key: ${key}`);
        return entry;
      };
      const t = (key: TextKey, params: Params = {}) => fill(pick(lookup(key), params, lang), params, lang);
      translator = { lang, t, text: (key, params) => plain(t(key, params)) };
      this.cache.set(lang, translator);
    }
    return translator;
  }
}
