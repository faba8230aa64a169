import type { AnyCommand } from "./command.js";
import type { Lang } from "./i18n/catalog.js";
import { closest } from "./suggest.js";
import type { Token } from "./tokenizer.js";

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
      const shaped = this.byName.get(words.map((w, i) => (i > 0 && NUMBER.test(w.value) ? NUMBER_SLOT : w.value.toLocaleLowerCase())).join(" "));
      if (shaped) return { command: shaped, consumed: n, slots };
    }
    return undefined;
  }

  /** A command by its canonical (English) name. */
  byCanonicalName(name: string): AnyCommand | undefined {
    return this.byCanonical.get(name);
  }

  /** Names whose first word is close to an unknown first word (never the word itself). */
  closestNames(word: string): string[] {
    const firstWords = [...this.byName.keys()].filter((n) => !n.includes(NUMBER_SLOT)).map((n) => n.split(" ")[0]!);
    return closest(word, firstWords.filter((w) => w !== word));
  }

  /** "ledger thanks" for "!ledger thank …", when the family has such a subcommand (in the room's language). */
  closestSubcommand(parent: AnyCommand, word: string, lang: Lang): string | undefined {
    const names = lang === "es" && parent.es ? [parent.es, parent.name] : [parent.name, ...(parent.es ? [parent.es] : [])];
    for (const base of names) {
      const prefix = `${base} `;
      const subs = [...this.byName.keys()].filter((n) => n.startsWith(prefix) && !n.slice(prefix.length).includes(" "));
      const best = closest(word.toLocaleLowerCase(), subs.map((n) => n.slice(prefix.length)), 1)[0];
      if (best !== undefined) return this.displayName(this.byName.get(prefix + best)!, lang);
    }
    return undefined;
  }

  /** The name to show in a room of this language. */
  displayName(command: AnyCommand, lang: Lang): string {
    return lang === "es" && command.es ? command.es : command.name;
  }
}
