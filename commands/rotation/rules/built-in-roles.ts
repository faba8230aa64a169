import type { Lang } from "../../../src/kernel/i18n/catalog.js";

/**
 * Tandem's own role words (its suggestions, the fund's default keeper) in each language. Either
 * word names the same role, so a Spanish room's `tesorería` keeps a fund whose keeper is the
 * default `treasurer`, and `!rol unirme treasurer` finds it.
 */
const BUILT_IN_ROLES: readonly Readonly<Record<Lang, string>>[] = [
  { en: "facilitator", es: "facilitación" },
  { en: "treasurer", es: "tesorería" },
  { en: "spokesperson", es: "portavoz" },
];

const builtIn = (name: string) => BUILT_IN_ROLES.find((role) => Object.values(role).includes(name.toLowerCase()));

/** The other words that name the same built-in role; none for a role the members named themselves. */
export function sameRoleNames(name: string): string[] {
  const role = builtIn(name);
  return role ? Object.values(role).filter((word) => word !== name.toLowerCase()) : [];
}

/** A role's name as a room of this language reads it: Tandem's own words translated, the members' words as typed. */
export function roleWord(name: string, lang: Lang): string {
  return builtIn(name)?.[lang] ?? name;
}
