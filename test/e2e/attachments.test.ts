/**
 * Files as messages against a real Synapse: `!decisions print` arrives in an encrypted room as an
 * encrypted file (the homeserver holds ciphertext only) that a member's client downloads, decrypts
 * and finds to be a PDF of the decisions; `!charter print` likewise, with the charter's articles.
 */
import { jest } from "@jest/globals";
import { extractText, getDocumentProxy } from "unpdf";
import { Bot, newUser, TestClient } from "../support/e2e.js";

jest.setTimeout(240_000);

let bot: Bot;
let ana: TestClient;

beforeAll(async () => {
  const anaUser = await newUser("ana");
  bot = await Bot.create({ allowedInviters: [anaUser.userId] });
  await bot.start();
  ana = await TestClient.start(anaUser);
});

afterAll(async () => {
  await ana?.stop();
  await bot?.stop();
});

describe("files as messages", () => {
  test("!decisions print arrives as an encrypted PDF that the member's client decrypts", async () => {
    const roomId = await ana.createRoom({ name: "Print room", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");
    await ana.send(roomId, "!decision We meet on Thursdays #meetings");
    await ana.send(roomId, "!decision Ирина и Ελένη keep the fund");
    await ana.messages(roomId, { sender: bot.userId, count: 2, timeoutMs: 60_000 });
    await ana.send(roomId, "!decisions print a4");

    const replies = await ana.messages(roomId, { sender: bot.userId, count: 4, timeoutMs: 60_000 });
    const [intro, file] = replies.slice(-2);
    expect(intro!.body).toContain("Here are the 2 decisions in force as a PDF on A4");
    expect(file).toMatchObject({
      wireType: "m.room.encrypted",
      decryptionFailed: false,
      msgtype: "m.file",
      filename: expect.stringMatching(/^decisions-.*\.pdf$/),
    });
    expect(file!.url).toBeUndefined();
    expect(file!.file).toMatchObject({
      v: "v2",
      url: expect.stringMatching(/^mxc:\/\//),
      key: { alg: "A256CTR" },
      hashes: { sha256: expect.any(String) },
    });
    expect(file!.info).toMatchObject({ mimetype: "application/pdf", size: expect.any(Number) });

    const { base64 } = await ana.call<{ base64: string }>("downloadFile", { eventId: file!.eventId });
    const bytes = Buffer.from(base64, "base64");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBe((file!.info as { size: number }).size);
    const text = (
      await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })
    ).text.normalize("NFC");
    expect(text).toContain("We meet on Thursdays #meetings");
    expect(text).toContain("Ирина и Ελένη keep the fund");
  });

  test("!charter print arrives as an encrypted PDF with the charter's articles", async () => {
    const roomId = await ana.createRoom({ name: "Charter room", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");
    // The room's creator holds power level 100: a moderator, who may begin the charter.
    await ana.send(roomId, "!charter start");
    await ana.messages(roomId, { sender: bot.userId, count: 1, timeoutMs: 60_000 });
    await ana.send(roomId, "!charter print Bakery committee");
    const replies = await ana.messages(roomId, { sender: bot.userId, count: 3, timeoutMs: 60_000 });
    const [intro, file] = replies.slice(-2);
    expect(intro!.body).toContain("Here is the charter (5 articles, version 1) as a PDF on A3");
    expect(file).toMatchObject({
      wireType: "m.room.encrypted",
      decryptionFailed: false,
      msgtype: "m.file",
      filename: expect.stringMatching(/^charter-.*\.pdf$/),
    });
    const { base64 } = await ana.call<{ base64: string }>("downloadFile", { eventId: file!.eventId });
    const text = (
      await extractText(await getDocumentProxy(new Uint8Array(Buffer.from(base64, "base64"))), { mergePages: true })
    ).text
      .normalize("NFC")
      .replace(/\s+/g, " ");
    expect(text).toContain("Our charter");
    expect(text).toContain("Bakery committee");
    expect(text).toContain("Why we are here");
    expect(text).toContain("phones stay outside offline meetings");
  });
});
