import { countedResponses, decide, type Ballot, type Response } from "../../../commands/governance/rules/tally.js";
import { readProposal } from "../../../commands/governance/rules/proposal-text.js";
import { readVote } from "../../../commands/governance/rules/vote-words.js";
import { err, ok } from "../../../src/kernel/result.js";

const CONSENT = ["agree", "abstain", "disagree", "block"];
const ballot = (over: Partial<Ballot> = {}): Ballot => ({
  answers: CONSENT,
  eligible: ["a", "b", "c", "d"],
  closesAt: 100,
  quorumPercent: null,
  ...over,
});
const r = (voter: string, choices: string[], at: number): Response => ({ voter, choices, at });
const lists = (rs: Response[], b = ballot()) => countedResponses(rs, b).map((x) => x.choices);

describe("governance tallies", () => {
  it("counts each member's latest answer, whatever order answers arrive in", () => {
    const rs = [r("a", ["disagree"], 10), r("a", ["agree"], 30), r("a", ["block"], 20)];
    expect(lists(rs)).toEqual([["agree"]]);
  });

  it("ignores answers after the close, from non-members, unknown answers, and withdrawn answers", () => {
    const rs = [
      r("a", ["agree"], 10),
      r("a", ["block"], 101),
      r("zed", ["block"], 5),
      r("b", ["maybe"], 5),
      r("c", ["agree"], 5),
      r("c", [], 6),
    ];
    expect(lists(rs)).toEqual([["agree"]]);
  });

  it("adopts with more agree than disagree; a single block stops it; a tie is not adopted", () => {
    expect(decide([["agree"], ["agree"], ["disagree"]], ballot(), true).outcome).toBe("adopted");
    expect(decide([["agree"], ["agree"], ["block"]], ballot(), true).outcome).toBe("blocked");
    expect(decide([["agree"], ["disagree"], ["abstain"]], ballot(), true).outcome).toBe("not_adopted");
    expect(decide([], ballot(), true)).toMatchObject({ outcome: "not_adopted", voters: 0, eligible: 4 });
  });

  it("needs the quorum, abstentions counting as answers", () => {
    expect(decide([["agree"]], ballot({ quorumPercent: 50 }), true).outcome).toBe("no_quorum");
    expect(decide([["agree"], ["abstain"]], ballot({ quorumPercent: 50 }), true).outcome).toBe("adopted");
    expect(decide([["agree"], ["abstain"]], ballot({ quorumPercent: 51 }), true)).toMatchObject({
      outcome: "no_quorum",
      counts: { agree: 1, abstain: 1, disagree: 0, block: 0 },
    });
  });

  it("chooses the option with most votes, counts several choices each, and a tie chooses nothing", () => {
    const choice = ballot({ answers: ["o1", "o2", "o3"] });
    expect(decide([["o1", "o2"], ["o2"], ["o3"]], choice, false)).toMatchObject({
      outcome: "chosen",
      leaders: ["o2"],
      counts: { o1: 1, o2: 2, o3: 1 },
    });
    expect(decide([["o1"], ["o2"]], choice, false)).toMatchObject({ outcome: "tie", leaders: ["o1", "o2"] });
  });

  it("reads a proposal's question, options, max, secrecy and deadline words", () => {
    expect(readProposal("Where do we meet? options: hall | café | online max 2 until friday 18:00")).toEqual(
      ok({
        question: "Where do we meet?",
        secret: false,
        options: ["hall", "café", "online"],
        maxChoices: 2,
        until: "friday 18:00",
      }),
    );
    expect(readProposal("secret We file a grievance")).toMatchObject(
      ok({ secret: true, question: "We file a grievance", options: [] }),
    );
    expect(readProposal("Pick options: one")).toEqual(err("options_few"));
    expect(readProposal("Pick options: a | b max 3")).toEqual(err("max_bad"));
    expect(readProposal("   ")).toEqual(err("empty"));
  });

  it("reads votes in English and Spanish, option numbers, and receipts", () => {
    expect(readVote("de acuerdo", 0, 1)).toEqual(ok({ choices: ["agree"] }));
    expect(readVote("bloqueo", 0, 1)).toEqual(ok({ choices: ["block"] }));
    expect(readVote("agree 7F3A-K2PX", 0, 1)).toEqual(ok({ choices: ["agree"], receipt: "7F3A-K2PX" }));
    expect(readVote("3 1", 3, 2)).toEqual(ok({ choices: ["o1", "o3"] }));
    expect(readVote("1 2 3", 3, 2)).toEqual(err({ code: "too-many", max: 2 }));
    expect(readVote("4", 3, 1)).toEqual(err({ code: "unknown", found: "4" }));
    expect(readVote("none", 0, 1)).toEqual(ok("withdraw"));
  });
});
