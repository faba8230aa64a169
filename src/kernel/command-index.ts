import type { AnyCommand } from "./command.js";
import type { Lang } from "./i18n/catalog.js";
import { closest, distance as levenshtein } from "./suggest.js";
import type { Token } from "./tokenizer.js";
import { variantsOf } from "./verbs.js";

const MAX_NAME_WORDS = 4;
/** In a name, the place of a number parameter written inside it ("careplan # join"). */
export const NUMBER_SLOT = "#";
const NUMBER = /^#?\d+$/;

export interface Match {
  command: AnyCommand;
  /** How many tokens the name took, slots included. */
  consumed: number;
  /** Tokens that stood in the name's number slots: they bind to the first number parameter. */
  slots: Token[];
}

/** Every name a command answers to: its name, its Spanish name, its aliases. */
export function namesOf(command: AnyCommand): string[] {
  return [command.name, ...(command.es ? [command.es] : []), ...(command.aliases ?? [])];
}

/** Finds commands by their longest matching name, Spanish name or alias. */
export class CommandIndex {
  private readonly byName = new Map<string, AnyCommand>();
  private readonly byCanonical = new Map<string, AnyCommand>();

  constructor(readonly all: readonly AnyCommand[]) {
    for (const command of all) {
      this.byCanonical.set(command.name, command);
      for (const name of new Set(namesOf(command))) {
        if (this.byName.has(name)) throw new Error(`two commands are named "${name}"`);
        this.byName.set(name, command);
      }
    }
    // Synonyms and unaccented forms come after every written name, which they never replace.
    const variants = new Map<string, AnyCommand | null>();
    for (const command of all) {
      for (const name of namesOf(command)) {
        for (const variant of variantsOf(name)) {
          if (this.byName.has(variant)) continue;
          const taken = variants.get(variant);
          // A variant two commands could claim belongs to neither.
          variants.set(variant, taken === undefined || taken === command ? command : null);
        }
      }
    }
    for (const [variant, command] of variants) if (command) this.byName.set(variant, command);
  }

  find(tokens: readonly Token[]): Match | undefined {
    for (let n = Math.min(MAX_NAME_WORDS, tokens.length); n >= 1; n--) {
      const words = tokens.slice(0, n);
      if (words.some((w) => w.quoted)) continue;
      const exact = this.byName.get(words.map((w) => w.value.toLocaleLowerCase()).join(" "));
      if (exact) return { command: exact, consumed: n, slots: [] };
      if (n < 2) continue;
      const slots = words.filter((w, i) => i > 0 && NUMBER.test(w.value));
      if (slots.length !== 1) continue;
      const shaped = this.byName.get(
        words.map((w, i) => (i > 0 && NUMBER.test(w.value) ? NUMBER_SLOT : w.value.toLocaleLowerCase())).join(" "),
      );
      if (shaped) return { command: shaped, consumed: n, slots };
    }
    return undefined;
  }

  /** The longest plain name (no number slot) the words start with. */
  findPlain(tokens: readonly Token[]): Match | undefined {
    for (let n = Math.min(MAX_NAME_WORDS, tokens.length); n >= 1; n--) {
      const words = tokens.slice(0, n);
      if (words.some((w) => w.quoted)) continue;
      const command = this.byName.get(words.map((w) => w.value.toLocaleLowerCase()).join(" "));
      if (command) return { command, consumed: n, slots: [] };
    }
    return undefined;
  }

  /** A command by its canonical (English) name. */
  byCanonicalName(name: string): AnyCommand | undefined {
    return this.byCanonical.get(name);
  }

  /**
   * Names whose first word is close to an unknown first word (never the word itself), as the room
   * names them: a Spanish room is offered `!fondo`, not `!fund`; any name when none of its own fits.
   */
  closestNames(word: string, lang: Lang): string[] {
    const firstWords = (names: Iterable<string>) =>
      [...names]
        .filter((n) => !n.includes(NUMBER_SLOT))
        .map((n) => n.split(" ")[0]!)
        .filter((w) => w !== word);
    const own = closest(word, firstWords(this.all.map((c) => this.displayName(c, lang))));
    return own.length > 0 ? own : closest(word, firstWords(this.byName.keys()));
  }

  /**
   * The name a member most likely meant when all but one of its words match what they typed:
   * "!ledger thank …" → "ledger thanks", "!careplan 1 joni" → "careplan 1 join" (the number kept).
   * Names in the room's language come first; the typo itself is never suggested, and neither is a
   * change to words before `from` (the member typed those as a real command's name).
   */
  closestForm(tokens: readonly Token[], lang: Lang, from = 1): string | undefined {
    const typed = tokens.map((tk) => tk.value.toLocaleLowerCase());
    const candidates: { form: string; distance: number; native: boolean }[] = [];
    for (const [name, command] of this.byName) {
      const words = name.split(" ");
      if (words.length < 2 || words.length > typed.length) continue;
      const fits = (w: string, i: number) => (w === NUMBER_SLOT ? NUMBER.test(typed[i]!) : w === typed[i]);
      const misses = words.map((w, i) => (fits(w, i) ? -1 : i)).filter((i) => i >= 0);
      if (misses.length !== 1 || misses[0]! < from || words[misses[0]!] === NUMBER_SLOT) continue;
      const at = misses[0]!;
      const distance = closest(typed[at]!, [words[at]!], 1).length > 0 ? levenshtein(typed[at]!, words[at]!) : Infinity;
      if (distance === Infinity) continue;
      const form = words.map((w, i) => (w === NUMBER_SLOT ? tokens[i]!.value : w)).join(" ");
      candidates.push({ form, distance, native: name === this.displayName(command, lang) });
    }
    candidates.sort(
      (a, b) => a.distance - b.distance || Number(b.native) - Number(a.native) || a.form.localeCompare(b.form),
    );
    return candidates[0]?.form;
  }

  /** The name to show in a room of this language. */
  displayName(command: AnyCommand, lang: Lang): string {
    return lang === "es" && command.es ? command.es : command.name;
  }
}
