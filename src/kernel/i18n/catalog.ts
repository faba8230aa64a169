export type Entry = string | { one: string; other: string };
export type Catalog = Record<string, Entry>;

/**
 * Every text key Tandem has, filled by each English catalog through declaration merging (the kernel
 * cannot import the features): a misspelled or removed key fails the build, not a member's message.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface TextKeys {}

export type TextKey = keyof TextKeys & string;

/** What follows `prefix` in the keys that start with it: `KeySuffix<"help.group.">` is every help group with a title. */
export type KeySuffix<P extends string> = TextKey extends infer K ? (K extends `${P}${infer S}` ? S : never) : never;

export const LANGUAGES = ["en", "es"] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}
