import { commandLine } from "../../src/kernel/command-line.js";
import { memberKey, personOf, resolvePerson } from "../../src/kernel/mentions.js";
import type { Invocation } from "../../src/kernel/invocation.js";
import { FakeTransport } from "../support/fake-transport.js";
import { ALICE, createTestBot } from "../support/test-bot.js";

const room = new FakeTransport();
room.join("!r", "@ana:example.org", "Ana Pérez");
room.join("!r", "@bo:example.org", "Bo");
room.join("!r", "@bo:other.net", "Bo from nights");
room.join("!r", "@cy:example.org");

const inv = (over: Partial<Invocation>): Invocation => ({
  eventId: "$1",
  roomId: "!r",
  sender: "@me:example.org",
  text: "",
  sentAt: 0,
  ...over,
});

describe("commandLine: the one normalisation stage", () => {
  it("uses m.mentions when the body holds only a display name", () => {
    const line = commandLine(
      inv({ text: "!ledger thanks Ana Pérez cooked soup", mentionedUserIds: ["@ana:example.org"] }),
      room,
      "!",
    );
    expect(line).toBe("ledger thanks @ana:example.org cooked soup");
  });

  it("cleans invisible characters, then checks the prefix once; other messages are not commands", () => {
    expect(commandLine(inv({ text: "\u200b!ledger thanks @ana,@bo x" }), room, "!")).toBe("ledger thanks @ana, @bo x");
    expect(commandLine(inv({ text: "thanks, !ledger" }), room, "!")).toBeUndefined();
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

  it("keeps unknown names as plain-text people", () => {
    expect(resolvePerson("@maria", "!r", room)).toEqual({ name: "maria" });
    expect(resolvePerson("@Maria José", "!r", room)).toEqual({ name: "Maria José" });
  });

  it("ignores words that are not mentions", () => {
    expect(resolvePerson("cooked", "!r", room)).toBeUndefined();
    expect(resolvePerson("@", "!r", room)).toBeUndefined();
  });
});

describe("resolvePerson, one person however the mention is written", () => {
  it("ends a mention at trailing punctuation and reads @@ as @", () => {
    for (const word of ["@ana!", "@ana:", "@ana,", "@@ana", "@ana…", "@ana)"]) {
      expect([word, resolvePerson(word, "!r", room)]).toEqual([
        word,
        { userId: "@ana:example.org", name: "Ana Pérez" },
      ]);
    }
    expect(resolvePerson("@maria!", "!r", room)).toEqual({ name: "maria" });
  });

  it("folds names by the one key: accents, case and compatibility forms", () => {
    expect(resolvePerson("@ANAPÉREZ", "!r", room)).toEqual({ userId: "@ana:example.org", name: "Ana Pérez" });
  });

  it("refuses @room and the like: they address everyone, not a person", () => {
    expect(() => resolvePerson("@room", "!r", room)).toThrow(
      expect.objectContaining({ key: "error.arg.room_mention" }),
    );
    expect(() => resolvePerson("@everyone!", "!r", room)).toThrow(
      expect.objectContaining({ key: "error.arg.room_mention" }),
    );
  });
});

describe("a plain @-name that fits more than one member", () => {
  it("is never decided: by username, by display name, or both at once", () => {
    const which = (word: string) => {
      try {
        resolvePerson(word, "!r", room);
      } catch (err) {
        return err;
      }
      return undefined;
    };
    expect(which("@bo")).toMatchObject({ key: "error.arg.which_person", params: { found: "@bo" } });
    const twins = new FakeTransport();
    twins.join("!t", "@ana:example.org", "Ana Pérez");
    twins.join("!t", "@ana.p:example.org", "ana");
    expect(() => resolvePerson("@ana", "!t", twins)).toThrow(
      expect.objectContaining({ key: "error.arg.which_person" }),
    );
  });

  it("asks which one, through the dispatcher, showing each one's user id, and records nothing", async () => {
    const bot = createTestBot();
    try {
      bot.transport.join("!cell:test.org", "@ana:test.org", "Ana Ruiz");
      bot.transport.join("!cell:test.org", "@anita:test.org", "Ana");
      const [asked] = await bot.say("!ledger thanks @Ana cooked soup", { sender: ALICE });
      expect(asked).toBe(
        "More than one member here could be @Ana: @ana:test.org (Ana Ruiz), @anita:test.org (Ana). Type the full id of the one you mean.",
      );
      expect(bot.transport.sent.at(-1)!.doc.blocks.flatMap((b) => ("parts" in b ? b.parts : []))).not.toContainEqual(
        expect.objectContaining({ kind: "mention" }),
      );
      expect(await bot.say("!ledger")).not.toEqual([expect.stringContaining("soup")]);
      expect(await bot.say("!ledger thanks @anita:test.org cooked soup", { sender: ALICE })).toEqual([
        expect.stringContaining("Ana"),
      ]);
    } finally {
      bot.close();
    }
  });
});

describe("personOf: a stored person, named as the room knows them now", () => {
  const named = new FakeTransport();
  named.join("!r", "@ana:example.org", "Ana Pérez");
  named.join("!r", "@dee:example.org", "   ");

  it("names a member by display name, and by localpart when the display name is blank, as a mention would", () => {
    expect(personOf("@ana:example.org", named, "!r")).toEqual({ userId: "@ana:example.org", name: "Ana Pérez" });
    expect(personOf("@dee:example.org", named, "!r")).toEqual({ userId: "@dee:example.org", name: "dee" });
    expect(personOf("@dee:example.org", named, "!r")).toEqual(resolvePerson("@dee:example.org", "!r", named));
  });

  it("names someone no longer in the room by localpart, and someone not on Matrix by the name kept", () => {
    expect(personOf("@gone:example.org", named, "!r")).toEqual({ userId: "@gone:example.org", name: "gone" });
    expect(personOf(memberKey({ name: "Rosa" }), named, "!r")).toEqual({ name: "Rosa" });
  });
});
