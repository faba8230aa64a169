import { allTexts } from "../../app/app.js";
import { doc, heading, list, p, pre } from "../../src/kernel/doc.js";
import type { Entry, Lang, TextKey } from "../../src/kernel/i18n/catalog.js";
import type { Params } from "../../src/kernel/i18n/template.js";
import { renderPlain } from "../../src/kernel/render-plain.js";
import { renderMatrixContent } from "../../src/transport/matrix/format.js";
import { pollStartContent } from "../../src/transport/matrix/polls.js";
import { ALICE, createTestBot } from "../support/test-bot.js";

/** What a client, a push rule or a bridge reads as "notify everyone" (links' targets aside: they are ids). */
const WHOLE_ROOM = /@(room|here|channel|everyone)/i;
const textOf = (html: string) => html.replace(/\shref="[^"]*"/g, "");

const texts = allTexts();
const placeholders = (entry: Entry) => {
  const strings = typeof entry === "string" ? [entry] : [entry.one, entry.other];
  return [...new Set(strings.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))];
};
/** A member's words and names, as commands echo them: every placeholder gets a whole-room mention. */
const fillings: ((name: string) => Params[string])[] = [
  () => "@room, @Here and @EVERYONE @channel",
  () => [{ userId: "@room:example.org", name: "@room" }, { name: "x@everyone" }],
];

describe("no message of the bot pings the whole room", () => {
  it("holds for every text of every catalog (kernel, every feature of the registry, transports), in every language", () => {
    let rendered = 0;
    for (const lang of Object.keys(texts.catalogs) as Lang[]) {
      const t = texts.translator(lang);
      for (const [key, entry] of Object.entries(texts.catalogs[lang])) {
        for (const fill of fillings) {
          const params = Object.fromEntries(placeholders(entry).map((name) => [name, fill(name)]));
          const parts = t.t(key as TextKey, params);
          const message = doc(heading(...parts), p(...parts), list([parts]), pre(t.text(key as TextKey, params)));
          const content = renderMatrixContent(message, { kind: "reply" });
          expect([lang, key, content.body]).not.toEqual([lang, key, expect.stringMatching(WHOLE_ROOM)]);
          expect([lang, key, textOf(content.formatted_body)]).not.toEqual([
            lang,
            key,
            expect.stringMatching(WHOLE_ROOM),
          ]);
          expect(renderPlain(message)).toBe(content.body);
          rendered++;
        }
      }
    }
    expect(rendered).toBeGreaterThan(2 * 500);
  });

  it("keeps pills' targets working and the words readable", () => {
    const content = renderMatrixContent(
      doc(p("see ", { kind: "mention", person: { userId: "@room:example.org", name: "Room" } }, " @ROOM")),
      { kind: "reply" },
    );
    expect(content.formatted_body).toBe('<p>see <a href="https://matrix.to/#/@room:example.org">Room</a> ＠ROOM</p>');
    expect(content.body).toBe("see Room ＠ROOM");
  });

  it("holds for a poll's question and answers, shown by clients as the poll itself", () => {
    const poll = pollStartContent(
      { question: "@room meet?", answers: [{ id: "a", text: "yes @here" }], maxSelections: 1, disclosed: true },
      "",
    );
    expect(JSON.stringify(poll)).not.toMatch(WHOLE_ROOM);
  });

  it("holds for a refusal of `@room` in a command, which echoes it", async () => {
    const bot = createTestBot();
    try {
      await bot.say("!ledger thanks @room cooked soup", { sender: ALICE });
      const content = renderMatrixContent(bot.transport.sent.at(-1)!.doc, { kind: "reply" });
      expect(content.body).toContain("room");
      expect(content.body).not.toMatch(WHOLE_ROOM);
      expect(content.formatted_body).not.toMatch(WHOLE_ROOM);
      expect(content["m.mentions"]).toEqual({ user_ids: [] });
    } finally {
      bot.close();
    }
  });
});
