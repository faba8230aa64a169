import { features } from "../../commands/index.js";
import type { AnyCommand } from "../../src/kernel/command.js";
import { NUMBER_SLOT } from "../../src/kernel/command-index.js";
import { LANGUAGES, type Lang } from "../../src/kernel/i18n/catalog.js";
import { createTestBot, MOD, type TestBot } from "../support/test-bot.js";

const commands: AnyCommand[] = features.flatMap((feature) => feature.commands);
const other = (lang: Lang): Lang => (lang === "es" ? "en" : "es");
const nameIn = (command: AnyCommand, lang: Lang): string => (lang === "es" && command.es ? command.es : command.name);
const wordsOf = (names: string[]) => new Set(names.flatMap((name) => name.split(" ")).filter((w) => w !== NUMBER_SLOT));

/** Words that name commands in one language only: "ledger", "join" in English; "registro", "unirme" in Spanish. */
function commandWordsOnlyIn(lang: Lang): Set<string> {
  const mine = wordsOf(commands.map((c) => nameIn(c, lang)));
  const theirs = wordsOf(commands.map((c) => nameIn(c, other(lang))));
  return new Set([...mine].filter((w) => !theirs.has(w)));
}

/** What follows the command's name in each example of a language, when the other language's examples never say it. */
function exampleTextsOnlyIn(lang: Lang): string[] {
  const theirs = commands.flatMap((c) => c.examples[other(lang)]).join("\n");
  return commands.flatMap((c) =>
    c.examples[lang]
      .map((line) => line.split(" ").slice(nameIn(c, lang).split(" ").length).join(" "))
      .filter((rest) => rest.length >= 4 && /\p{L}{3}/u.test(rest) && !theirs.includes(rest)),
  );
}

/** Each command as a member writes it in a reply: the prefix and up to four words after it. */
function commandsWritten(text: string): string[][] {
  return [...text.matchAll(/(?<![\p{L}\d])!(\p{L}[^\s`»”"]*(?: [^\s`»”"!]+){0,3})/gu)].map((m) => m[1]!.split(" "));
}

/**
 * Every word a reply in `lang` uses to name a command, or that an example of the other language
 * holds: such a word in the reply is the other language leaking through.
 */
function foreignIn(text: string, lang: Lang): string[] {
  const foreignWords = commandWordsOnlyIn(other(lang));
  const named = commandsWritten(text).flatMap((words) =>
    words
      .filter((w) => !/^[#\d@]/.test(w))
      .slice(0, 2)
      .filter((w) => foreignWords.has(w.toLocaleLowerCase())),
  );
  const examples = exampleTextsOnlyIn(other(lang)).filter((rest) => text.includes(rest));
  return [...named, ...examples];
}

/** A command's name with a plan or entry number where the name holds one, so it can be typed. */
const typed = (name: string) => name.replace(NUMBER_SLOT, "1");

describe.each(LANGUAGES)("a room in %s", (lang) => {
  let bot: TestBot;
  const say = async (text: string) => (await bot.say(text, { sender: MOD })).join("\n");
  beforeAll(async () => {
    bot = createTestBot();
    await say(`!settings language ${lang}`);
  });
  afterAll(() => bot.close());

  it("speaks its own language in every command's help, usage line, examples and replies", async () => {
    const help = lang === "es" ? "ayuda" : "help";
    const leaks: [string, string, string[]][] = [];
    const check = (command: AnyCommand, said: string, text: string) => {
      const found = foreignIn(text, lang);
      if (found.length > 0) leaks.push([command.name, said, found]);
    };
    check(commands[0]!, `!${help}`, await say(`!${help}`));
    for (const command of commands) {
      const name = nameIn(command, lang);
      check(command, `!${help} ${name}`, await say(`!${help} ${name}`));
      check(command, `!${typed(name)}`, await say(`!${typed(name)}`));
      for (const example of command.examples[lang]) {
        check(command, `!${example}`, await say(`!${example}`));
        // An example may switch the room's language; the next one is read in this room's again.
        await say(`!settings language ${lang}`);
      }
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  it("understands every example of its language without a usage correction", async () => {
    const corrections = lang === "es" ? ["Escríbelo así", "No conozco el comando"] : ["Type it like this", "I don't know the command"];
    const misread: [string, string][] = [];
    for (const command of commands) {
      for (const example of command.examples[lang]) {
        const reply = await say(`!${example}`);
        if (corrections.some((c) => reply.includes(c))) misread.push([example, reply]);
        await say(`!settings language ${lang}`);
      }
    }
    expect(misread).toEqual([]);
  }, 120_000);
});
