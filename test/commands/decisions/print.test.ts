import { extractText, getDocumentProxy } from "unpdf";
import { readPrintOptions } from "../../../src/platform/print/options.js";
import { createTestBot, MOD, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const ELENI = "@eleni:test.org";

async function printedText(bot: TestBot): Promise<{ fileName: string; text: string }> {
  const attachment = bot.transport.sent.at(-1)!.doc.attachment!;
  expect(attachment.mimeType).toBe("application/pdf");
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(attachment.base64, "base64")));
  return { fileName: attachment.fileName, text: (await extractText(pdf, { mergePages: true })).text.normalize("NFC") };
}

describe("printing the decision log", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join("!cell:test.org", ANA, "Ana Núñez");
    bot.transport.join("!cell:test.org", ELENI, "Ελένη");
  });
  afterEach(() => bot.close());

  it("reads options in any order, and the other words as the room's name", () => {
    expect(readPrintOptions("")).toEqual({ size: "A3", anonymous: false });
    expect(readPrintOptions("Warehouse committee A4")).toEqual({
      size: "A4",
      anonymous: false,
      roomName: "Warehouse committee",
    });
    expect(readPrintOptions("anónimo Warehouse")).toEqual({ size: "A3", anonymous: true });
  });

  it("sends one reply and one PDF of the decisions in force, numbered, with who recorded them", async () => {
    await bot.say("!decision We meet on Thursdays #meetings", { sender: ANA });
    await bot.say("!decision Ирина keeps the fund", { sender: ELENI });
    await bot.say("!decision فاطمة coordinates the rota", { sender: ANA });
    await bot.say("!decision Something we undid", { sender: ANA });
    await bot.say("!decision 4 revoke changed our minds", { sender: ANA });
    const replies = await bot.say("!decisions print Warehouse committee");
    expect(replies).toEqual([
      "Here are the 3 decisions in force as a PDF on A3, ready to print.\nFor another size: !decisions print a4. Without names or the room: !decisions print anonymous. The room's name goes after the command.",
      expect.stringMatching(/^decisions-\d{4}-\d{2}-\d{2}\.pdf$/),
    ]);
    const { fileName, text } = await printedText(bot);
    expect(fileName).toMatch(/\.pdf$/);
    for (const words of [
      "Our decisions",
      "Warehouse committee",
      "We meet on Thursdays #meetings",
      "Ирина keeps the fund",
      "فاطمة",
      "Ana Núñez",
      "Ελένη",
      "1.",
      "3.",
    ])
      expect(text).toContain(words);
    expect(text).not.toContain("Something we undid");
  });

  it("leaves out names and the room when asked, and answers in Spanish", async () => {
    await bot.say("!decision Nos vemos los jueves", { sender: ANA });
    await bot.say("!settings language es", { sender: MOD });
    const replies = await bot.say("!decisiones imprimir a4 anónimo Almacén");
    expect(replies[0]).toContain("Aquí está la decisión vigente en un PDF en A4");
    const { text } = await printedText(bot);
    expect(text).toContain("Nuestras decisiones");
    expect(text).toContain("Nos vemos los jueves");
    expect(text).not.toContain("Ana");
    expect(text).not.toContain("Almacén");
  });

  it("prints each decision's review day", async () => {
    await bot.say("!decision We rotate the night shift review 2027-03-01", { sender: ANA });
    await bot.say("!decisions print");
    const { text } = await printedText(bot);
    expect(text).toContain("review Monday 1 Mar 2027");
  });

  it("says how to start when there is nothing to print", async () => {
    expect(await bot.say("!decisions print")).toEqual([expect.stringContaining("No decisions in the log yet")]);
    expect(bot.transport.sent.at(-1)!.doc.attachment).toBeUndefined();
  });
});
