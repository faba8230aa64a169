import { features } from "../../commands/index.js";
import type { AnyCommand } from "../../src/kernel/command.js";
import { NUMBER_SLOT } from "../../src/kernel/command-index.js";
import { LANGUAGES, type Lang } from "../../src/kernel/i18n/catalog.js";
import { allTexts } from "../../app/app.js";
import { createTestBot, MOD, type TestBot } from "../support/test-bot.js";

const { catalogs } = allTexts();

const commands: AnyCommand[] = features.flatMap((feature) => feature.commands);
const DAY = 24 * 60 * 60 * 1000;
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

const lettersOf = (text: string) => text.toLocaleLowerCase().match(/\p{L}{3,}/gu) ?? [];

/** Words of one language's examples that the other language never uses, in its examples or its texts ("from", "cooked"; "cocinó", "cada"). */
function exampleWordsOnlyIn(lang: Lang): Set<string> {
  const texts = (l: Lang) =>
    Object.values(catalogs[l]).flatMap((e) => (typeof e === "string" ? [e] : [e.one, e.other]));
  // A text's {placeholders} are names for code, not words it says.
  const said = (l: Lang) => [
    ...commands.flatMap((c) => c.examples[l]),
    ...texts(l).map((text) => text.replace(/\{\w+\}/g, " ")),
  ];
  const theirs = new Set(said(other(lang)).flatMap(lettersOf));
  return new Set(
    commands
      .flatMap((c) => c.examples[lang])
      .flatMap(lettersOf)
      .filter((w) => !theirs.has(w)),
  );
}

/** Whether the text holds these words as words ("undo" is not in "segundo"). */
function saysWords(text: string, words: string): boolean {
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, "u").test(text);
}

/** Each command as a member writes it in a reply: the prefix and up to eight words after it. */
function commandsWritten(text: string): string[][] {
  // A room id (`!cell:test.org`) is not a command.
  return [...text.matchAll(/(?<![\p{L}\d])!(\p{L}[^\s`»”":]*(?![^\s]*:)(?: [^\s`»”"!]+){0,7})/gu)].map((m) =>
    m[1]!.split(" "),
  );
}

const foreign = new Map<Lang, { foreignWords: Set<string>; exampleTexts: string[]; exampleWords: Set<string> }>();
function foreignTo(lang: Lang) {
  let words = foreign.get(lang);
  if (!words) {
    words = {
      foreignWords: commandWordsOnlyIn(other(lang)),
      exampleTexts: exampleTextsOnlyIn(other(lang)),
      exampleWords: exampleWordsOnlyIn(other(lang)),
    };
    foreign.set(lang, words);
  }
  return words;
}

/**
 * Every word a reply in `lang` uses to name a command, or that an example of the other language
 * holds: such a word in the reply is the other language leaking through.
 */
function foreignIn(text: string, lang: Lang): string[] {
  const { foreignWords, exampleTexts, exampleWords } = foreignTo(lang);
  const named = commandsWritten(text).flatMap((words) =>
    words
      .filter((w) => !/^[#\d@]/.test(w))
      .slice(0, 2)
      .filter((w) => foreignWords.has(w.toLocaleLowerCase())),
  );
  const examples = exampleTexts.filter((rest) => saysWords(text, rest));
  // What a hint fills in after the name: the other language's example words never belong there.
  const filled = commandsWritten(text).flatMap((words) =>
    lettersOf(words.join(" ")).filter((w) => exampleWords.has(w)),
  );
  return [...named, ...examples, ...filled];
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

  it("speaks its own language in every command's help, usage line, examples, replies and the posts they schedule", async () => {
    const help = lang === "es" ? "ayuda" : "help";
    const leaks: [string, string, string[]][] = [];
    const check = (source: string, said: string, text: string) => {
      // What the member typed may come back quoted ("I don't know !role"): only the bot's own words count.
      const found = foreignIn(text.replaceAll(said, ""), lang);
      if (found.length > 0) leaks.push([source, said, found]);
    };
    check("help", `!${help}`, await say(`!${help}`));
    for (const feature of features) {
      for (const command of feature.commands) {
        const name = nameIn(command, lang);
        check(command.name, `!${help} ${name}`, await say(`!${help} ${name}`));
        check(command.name, `!${typed(name)}`, await say(`!${typed(name)}`));
        // A slip of the finger: "did you mean" answers in the room's words.
        const slip = `!${typed(name).slice(0, -1)}`;
        check(command.name, slip, await say(slip));
        for (const example of command.examples[lang]) {
          check(command.name, `!${example}`, await say(`!${example}`));
          // An example may switch the room's language; the next one is read in this room's again.
          await say(`!settings language ${lang}`);
        }
      }
      // What the examples scheduled (reminders, announcements, openers) speaks the room's language too.
      for (let day = 1; day <= 8; day++) {
        const posts = await bot.tickTo(new Date(bot.clock.now + DAY).toISOString());
        check(feature.name, `posts, day ${day}`, posts.join("\n"));
      }
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  it("understands every example of its language without a usage correction", async () => {
    const corrections =
      lang === "es" ? ["Escríbelo así", "No conozco el comando"] : ["Type it like this", "I don't know the command"];
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
