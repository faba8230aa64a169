import { extractText, getDocumentProxy } from "unpdf";
import { createTestBot, MOD, type TestBot } from "../../support/test-bot.js";

async function printedText(bot: TestBot): Promise<{ fileName: string; text: string }> {
  const attachment = bot.transport.sent.at(-1)!.doc.attachment!;
  expect(attachment.mimeType).toBe("application/pdf");
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(attachment.base64, "base64")));
  return {
    fileName: attachment.fileName,
    text: (await extractText(pdf, { mergePages: true })).text.normalize("NFC").replace(/\s+/g, " "),
  };
}

describe("printing the charter", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
  });
  afterEach(() => bot.close());

  it("prints every article with the date and version, for the wall", async () => {
    await bot.say("!charter start", { sender: MOD });
    const replies = await bot.say("!charter print Bakery committee");
    expect(replies[0]).toBe(
      "Here is the charter (5 articles, version 1) as a PDF on A3, ready to print.\nFor another size: !charter print a4. Without the room's name: !charter print anonymous. The room's name goes after the command.",
    );
    const { fileName, text } = await printedText(bot);
    expect(fileName).toBe("charter-2026-11-24.pdf");
    expect(text).toContain("Our charter");
    expect(text).toContain("Bakery committee");
    expect(text).toContain("Version 1, November 24, 2026");
    expect(text).toContain("Why we are here");
    expect(text).toContain("phones stay outside offline meetings");
  });

  it("prints in Spanish, leaves the room out when anonymous, and says how to begin when there is none", async () => {
    expect(await bot.say("!charter print")).toEqual([
      "This room has no charter yet. A moderator can begin one from a short draft the cell then rewrites: !charter start",
    ]);
    await bot.say("!settings language es", { sender: MOD });
    await bot.say("!carta empezar", { sender: MOD });
    await bot.say("!carta imprimir a4 anónimo Panadería");
    const { text } = await printedText(bot);
    expect(text).toContain("Nuestra carta");
    expect(text).toContain("Por qué estamos aquí");
    expect(text).not.toContain("Panadería");
  });
});
