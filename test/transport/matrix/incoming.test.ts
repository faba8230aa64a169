import { invocationFrom } from "../../../src/transport/matrix/incoming.js";
import { isAllowedInviter } from "../../../src/transport/matrix/rooms.js";

const at = 1_700_000_000_000;

describe("reading commands from decrypted messages", () => {
  test("a text message becomes an invocation with its words (pills read as user ids), mentions and time", () => {
    const inv = invocationFrom("$e", "!r", "@ana:x", at, {
      msgtype: "m.text",
      body: "!ledger thanks Bo cooked",
      format: "org.matrix.custom.html",
      formatted_body: '!ledger thanks <a href="https://matrix.to/#/@bo:x">Bo</a> cooked',
      "m.mentions": { user_ids: ["@bo:x", 7] },
    });
    expect(inv).toEqual({
      eventId: "$e",
      roomId: "!r",
      sender: "@ana:x",
      text: "!ledger thanks @bo:x cooked",
      mentionedUserIds: ["@bo:x"],
      sentAt: at,
    });
  });

  test("notices, emotes and media are not commands", () => {
    for (const msgtype of ["m.notice", "m.emote", "m.image"])
      expect(invocationFrom("$e", "!r", "@a:x", at, { msgtype, body: "!help" })).toBeUndefined();
  });

  test("edits are ignored: a corrected command is not run again", () => {
    expect(
      invocationFrom("$e", "!r", "@a:x", at, {
        msgtype: "m.text",
        body: "* !help",
        "m.new_content": { msgtype: "m.text", body: "!help" },
        "m.relates_to": { rel_type: "m.replace", event_id: "$o" },
      }),
    ).toBeUndefined();
  });

  test("a command in a thread keeps its thread root", () => {
    expect(
      invocationFrom("$e", "!r", "@a:x", at, {
        msgtype: "m.text",
        body: "!help",
        "m.relates_to": { rel_type: "m.thread", event_id: "$root" },
      })?.threadRootId,
    ).toBe("$root");
  });

  test("a reply says what it answers, but a thread's fallback to its latest event is no reply", () => {
    const reply = {
      msgtype: "m.text",
      body: "it is too soon",
      "m.relates_to": { "m.in_reply_to": { event_id: "$poll" } },
    };
    expect(invocationFrom("$e", "!r", "@a:x", at, reply)?.replyTo).toBe("$poll");
    const inThread = {
      rel_type: "m.thread",
      event_id: "$root",
      is_falling_back: true,
      "m.in_reply_to": { event_id: "$latest" },
    };
    expect(
      invocationFrom("$e", "!r", "@a:x", at, { msgtype: "m.text", body: "hi", "m.relates_to": inThread })?.replyTo,
    ).toBeUndefined();
    expect(
      invocationFrom("$e", "!r", "@a:x", at, {
        msgtype: "m.text",
        body: "hi",
        "m.relates_to": { ...inThread, is_falling_back: false },
      })?.replyTo,
    ).toBe("$latest");
  });

  test("the quoted fallback of a reply is not part of the command", () => {
    expect(
      invocationFrom("$e", "!r", "@a:x", at, { msgtype: "m.text", body: "> <@bo:x> earlier text\n> more\n\n!ledger" })
        ?.text,
    ).toBe("!ledger");
    expect(invocationFrom("$e", "!r", "@a:x", at, { msgtype: "m.text", body: "!ledger > 3" })?.text).toBe(
      "!ledger > 3",
    );
    expect(invocationFrom("$e", "!r", "@a:x", at, { msgtype: "m.text", body: "> <@bo:x> hi\n\n!help" })?.text).toBe(
      "!help",
    );
  });

  test("a plain quote (Element's fallback of a quoted message) never runs, even a quote of a quote", () => {
    for (const body of [
      "> !cell wipe confirm\n\nagreed",
      "> > earlier\n> !ledger thanks @ana x\n\nagreed",
      ">!cell wipe confirm",
    ]) {
      expect([body, invocationFrom("$e", "!r", "@a:x", at, { msgtype: "m.text", body })?.text]).toEqual([
        body,
        body.endsWith("agreed") ? "agreed" : undefined,
      ]);
    }
  });

  test("empty texts are ignored", () => {
    expect(invocationFrom("$e", "!r", "@a:x", at, { msgtype: "m.text", body: "  " })).toBeUndefined();
  });
});

describe("who may invite the bot", () => {
  const allowed = ["@ana:example.org", "union.example"];
  test("listed users and users of listed servers", () => {
    expect(isAllowedInviter("@ana:example.org", allowed)).toBe(true);
    expect(isAllowedInviter("@bo:union.example", allowed)).toBe(true);
    expect(isAllowedInviter("@bo:UNION.example", allowed)).toBe(true);
  });
  test("nobody else, including look-alike names", () => {
    expect(isAllowedInviter("@bo:example.org", allowed)).toBe(false);
    expect(isAllowedInviter("@ana:example.org.evil", allowed)).toBe(false);
    expect(isAllowedInviter("@x:evil-union.example", allowed)).toBe(false);
  });
});
