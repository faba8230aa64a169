import {
  hostOrder,
  matchPairs,
  nextHost,
  readSkill,
  skillKey,
  skillsBoard,
  type CircleMember,
  type Skill,
} from "../../../commands/circles/rules/index.js";

const member = (userId: string, joinedAt: number, lastHostedAt: number | null = null): CircleMember => ({
  userId,
  joinedAt,
  hostedCount: lastHostedAt === null ? 0 : 1,
  lastHostedAt,
});

describe("circle host rotation", () => {
  it("goes round in the order people joined, then whoever waited longest", () => {
    const members = [member("@bo", 2), member("@ana", 1), member("@cy", 3)];
    expect(hostOrder(members).map((m) => m.userId)).toEqual(["@ana", "@bo", "@cy"]);
    // Ana hosted at 10: she goes to the back of the line.
    expect(hostOrder([member("@ana", 1, 10), member("@bo", 2), member("@cy", 3)]).map((m) => m.userId)).toEqual([
      "@bo",
      "@cy",
      "@ana",
    ]);
  });

  it("lets nobody host twice before everyone who was there has hosted once, newcomers included fairly", () => {
    let members = [member("@ana", 1), member("@bo", 2), member("@cy", 3)];
    const hosts: string[] = [];
    for (let week = 1; week <= 7; week++) {
      const at = 100 * week;
      if (week === 3) members.push(member("@dee", at - 50));
      const host = nextHost(members)!;
      hosts.push(host.userId);
      members = members.map((m) =>
        m.userId === host.userId ? { ...m, hostedCount: m.hostedCount + 1, lastHostedAt: at } : m,
      );
    }
    // Dee joined at 250: she queues behind those waiting since before (Ana since 100, Bo since 200), then hosts before Cy's second turn.
    expect(hosts).toEqual(["@ana", "@bo", "@cy", "@ana", "@bo", "@dee", "@cy"]);
    expect(nextHost([])).toBeUndefined();
  });
});

describe("skill matching", () => {
  const skill = (who: string, kind: "offer" | "want", text: string): Skill => ({
    who,
    kind,
    skill: text,
    skillKey: skillKey(text),
  });

  it("pairs a wanted skill with everyone who offers it, never oneself, ignoring case, accents and spaces", () => {
    const skills = [
      skill("@ana", "offer", "Primeros  Auxilios"),
      skill("@bo", "want", "primeros auxílios"),
      skill("@bo", "offer", "negotiation"),
      skill("@bo", "want", "Negotiation"),
      skill("@cy", "offer", "first aid"),
    ];
    expect(matchPairs(skills, [])).toEqual([
      { teacher: "@ana", learner: "@bo", skill: "Primeros  Auxilios", skillKey: "primeros auxilios" },
    ]);
  });

  it("does not suggest a pair one of them passed on", () => {
    const skills = [
      skill("@ana", "offer", "first aid"),
      skill("@cy", "offer", "first aid"),
      skill("@bo", "want", "first aid"),
    ];
    expect(
      matchPairs(skills, [{ teacher: "@ana", learner: "@bo", skillKey: "first aid" }]).map((p) => p.teacher),
    ).toEqual(["@cy"]);
  });

  it("reads a skill in words, bounded, and lays out the board by skill", () => {
    expect(readSkill("  first   aid ")).toBe("first aid");
    expect(readSkill("1234")).toBeUndefined();
    expect(readSkill("x".repeat(61))).toBeUndefined();
    expect(
      skillsBoard([
        skill("@ana", "offer", "Negotiation"),
        skill("@bo", "want", "negotiation"),
        skill("@cy", "offer", "carpentry"),
      ]),
    ).toEqual([
      { skill: "carpentry", offers: ["@cy"], wants: [] },
      { skill: "Negotiation", offers: ["@ana"], wants: ["@bo"] },
    ]);
  });
});
