import { IANAZone } from "luxon";
import { commandsOf } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { LANGUAGES, isLang } from "../../src/kernel/i18n/catalog.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
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
  render: ({ language, timezone }, { t }) => doc(p(...t.t("settings.current", { language: t.text(`language.${language}`), timezone }))),
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
  run({ language }, ctx) {
    const lang = language.toLocaleLowerCase();
    if (!isLang(lang)) throw new UserError("settings.language.unknown", { found: language, choices: LANGUAGES.join(", ") });
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
  examples: { en: ["settings timezone Europe/Madrid", "settings timezone America/Mexico_City"], es: ["ajustes zona Europe/Madrid", "ajustes zona America/Mexico_City"] },
  level: Level.Moderator,
  params: { timezone: param.word({ max: 64 }) },
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
  examples: { en: ["settings quorum 50%", "settings quorum none"], es: ["ajustes quórum 50%", "ajustes quórum ninguno"] },
  level: Level.Moderator,
  params: { quorum: param.word({ max: 12 }) },
  run({ quorum }, ctx) {
    const none = /^(none|no|off|ninguno|nada)$/i.test(quorum);
    const m = /^(\d{1,3})\s*%?$/.exec(quorum);
    const percent = none ? null : m ? Number(m[1]) : NaN;
    if (percent !== null && !(percent >= 1 && percent <= 100)) throw new UserError("settings.quorum.bad", { found: quorum });
    ctx.slice.quorum.set(ctx.roomId, percent);
    return { percent };
  },
  render: ({ percent }, { t }) => doc(p(...t.t(percent === null ? "settings.quorum.none" : "settings.quorum.done", { percent: percent ?? 0 }))),
});

export const settingsCommands = [showSettings, setLanguage, setTimezone, setQuorum];
