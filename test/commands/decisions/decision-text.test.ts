import { matchesSearch, readDecision } from "../../../commands/decisions/rules/decision-text.js";
import { err, ok } from "../../../src/kernel/result.js";

describe("readDecision", () => {
  it("takes tags and a trailing plan out of the text", () => {
    expect(readDecision("We meet on Thursdays #Meetings #rhythm #meetings")).toEqual(
      ok({ text: "We meet on Thursdays", tags: ["meetings", "rhythm"] }),
    );
    expect(readDecision("Refuse overtime plan #3")).toEqual(ok({ text: "Refuse overtime", tags: [], plan: 3 }));
    expect(readDecision("Los turnos rotan #turnos para el plan 2")).toEqual(
      ok({ text: "Los turnos rotan", tags: ["turnos"], plan: 2 }),
    );
  });

  it("keeps a plan mentioned inside the text as text, and refuses a decision with no words", () => {
    expect(readDecision("The plan 3 people wrote is adopted")).toEqual(
      ok({ text: "The plan 3 people wrote is adopted", tags: [] }),
    );
    expect(readDecision("#tag only")).toEqual(ok({ text: "only", tags: ["tag"] }));
    expect(readDecision("#tag")).toEqual(err("empty"));
    expect(readDecision("  …  ")).toEqual(err("empty"));
  });
});

describe("matchesSearch", () => {
  it("finds every word, folding case and accents", () => {
    expect(matchesSearch("Reunión de los jueves", "reunion JUEVES")).toBe(true);
    expect(matchesSearch("Reunión de los jueves", "reunion martes")).toBe(false);
  });
});
