import { features } from "../../commands/index.js";
import { kernelTexts } from "../../src/kernel/i18n/index.js";
import { labelKey } from "../../src/kernel/params.js";

/**
 * What members call a parameter ("Something is missing: request number") is the kernel's shared
 * label or one its own feature wrote: a label borrowed from another feature named the fund's
 * request number "action at when".
 */
describe("parameter labels", () => {
  const cases = features.flatMap((feature) =>
    feature.commands.flatMap((command) =>
      Object.keys(command.params).map((name) => ({
        feature,
        command: command.name,
        key: labelKey(command.params, name),
      })),
    ),
  );

  it.each(["en", "es"] as const)("come from the kernel or the command's own feature (%s)", (lang) => {
    const borrowed = cases
      .filter(({ feature, key }) => !(key in kernelTexts[lang]) && !(key in feature.texts[lang]))
      .map(({ command, key }) => `${command}: ${key}`);
    expect(borrowed).toEqual([]);
  });
});
