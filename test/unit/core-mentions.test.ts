import { commandText, resolvePerson } from "../../src/core/mentions.js";
import type { Invocation } from "../../src/core/invocation.js";
import type { RoomView } from "../../src/transport/port.js";

const room: RoomView = {
  members: () => [
    { userId: "@ana:example.org", displayName: "Ana Pérez" },
    { userId: "@bo:example.org", displayName: "Bo" },
    { userId: "@bo:other.net", displayName: "Bo from nights" },
    { userId: "@cy:example.org" },
  ],
  powerLevel: () => 0,
  homeServerName: () => "example.org",
};

const inv = (over: Partial<Invocation>): Invocation => ({ eventId: "$1", roomId: "!r", sender: "@me:example.org", text: "", sentAt: 0, ...over });

describe("commandText", () => {
  it("turns Element pills into user ids", () => {
    const text = commandText(
      inv({
        text: "!ledger thanks Ana Pérez cooked 40 meals",
        html: '!ledger thanks <a href="https://matrix.to/#/@ana:example.org">Ana Pérez</a> cooked 40 meals',
      }),
      room,
    );
    expect(text).toBe("!ledger thanks @ana:example.org cooked 40 meals");
  });

  it("decodes entities, percent-encoded ids and drops the reply fallback", () => {
    const html = '<mx-reply><blockquote>old</blockquote></mx-reply>!ledger thanks <a href="https://matrix.to/#/%40cy%3Aexample.org?via=x">cy</a> fixed the &lt;bike&gt; &amp; lights';
    expect(commandText(inv({ text: "x", html }), room)).toBe("!ledger thanks @cy:example.org fixed the <bike> & lights");
  });

  it("uses m.mentions when the body holds only a display name", () => {
    const text = commandText(inv({ text: "!ledger thanks Ana Pérez cooked soup", mentionedUserIds: ["@ana:example.org"] }), room);
    expect(text).toBe("!ledger thanks @ana:example.org cooked soup");
  });

  it("drops a plain-text reply fallback", () => {
    expect(commandText(inv({ text: "> <@bo:example.org> hello\n\n!ledger" }), room)).toBe("!ledger");
  });
});

describe("resolvePerson", () => {
  it("resolves full user ids with their display names", () => {
    expect(resolvePerson("@ana:example.org", "!r", room)).toEqual({ userId: "@ana:example.org", name: "Ana Pérez" });
    expect(resolvePerson("@zed:elsewhere.org", "!r", room)).toEqual({ userId: "@zed:elsewhere.org", name: "zed" });
  });

  it("resolves a bare localpart or display name against room members", () => {
    expect(resolvePerson("@cy", "!r", room)).toEqual({ userId: "@cy:example.org", name: "cy" });
    expect(resolvePerson("@anapérez", "!r", room)).toEqual({ userId: "@ana:example.org", name: "Ana Pérez" });
    expect(resolvePerson("@ANA,", "!r", room)).toEqual({ userId: "@ana:example.org", name: "Ana Pérez" });
  });

  it("keeps ambiguous or unknown names as plain-text people", () => {
    expect(resolvePerson("@bo", "!r", room)).toEqual({ name: "bo" });
    expect(resolvePerson("@maria", "!r", room)).toEqual({ name: "maria" });
    expect(resolvePerson("@Maria José", "!r", room)).toEqual({ name: "Maria José" });
  });

  it("ignores words that are not mentions", () => {
    expect(resolvePerson("cooked", "!r", room)).toBeUndefined();
    expect(resolvePerson("@", "!r", room)).toBeUndefined();
  });
});
