import {
  chooseDecompressionPrompt,
  customCareAct,
  DECOMPRESSION_PROMPTS,
  DEFAULT_CARE_ACTS,
  findCareAct,
  pickWithoutRepeat,
  suggestCareActs,
} from "../../../commands/careplans/rules/index.js";

const ids = (acts: { id: string }[]) => acts.map((a) => a.id);

describe("care catalog", () => {
  it("ships the essential acts with i18n keys", () => {
    expect(ids([...DEFAULT_CARE_ACTS])).toEqual(
      expect.arrayContaining([
        "pantry",
        "hospital-rides",
        "kitchen",
        "childcare",
        "repair-clinic",
        "mental-health-circle",
      ]),
    );
    for (const act of DEFAULT_CARE_ACTS) expect(act.labelKey).toBe(`care.act.${act.id}`);
    expect(new Set(ids([...DEFAULT_CARE_ACTS])).size).toBe(DEFAULT_CARE_ACTS.length);
  });

  it.each([
    ["kitchen", "kitchen"],
    ["solidarity pantry", "pantry"],
    ["Despensa solidaria", "pantry"],
    ["cocina", "kitchen"],
    ["rides for the nurses", "hospital-rides"],
    ["salud mental", "mental-health-circle"],
  ])("finds %j as %s", (text, id) => {
    expect(findCareAct(DEFAULT_CARE_ACTS, text)?.id).toBe(id);
  });

  it("does not guess when nothing matches", () => {
    expect(findCareAct(DEFAULT_CARE_ACTS, "bicycle workshop")).toBeUndefined();
    expect(findCareAct(DEFAULT_CARE_ACTS, "  ")).toBeUndefined();
  });

  it("recognises a room's own act again", () => {
    const own = customCareAct("Bicycle workshop");
    expect(own).toEqual({ id: "room:bicycle-workshop", label: "Bicycle workshop", aliases: ["bicycle workshop"] });
    expect(findCareAct([...DEFAULT_CARE_ACTS, own], "bicycle  WORKSHOP")?.id).toBe("room:bicycle-workshop");
  });
});

describe("suggestCareActs", () => {
  const catalog = DEFAULT_CARE_ACTS.slice(0, 5); // pantry, hospital-rides, kitchen, childcare, repair-clinic

  it("avoids acts used in recent plans", () => {
    expect(ids(suggestCareActs(catalog, ["pantry", "kitchen"], 3))).toEqual([
      "hospital-rides",
      "childcare",
      "repair-clinic",
    ]);
  });

  it("fills with the acts used longest ago when too few are fresh", () => {
    const recent = ["childcare", "pantry", "repair-clinic", "kitchen", "pantry"];
    expect(ids(suggestCareActs(catalog, recent, 3))).toEqual(["hospital-rides", "kitchen", "repair-clinic"]);
  });

  it("varies the starting point with a seed", () => {
    expect(ids(suggestCareActs(catalog, [], 2, 3))).toEqual(["childcare", "repair-clinic"]);
    expect(suggestCareActs(catalog, [], 0)).toEqual([]);
  });
});

describe("decompression prompts", () => {
  it("never repeats the previous prompt in a room", () => {
    let previous: string | null = null;
    for (let pick = 0; pick < 50; pick++) {
      const next = chooseDecompressionPrompt(previous, pick % 3);
      expect(next).not.toBe(previous);
      expect(DECOMPRESSION_PROMPTS).toContain(next);
      previous = next;
    }
  });

  it("still answers when there is only one option", () => {
    expect(pickWithoutRepeat(["only"], "only", 7)).toBe("only");
    expect(() => pickWithoutRepeat([], null, 0)).toThrow(RangeError);
  });
});
