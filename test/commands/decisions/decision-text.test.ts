import { matchesSearch, readDecision } from "../../../commands/decisions/rules/decision-text.js";

describe("readDecision", () => {
  it("takes tags and a trailing plan out of the text", () => {
    expect(readDecision("We meet on Thursdays #Meetings #rhythm #meetings")).toEqual({ text: "We meet on Thursdays", tags: ["meetings", "rhythm"] });
    expect(readDecision("Refuse overtime plan #3")).toEqual({ text: "Refuse overtime", tags: [], plan: 3 });
    expect(readDecision("Los turnos rotan #turnos para el plan 2")).toEqual({ text: "Los turnos rotan", tags: ["turnos"], plan: 2 });
  });

  it("keeps a plan mentioned inside the text as text, and refuses a decision with no words", () => {
    expect(readDecision("The plan 3 people wrote is adopted")).toEqual({ text: "The plan 3 people wrote is adopted", tags: [] });
    expect(readDecision("#tag only")).toEqual({ text: "only", tags: ["tag"] });
    expect(readDecision("#tag")).toBeUndefined();
    expect(readDecision("  …  ")).toBeUndefined();
  });
});

describe("matchesSearch", () => {
  it("finds every word, folding case and accents", () => {
    expect(matchesSearch("Reunión de los jueves", "reunion JUEVES")).toBe(true);
    expect(matchesSearch("Reunión de los jueves", "reunion martes")).toBe(false);
  });
});
