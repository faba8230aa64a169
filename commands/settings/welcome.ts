import { commandsOf, type RenderContext } from "../../src/kernel/command.js";
import { doc, p, type Block, type Doc } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import type { JoinContext } from "../../src/kernel/feature.js";
import type { Person } from "../../src/kernel/invocation.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import type { RoomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import { cleanInput, excerpt } from "../../src/kernel/text-hygiene.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import { nextMeetingAt } from "../meetings/index.js";
import type { SettingsSlice } from "./services.js";

const command = commandsOf<SettingsSlice>();

const ON = /^(on|yes|si|sí|activar|encender|activo|activa)$/iu;
const OFF = /^(off|no|desactivar|apagar|inactivo|inactiva)$/iu;
const DEFAULT = /^(default|reset|predeterminado|predeterminada|original)$/iu;
/** Who to ask: a few names are an answer, a long list is not. */
const MAX_ASK = 3;
const CHARTER_EXCERPT = 200;

interface WelcomeParts {
  /** Who the greeting is for; absent in a moderator's preview. */
  member?: Person;
  text: string | null;
  askWho: readonly Person[];
  charter: { title: string; body: string } | undefined;
  jobs: RoomJobs;
}

/** The welcome: the cell's words (or Tandem's), who to ask, the charter's opening, how to start, the next meeting. */
function welcomeBlocks({ member, text, askWho, charter, jobs }: WelcomeParts, view: RenderContext): Block[] {
  const blocks: Block[] = [];
  if (member) blocks.push(p(...view.t.t("welcome.hello", { who: member })));
  blocks.push(p(...(text === null ? view.t.t("welcome.default") : [text])));
  if (askWho.length > 0) blocks.push(p(...view.t.t("welcome.ask", { who: [...askWho] })));
  if (charter)
    blocks.push(
      p(...view.t.t("welcome.charter", { title: charter.title, text: excerpt(charter.body, CHARTER_EXCERPT) })),
    );
  blocks.push(p(...view.t.t("welcome.start", { help: view.hint("help") })));
  const meeting = nextMeetingAt(jobs);
  if (meeting !== null)
    blocks.push(
      p(...view.t.t("welcome.meeting", { when: formatWhen(meeting, view.settings.timezone, view.t.lang, view.now) })),
    );
  return blocks;
}

/** What the room reads when a person joins it, if the cell turned the welcome on. */
export function greet(ctx: JoinContext<SettingsSlice>): Doc | null {
  const welcome = ctx.slice.welcome.get(ctx.roomId);
  if (!welcome.enabled) return null;
  const askWho = ctx
    .people()
    .filter((m) => m.userId !== ctx.member.userId && ctx.levelOf(m.userId) >= Level.Moderator)
    .slice(0, MAX_ASK)
    .map((m) => ctx.personOf(m.userId));
  return doc(
    ...welcomeBlocks(
      { member: ctx.member, text: welcome.text, askWho, charter: ctx.slice.charterOpening(ctx.roomId), jobs: ctx.jobs },
      ctx,
    ),
  );
}

export const welcomeSwitch = command({
  name: "settings welcome",
  es: "ajustes bienvenida",
  group: "settings",
  summary: "settings.welcome.summary",
  examples: {
    en: ["settings welcome on", "settings welcome off", "settings welcome"],
    es: ["ajustes bienvenida activar", "ajustes bienvenida desactivar", "ajustes bienvenida"],
  },
  level: Level.Moderator,
  params: { state: param.word({ max: 20, optional: true }) },
  uses: ["jobs"],
  run({ state }, ctx) {
    if (state !== undefined) {
      if (!ON.test(state) && !OFF.test(state))
        throw new UserError("settings.welcome.bad", {
          found: state,
          on: ctx.hint("settings welcome", { state: ctx.t.text("settings.welcome.on_word") }),
          off: ctx.hint("settings welcome", { state: ctx.t.text("settings.welcome.off_word") }),
        });
      ctx.slice.welcome.setEnabled(ctx.roomId, ON.test(state), ctx.now);
    }
    const welcome = ctx.slice.welcome.get(ctx.roomId);
    return {
      changed: state !== undefined,
      ...welcome,
      preview: welcomeBlocks(
        { text: welcome.text, askWho: [], charter: ctx.slice.charterOpening(ctx.roomId), jobs: ctx.jobs },
        ctx,
      ),
    };
  },
  render({ changed, enabled, preview }, view) {
    const onOff = {
      on: view.hint("settings welcome", { state: view.t.text("settings.welcome.on_word") }),
      off: view.hint("settings welcome", { state: view.t.text("settings.welcome.off_word") }),
    };
    const state = p(
      ...view.t.t(
        enabled
          ? changed
            ? "settings.welcome.now_on"
            : "settings.welcome.is_on"
          : changed
            ? "settings.welcome.now_off"
            : "settings.welcome.is_off",
        onOff,
      ),
    );
    if (!enabled && changed) return doc(state);
    return doc(
      state,
      p(...view.t.t("settings.welcome.preview", { edit: view.hint("settings welcome text", { text: "…" }) })),
      ...preview,
    );
  },
});

export const welcomeText = command({
  name: "settings welcome text",
  es: "ajustes bienvenida texto",
  group: "settings",
  summary: "settings.welcome.text.summary",
  examples: {
    en: [
      "settings welcome text Welcome! We meet on Thursdays; ask anything, nobody minds.",
      "settings welcome text default",
    ],
    es: [
      "ajustes bienvenida texto ¡Bienvenida! Nos reunimos los jueves; pregunta lo que quieras.",
      "ajustes bienvenida texto predeterminado",
    ],
  },
  level: Level.Moderator,
  params: { text: param.rest({ max: 1000 }) },
  run({ text }, ctx) {
    const cleaned = cleanInput(text).trim();
    const own = DEFAULT.test(cleaned) ? null : cleaned;
    ctx.slice.welcome.setText(ctx.roomId, own, ctx.now);
    return { own: own !== null, enabled: ctx.slice.welcome.get(ctx.roomId).enabled };
  },
  render({ own, enabled }, view) {
    const blocks = [
      p(
        ...view.t.t(own ? "settings.welcome.text.done" : "settings.welcome.text.default", {
          show: view.hint("settings welcome"),
        }),
      ),
    ];
    if (!enabled)
      blocks.push(
        p(
          ...view.t.t("settings.welcome.text.turn_on", {
            on: view.hint("settings welcome", { state: view.t.text("settings.welcome.on_word") }),
          }),
        ),
      );
    return doc(...blocks);
  },
});
