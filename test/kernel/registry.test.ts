import { features } from "../../commands/index.js";
import { allTexts } from "../../app/app.js";
import { CommandIndex } from "../../src/kernel/command-index.js";
import { LANGUAGES } from "../../src/kernel/i18n/catalog.js";
import { tokenize } from "../../src/kernel/tokenizer.js";

const { catalogs } = allTexts();
const commands = features.flatMap((feature) => feature.commands.map((command) => ({ feature: feature.name, command })));

describe("the feature registry", () => {
  it("gives every feature the same text keys in English and Spanish", () => {
    for (const feature of features) {
      expect([feature.name, Object.keys(feature.texts.es).sort()]).toEqual([
        feature.name,
        Object.keys(feature.texts.en).sort(),
      ]);
    }
  });

  it("gives every command a summary, a help group and labels for its arguments, in every language", () => {
    for (const { feature, command } of commands) {
      const keys = [
        command.summary,
        `help.group.${command.group}`,
        ...Object.keys(command.params).map((name) => `arg.${name}`),
      ];
      for (const lang of LANGUAGES) {
        const missing = keys.filter((key) => catalogs[lang][key] === undefined);
        expect([feature, command.name, lang, missing]).toEqual([feature, command.name, lang, []]);
      }
    }
  });

  it("writes no command by hand in any text: hints are generated, in the room's prefix and language", () => {
    for (const lang of LANGUAGES) {
      const handWritten = Object.entries(catalogs[lang]).filter(([, entry]) =>
        /`!\p{L}/u.test(typeof entry === "string" ? entry : `${entry.one} ${entry.other}`),
      );
      expect([lang, handWritten]).toEqual([lang, []]);
    }
  });

  it("gives every scheduled post its line in !schedule, in every language", () => {
    for (const feature of features) {
      for (const kind of Object.keys(feature.posts ?? {})) {
        for (const lang of LANGUAGES)
          expect([kind, lang, catalogs[lang][`schedule.kind.${kind}`] !== undefined]).toEqual([kind, lang, true]);
      }
    }
  });

  it("gives every command at least one example in each language, and each example runs that command", () => {
    const index = new CommandIndex(commands.map(({ command }) => command));
    for (const { feature, command } of commands) {
      for (const lang of LANGUAGES) {
        expect([feature, command.name, lang, command.examples[lang].length > 0]).toEqual([
          feature,
          command.name,
          lang,
          true,
        ]);
        for (const example of command.examples[lang]) {
          expect([example, index.find(tokenize(example))?.command.name]).toEqual([example, command.name]);
        }
      }
    }
  });
});
