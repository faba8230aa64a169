import { parseContribution, type ContributionResult } from "../../../commands/ledger/rules/contribution.js";
import { CARE_KINDS, type CareKind } from "../../../commands/ledger/rules/kinds.js";

function ok(result: ContributionResult) {
  if (!result.ok) throw new Error(`expected a contribution, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe("parseContribution: kind inferred from English and Spanish words", () => {
  test.each<[string, CareKind]>([
    ["cooked 40 meals", "food"],
    ["made soup for the picket line", "food"],
    ["brought lunch for everyone", "food"],
    ["restocked the pantry", "food"],
    ["baked bread", "food"],
    ["donated 20 kg of rice", "food"],
    ["cocinó 40 comidas", "food"],
    ["preparó la cena del viernes", "food"],
    ["trajo el almuerzo", "food"],
    ["hizo sopa para el piquete", "food"],
    ["babysat during the meeting", "childcare"],
    ["looked after the kids for 3h", "childcare"],
    ["watched the children", "childcare"],
    ["cuidó a los niños durante la asamblea", "childcare"],
    ["se quedó con los peques", "childcare"],
    ["drove 3 nurses to the hospital", "transport"],
    ["gave me a ride home", "transport"],
    ["offered lifts to the rally", "transport"],
    ["llevó a tres compañeras en su coche", "transport"],
    ["nos dio aventón", "transport"],
    ["taught us how to read a payslip", "knowledge"],
    ["ran a workshop on labour law", "knowledge"],
    ["trained the new stewards", "knowledge"],
    ["explained the contract", "knowledge"],
    ["enseñó a usar la app", "knowledge"],
    ["dio un taller de seguridad", "knowledge"],
    ["nos explicó el convenio", "knowledge"],
    ["fixed the printer", "repair"],
    ["repaired two bikes", "repair"],
    ["mended the banner", "repair"],
    ["arregló la impresora", "repair"],
    ["reparó la bici", "repair"],
    ["€50", "money"],
    ["donated €50", "money"],
    ["paid the room rental", "money"],
    ["chipped in 20 EUR", "money"],
    ["donó 30 euros", "money"],
    ["pagó la fotocopiadora", "money"],
    ["paid for the kids' lunch €20", "money"],
    ["listened to me after the meeting", "emotional"],
    ["called me every day when I was sick", "emotional"],
    ["was a great support", "emotional"],
    ["escuchó a Marta", "emotional"],
    ["acompañó a Luis al juicio", "emotional"],
    ["lent her car for 3 days", "transport"],
    ["lent €100 for the bail", "money"],
    ["made 🍲 for 40", "food"],
    ["🚗 to the rally", "transport"],
    ["🔧 the door, then listened", "emotional"],
    ["organised the spreadsheet", "other"],
    ["40", "other"],
    ["🙏", "other"],
  ])("%s → %s", (text, kind) => {
    const contribution = ok(parseContribution(text));
    expect(contribution.kind).toBe(kind);
    expect(contribution.kindExplicit).toBe(false);
  });

  test("a word that merely contains a hint is not a hint", () => {
    expect(ok(parseContribution("cared for the garden")).kind).toBe("other");
    expect(ok(parseContribution("scared the boss")).kind).toBe("other");
  });

  test("a tie goes to the kind hinted first", () => {
    expect(ok(parseContribution("drove the kids to school")).kind).toBe("transport");
    expect(ok(parseContribution("babysat and drove")).kind).toBe("childcare");
  });

  test("more hints of one kind win over an earlier single hint", () => {
    expect(ok(parseContribution("listened, then cooked soup and lunch")).kind).toBe("food");
  });
});

describe("parseContribution: #kind tags", () => {
  test.each<[string, CareKind]>([
    ["drove 3 nurses #transport", "transport"],
    ["#food cooked", "food"],
    ["stuff #comida", "food"],
    ["stuff #rides", "transport"],
    ["stuff #cuidados", "childcare"],
    ["stuff #Childcare", "childcare"],
    ["stuff #reparación", "repair"],
    ["stuff #reparacion", "repair"],
    ["stuff #emotional-support", "emotional"],
    ["stuff #apoyo_emocional", "emotional"],
    ["stuff #dinero", "money"],
    ["stuff #taller", "knowledge"],
    ["cooked 40 meals #other", "other"],
    ["stuff #otro", "other"],
  ])("%s → %s", (text, kind) => {
    const contribution = ok(parseContribution(text));
    expect(contribution.kind).toBe(kind);
    expect(contribution.kindExplicit).toBe(true);
  });

  test("every kind's own name is a tag", () => {
    for (const kind of CARE_KINDS) expect(ok(parseContribution(`did it #${kind}`)).kind).toBe(kind);
  });

  test("the tag overrides the words and is removed from what", () => {
    expect(ok(parseContribution("cooked for the kids #childcare"))).toEqual({
      what: "cooked for the kids",
      kind: "childcare",
      kindExplicit: true,
    });
  });

  test.each([
    ["#transport drove 3 nurses", "drove 3 nurses"],
    ["drove #transport 3 nurses", "drove 3 nurses"],
    ["drove 3 nurses, #transport", "drove 3 nurses"],
    ["#transport: drove 3 nurses", "drove 3 nurses"],
    ["drove 3 nurses #transport, thanks!", "drove 3 nurses, thanks!"],
    ["drove 3 nurses #transport #rides", "drove 3 nurses"],
  ])("%j reads %j", (text, what) => {
    expect(ok(parseContribution(text)).what).toBe(what);
  });

  test("the quantity is still found next to a tag", () => {
    expect(ok(parseContribution("#comida 40 comidas")).quantity).toEqual({ amount: 40, unit: "comidas" });
  });

  test("an unknown tag is a typed error with close suggestions", () => {
    expect(parseContribution("drove 3 nurses #transprot")).toEqual({
      ok: false,
      error: { code: "unknown-kind", tag: "transprot", suggestions: ["transport"] },
    });
    const unknown = parseContribution("cooked #fod");
    expect(unknown.ok).toBe(false);
    if (!unknown.ok && unknown.error.code === "unknown-kind") expect(unknown.error.suggestions[0]).toBe("food");
  });

  test("an unknown tag far from every kind gets no suggestions", () => {
    expect(parseContribution("march #solidarityforever")).toEqual({
      ok: false,
      error: { code: "unknown-kind", tag: "solidarityforever", suggestions: [] },
    });
  });

  test("tags naming different kinds are a typed error", () => {
    expect(parseContribution("soup run #food #transport")).toEqual({
      ok: false,
      error: { code: "several-kinds", kinds: ["food", "transport"] },
    });
  });

  test("#3, #room:server and a#b are not tags", () => {
    expect(ok(parseContribution("cleaned room #3")).what).toBe("cleaned room #3");
    expect(ok(parseContribution("set up #picket:example.org")).what).toBe("set up #picket:example.org");
    expect(ok(parseContribution("wrote C#code")).what).toBe("wrote C#code");
  });

  test("a tag alone leaves nothing to record", () => {
    expect(parseContribution("#food")).toEqual({ ok: false, error: { code: "empty", kind: "food" } });
    expect(parseContribution("  #food ,  ")).toEqual({ ok: false, error: { code: "empty", kind: "food" } });
  });
});

describe("parseContribution: what and quantity", () => {
  test("the example from the design", () => {
    expect(parseContribution("cooked 40 meals")).toEqual({
      ok: true,
      value: { what: "cooked 40 meals", quantity: { amount: 40, unit: "meals" }, kind: "food", kindExplicit: false },
    });
  });

  test("odd whitespace is normalised, the words are kept", () => {
    expect(ok(parseContribution("  cooked\t40   meals\n\nfor  the picket  ")).what).toBe(
      "cooked 40 meals for the picket",
    );
  });

  test("emoji, commas and capitals are kept as typed", () => {
    expect(ok(parseContribution("Cooked 🍲 soup, bread, and LOVE ❤️")).what).toBe("Cooked 🍲 soup, bread, and LOVE ❤️");
  });

  test("no quantity means no quantity field", () => {
    expect(ok(parseContribution("listened")).quantity).toBeUndefined();
    expect("quantity" in ok(parseContribution("listened"))).toBe(false);
  });

  test("a money amount makes the entry money even with other hints", () => {
    const contribution = ok(parseContribution("50 EUR for the kids' bus"));
    expect(contribution.quantity).toEqual({ amount: 50, unit: "EUR" });
    expect(contribution.kind).toBe("money");
  });

  test("whitespace only is empty", () => {
    expect(parseContribution(" \n\t ")).toEqual({ ok: false, error: { code: "empty" } });
  });

  test("punctuation alone is empty, an emoji is not", () => {
    expect(parseContribution('"')).toEqual({ ok: false, error: { code: "empty" } });
    expect(parseContribution("… !")).toEqual({ ok: false, error: { code: "empty" } });
    expect(parseContribution("🍲")).toMatchObject({ ok: true, value: { what: "🍲" } });
  });

  test("decomposed accents are composed so stored text compares equal", () => {
    expect(ok(parseContribution("cocino\u0301 sopa")).what).toBe("cocinó sopa");
    expect(ok(parseContribution("cocino\u0301 sopa")).kind).toBe("food");
  });

  test("very long text is kept whole", () => {
    const long = "cooked soup ".repeat(400).trim();
    const contribution = ok(parseContribution(long));
    expect(contribution.what).toBe(long);
    expect(contribution.kind).toBe("food");
  });
});

describe("parseContribution: hostile input stays fast", () => {
  test.each([
    ["spaces", " ".repeat(50_000) + "x #food"],
    ["hashes", "#".repeat(50_000)],
    ["digits", "1,".repeat(25_000) + "meals"],
    ["tags", "#food ".repeat(10_000) + "soup"],
  ])("%s", (_name, text) => {
    const started = performance.now();
    parseContribution(text);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
