import { IANAZone } from "luxon";
import { commandsOf, type CommandContext } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { LANGUAGES, isLang } from "../../src/kernel/i18n/catalog.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import type { Quorum } from "../governance/index.js";
import type { SettingsSlice } from "./services.js";

const command = commandsOf<SettingsSlice>();

export const showSettings = command({
  name: "settings",
  es: "ajustes",
  group: "settings",
  summary: "settings.summary",
  examples: { en: ["settings"], es: ["ajustes"] },
  level: Level.Member,
  params: {},
  run: (_args, ctx) => ctx.settings,
  render: ({ language, timezone }, { t }) =>
    doc(p(...t.t("settings.current", { language: t.text(`language.${language}`), timezone }))),
});

export const setLanguage = command({
  name: "settings language",
  es: "ajustes idioma",
  group: "settings",
  summary: "settings.language.summary",
  examples: { en: ["settings language es", "settings language en"], es: ["ajustes idioma es", "ajustes idioma en"] },
  level: Level.Moderator,
  // A word, not a choice: an unknown language gets its own answer naming the ones Tandem speaks.
  params: { language: param.word() },
  uses: ["kernel"],
  run({ language }, ctx) {
    const lang = language.toLocaleLowerCase();
    if (!isLang(lang))
      throw new UserError("settings.language.unknown", { found: language, choices: LANGUAGES.join(", ") });
    ctx.slice.setLanguage(ctx.roomId, lang, ctx.now);
    // The answer is already in the new language. Rendering only has the room's old translator, so
    // the words are chosen here, with a translator for the language just set.
    const t = ctx.kernel.translator(lang);
    return t.t("settings.language.done", { language: t.text(`language.${lang}`) });
  },
  render: (words) => doc(p(...words)),
});

export const setTimezone = command({
  name: "settings timezone",
  es: "ajustes zona",
  aliases: ["settings tz"],
  group: "settings",
  summary: "settings.timezone.summary",
  examples: {
    en: ["settings timezone Europe/Madrid", "settings timezone America/Mexico_City"],
    es: ["ajustes zona Europe/Madrid", "ajustes zona America/Mexico_City"],
  },
  level: Level.Moderator,
  params: { timezone: param.word({ max: 64 }) },
  uses: ["jobs"],
  run({ timezone }, ctx) {
    if (!IANAZone.isValidZone(timezone)) throw new UserError("settings.timezone.unknown", { found: timezone });
    // Intl spells the zone canonically ("europe/madrid" → "Europe/Madrid").
    const canonical = new Intl.DateTimeFormat("en", { timeZone: timezone }).resolvedOptions().timeZone;
    ctx.slice.setTimezone(ctx.roomId, canonical, ctx.now);
    // Scheduled posts keep their local time: 09:00 stays 09:00 in the new zone.
    ctx.jobs.replan(canonical);
    return { timezone: canonical };
  },
  render: ({ timezone }, { t }) => doc(p(...t.t("settings.timezone.done", { timezone }))),
});

export const setQuorum = command({
  name: "settings quorum",
  es: "ajustes quórum",
  aliases: ["ajustes quorum"],
  group: "settings",
  summary: "settings.quorum.summary",
  examples: {
    en: ["settings quorum 3 people", "settings quorum 50%", "settings quorum none"],
    es: ["ajustes quórum 3 personas", "ajustes quórum 50%", "ajustes quórum ninguno"],
  },
  level: Level.Moderator,
  params: { quorum: param.rest({ max: 24 }) },
  run({ quorum: typed }, ctx) {
    const quorum = readQuorum(typed, ctx);
    ctx.slice.quorum.set(ctx.roomId, quorum);
    return { quorum };
  },
  render({ quorum }, { t }) {
    if (quorum === null) return doc(p(...t.t("settings.quorum.none")));
    return doc(
      p(
        ...("people" in quorum
          ? t.t("settings.quorum.people", { count: quorum.people })
          : t.t("settings.quorum.done", { percent: quorum.percent })),
      ),
    );
  },
});

const PERCENT = /^(\d{1,4})\s*(%|percent|per cent|por ?ciento)$/i;
const PEOPLE = /^(\d{1,6})\s*(people|persons?|members?|personas?|miembros?)$/i;

/**
 * "30%" is a share of members and "3 people" (or "3 personas") a number of them. A bare number could
 * be either, and most people mean people while the old form meant percent: ask rather than guess.
 */
function readQuorum(typed: string, ctx: CommandContext<SettingsSlice>): Quorum | null {
  const text = typed.trim();
  if (/^(none|no|off|ninguno|nada)$/i.test(text)) return null;
  const percent = PERCENT.exec(text);
  if (percent && Number(percent[1]) >= 1 && Number(percent[1]) <= 100) return { percent: Number(percent[1]) };
  const people = PEOPLE.exec(text);
  if (people && Number(people[1]) >= 1 && Number(people[1]) <= MAX_QUORUM_PEOPLE) return { people: Number(people[1]) };
  const bare = /^\d{1,6}$/.exec(text);
  if (bare && Number(text) >= 1) {
    const n = Number(text);
    throw new UserError("settings.quorum.which", {
      people: ctx.hint("settings quorum", {
        quorum: `${n} ${ctx.t.text(n === 1 ? "settings.quorum.person_word" : "settings.quorum.people_word")}`,
      }),
      percent:
        n <= 100 ? ctx.hint("settings quorum", { quorum: `${n}%` }) : ctx.hint("settings quorum", { quorum: "50%" }),
      count: n,
    });
  }
  throw new UserError("settings.quorum.bad", {
    found: text,
    people: ctx.hint("settings quorum", { quorum: `3 ${ctx.t.text("settings.quorum.people_word")}` }),
  });
}

/** A quorum larger than any committee is a typo. */
const MAX_QUORUM_PEOPLE = 10_000;

export const settingsCommands = [showSettings, setLanguage, setTimezone, setQuorum];
