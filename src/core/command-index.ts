import type { AnyCommand } from "./command.js";
import { closest } from "./suggest.js";
import type { Token } from "./tokenizer.js";

const MAX_NAME_WORDS = 3;

/** Finds commands by their longest matching name or alias. */
export class CommandIndex {
  private readonly byName = new Map<string, AnyCommand>();

  constructor(readonly all: AnyCommand[]) {
    for (const command of all) {
      for (const name of [command.name, ...(command.aliases ?? [])]) {
        if (this.byName.has(name)) throw new Error(`two commands are named "${name}"`);
        this.byName.set(name, command);
      }
    }
  }

  find(tokens: Token[]): { command: AnyCommand; consumed: number } | undefined {
    for (let n = Math.min(MAX_NAME_WORDS, tokens.length); n >= 1; n--) {
      const words = tokens.slice(0, n);
      if (words.some((w) => w.quoted)) continue;
      const command = this.byName.get(words.map((w) => w.value.toLocaleLowerCase()).join(" "));
      if (command) return { command, consumed: n };
    }
    return undefined;
  }

  get(name: string): AnyCommand | undefined {
    return this.byName.get(name);
  }

  /** Names whose first word is close to an unknown first word. */
  closestNames(word: string): string[] {
    const firstWords = [...this.byName.keys()].map((n) => n.split(" ")[0]!);
    return closest(word, firstWords);
  }

  /** "ledger thanks" for "!ledger thank …", when the family has such a subcommand. */
  closestSubcommand(parent: AnyCommand, word: string): string | undefined {
    const prefix = `${parent.name} `;
    const subs = [...this.byName.keys()].filter((n) => n.startsWith(prefix) && !n.slice(prefix.length).includes(" "));
    const best = closest(word.toLocaleLowerCase(), subs.map((n) => n.slice(prefix.length)), 1)[0];
    return best === undefined ? undefined : prefix + best;
  }

  groups(): Map<string, AnyCommand[]> {
    const groups = new Map<string, AnyCommand[]>();
    for (const command of this.all) groups.set(command.group, [...(groups.get(command.group) ?? []), command]);
    return groups;
  }
}
