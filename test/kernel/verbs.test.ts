import type { AnyCommand } from "../../src/kernel/command.js";
import { CommandIndex } from "../../src/kernel/command-index.js";
import { Level } from "../../src/kernel/level.js";
import { tokenize } from "../../src/kernel/tokenizer.js";
import { variantsOf } from "../../src/kernel/verbs.js";

const named = (name: string, es?: string): AnyCommand => ({
  name,
  ...(es ? { es } : {}),
  group: "help",
  summary: "help.summary",
  examples: { en: [], es: [] },
  level: Level.Member,
  params: {},
  run: () => undefined,
  render: () => [],
});

const found = (index: CommandIndex, text: string) => index.find(tokenize(text))?.command.name;

describe("the verbs a Spanish speaker tries first", () => {
  it("gives every name its synonyms and its unaccented form, the name itself first", () => {
    const forms = variantsOf("carta iniciar");
    expect(forms[0]).toBe("carta iniciar");
    expect(forms).toEqual(expect.arrayContaining(["carta empezar", "carta comenzar", "carta arrancar"]));
    expect(variantsOf("rotación saltar")).toEqual(["rotación saltar", "rotacion saltar"]);
    expect(variantsOf("plan # unirme")).toEqual(expect.arrayContaining(["plan # sumarme", "plan # apuntarme"]));
  });

  it("lets each family take them alike, while written names always win", () => {
    const index = new CommandIndex([
      named("charter start", "carta iniciar"),
      named("assembly start", "asamblea empezar"),
      named("charter show", "carta ver"),
      named("charter stop", "carta parar"),
      named("charter end", "carta detener"),
    ]);
    expect(found(index, "carta comenzar")).toBe("charter start");
    expect(found(index, "asamblea iniciar")).toBe("assembly start");
    expect(found(index, "carta mostrar")).toBe("charter show");
    // "detener" is written for one command, so its synonym "parar" stays the other's.
    expect(found(index, "carta parar")).toBe("charter stop");
    expect(found(index, "carta detener")).toBe("charter end");
  });

  it("gives a variant two commands could claim to neither", () => {
    const index = new CommandIndex([named("cell wipe", "célula borrar"), named("cell drop", "célula eliminar")]);
    expect(found(index, "célula borrar")).toBe("cell wipe");
    expect(found(index, "célula eliminar")).toBe("cell drop");
    expect(found(index, "célula quitar")).toBeUndefined();
  });
});
