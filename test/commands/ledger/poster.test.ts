import { writeFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import type { Doc } from "../../../src/kernel/doc.js";
import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

/** What a PNG reader checks first: the signature, the header's size, and image data that inflates to exactly that size. */
function readPng(base64: string): { width: number; height: number } {
  const png = Buffer.from(base64, "base64");
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const bitDepth = png[24]!;
  const colorType = png[25]!;
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType as 0 | 2 | 4 | 6];
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString("latin1", at + 4, at + 8) === "IDAT") idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  // Each row is a filter byte and its pixels.
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (1 + (width * channels! * bitDepth) / 8));
  return { width, height };
}

const posters = (bot: TestBot): Doc[] =>
  bot.transport.sent.map((m) => m.doc).filter((d): d is Doc => d?.attachment !== undefined);

describe("care poster", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot({ now: Date.UTC(2026, 10, 24, 10, 0) });
    bot.transport.join(ROOM, "@jose:test.org", "José Ñúñez");
    bot.transport.join(ROOM, "@alena:test.org", "Алёна Смирнова");
    bot.transport.join(ROOM, "@fatima:test.org", "فاطمة الزهراء");
    bot.transport.join(ROOM, "@eleni:test.org", "Ελένη");
  });
  afterEach(() => bot.close());

  it("renders the month with accented, Cyrillic, Greek and Arabic names as a PNG with a thumbnail", async () => {
    await bot.say("!ledger thanks @jose cooked 40 meals");
    await bot.say("!ledger thanks @alena @fatima drove 3 nurses #transport");
    await bot.say("!ledger thanks @eleni 2 hours of childcare");
    const replies = await bot.say("!ledger poster");
    expect(replies[0]).toMatch(/^Care given in November 2026/);
    const [poster] = posters(bot);
    const attachment = poster!.attachment!;
    expect(attachment).toMatchObject({ fileName: "care-poster-2026-11.png", mimeType: "image/png" });
    const { width, height } = readPng(attachment.base64);
    // `WRITE_POSTER_EXAMPLE=1` refreshes the README's example image.
    if (process.env.WRITE_POSTER_EXAMPLE)
      writeFileSync("docs/care-poster-example.png", Buffer.from(attachment.base64, "base64"));
    expect({ width, height }).toEqual({ width: attachment.image!.width, height: attachment.image!.height });
    expect(width).toBe(1200);
    expect(height).toBeGreaterThan(600);
    const thumb = attachment.image!.thumbnail!;
    expect(readPng(thumb.base64)).toEqual({ width: 400, height: thumb.height });
    expect(thumb.height).toBe(Math.round((height * 400) / 1200));
    // The alternative text is the digest: every giver named.
    const alt = JSON.stringify(poster!.blocks);
    for (const name of ["José Ñúñez", "Алёна Смирнова", "فاطمة الزهراء", "Ελένη"]) expect(alt).toContain(name);
  });

  it("reads another month, in the room's language, and says kindly when there is nothing", async () => {
    expect(await bot.say("!ledger poster 2026-10")).toEqual([
      expect.stringMatching(
        /^Nobody was thanked in October 2026 yet, so there is no poster\. To thank someone: !ledger thanks @ana/,
      ),
    ]);
    await bot.say("!ledger thanks @jose cooked soup");
    await bot.say("!settings language es", { sender: MOD });
    await bot.say("!ledger cartel");
    expect(posters(bot)[0]!.attachment!.fileName).toBe("care-poster-2026-11.png");
    expect(JSON.stringify(posters(bot)[0]!.blocks)).toContain("noviembre");
  });

  it("continues a crowded month on a second image, every name still there", async () => {
    for (let batch = 0; batch < 10; batch++) {
      const givers = Array.from({ length: 10 }, (_, i) => `@person${String(batch * 10 + i + 1).padStart(3, "0")}`).join(
        " ",
      );
      bot.clock.now += 60_000;
      await bot.say(`!ledger thanks ${givers} folded leaflets`);
    }
    await bot.say("!ledger poster");
    const docs = posters(bot);
    expect(docs).toHaveLength(2);
    expect(docs.map((d) => d.attachment!.fileName)).toEqual(["care-poster-2026-11-1.png", "care-poster-2026-11-2.png"]);
    for (const d of docs) expect(readPng(d.attachment!.base64).width).toBe(1200);
    expect(JSON.stringify(docs[1]!.blocks)).toContain("person100");
  }, 30_000);
});
