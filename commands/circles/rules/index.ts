export { hostOrder, nextHost, type CircleMember } from "./host.js";
export {
  matchPairs,
  readSkill,
  skillKey,
  skillsBoard,
  MAX_SKILL_CHARS,
  type Pair,
  type Pass,
  type Skill,
} from "./skills.js";
