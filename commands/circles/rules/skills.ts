/** A skill someone offers to teach or wants to learn; `who` is a user id or `name:<name>`. */
export interface Skill {
  who: string;
  kind: "offer" | "want";
  skill: string;
  skillKey: string;
}

/** A pair one of them declined. */
export interface Pass {
  teacher: string;
  learner: string;
  skillKey: string;
}

export interface Pair {
  teacher: string;
  learner: string;
  skill: string;
  skillKey: string;
}

export const MAX_SKILL_CHARS = 60;

/** "First  Aid", "primeros auxílios": compared without case, accents or extra spaces. */
export function skillKey(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase().replace(/\s+/g, " ").trim();
}

/** A skill as written, tidied; undefined when it holds no letter or is too long. */
export function readSkill(raw: string): string | undefined {
  const text = raw.replace(/\s+/g, " ").trim();
  if (!/\p{L}/u.test(text) || [...text].length > MAX_SKILL_CHARS) return undefined;
  return text;
}

/**
 * Who could teach what someone asked to learn: every wanted skill matched with each person who
 * offers it (never oneself), except the pairs one of them passed on. Ordered by skill, then learner.
 */
export function matchPairs(skills: readonly Skill[], passes: readonly Pass[]): Pair[] {
  const passed = new Set(passes.map((p) => `${p.teacher}\n${p.learner}\n${p.skillKey}`));
  const pairs: Pair[] = [];
  for (const want of skills.filter((s) => s.kind === "want")) {
    for (const offer of skills.filter(
      (s) => s.kind === "offer" && s.skillKey === want.skillKey && s.who !== want.who,
    )) {
      if (!passed.has(`${offer.who}\n${want.who}\n${want.skillKey}`))
        pairs.push({ teacher: offer.who, learner: want.who, skill: offer.skill, skillKey: want.skillKey });
    }
  }
  return pairs.sort(
    (a, b) =>
      a.skillKey.localeCompare(b.skillKey) || a.learner.localeCompare(b.learner) || a.teacher.localeCompare(b.teacher),
  );
}

/** What a room's skills look like by skill: who offers it and who wants it. */
export function skillsBoard(skills: readonly Skill[]): { skill: string; offers: string[]; wants: string[] }[] {
  const bySkill = new Map<string, { skill: string; offers: string[]; wants: string[] }>();
  for (const s of skills) {
    const entry = bySkill.get(s.skillKey) ?? { skill: s.skill, offers: [], wants: [] };
    (s.kind === "offer" ? entry.offers : entry.wants).push(s.who);
    bySkill.set(s.skillKey, entry);
  }
  return [...bySkill.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
}
