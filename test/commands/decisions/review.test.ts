import { takeReview } from "../../../commands/decisions/rules/review.js";
import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const NOW = Date.UTC(2026, 10, 24, 10, 0);

describe("decisions that come back", () => {
  it("reads a review at the end of a decision, and leaves a decision that merely mentions reviewing alone", () => {
    expect(takeReview("We rotate the night shift review in 3 months", NOW, "Europe/Madrid")).toEqual({
      text: "We rotate the night shift",
      review: { on: "2027-02-24" },
    });
    expect(takeReview("Rotamos el turno revisar en 2 semanas", NOW, "Europe/Madrid")).toEqual({
      text: "Rotamos el turno",
      review: { on: "2026-12-08" },
    });
    expect(takeReview("We meet weekly review 2027-03-01", NOW, "Europe/Madrid")).toEqual({
      text: "We meet weekly",
      review: { on: "2027-03-01" },
    });
    expect(takeReview("We review the rota every month", NOW, "Europe/Madrid")).toEqual({
      text: "We review the rota every month",
    });
    expect(takeReview("X review 2026-11-24", NOW, "Europe/Madrid").review).toEqual({ error: "past" });
    expect(takeReview("X review in 9 years", NOW, "Europe/Madrid").review).toEqual({ error: "far" });
    expect(takeReview("X review in 3 fortnights", NOW, "Europe/Madrid").review).toEqual({ error: "bad" });
    expect(takeReview("X review 2027-02-30", NOW, "Europe/Madrid").review).toEqual({ error: "bad" });
  });

  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot(); // 2026-11-24 10:00 UTC, Europe/Madrid
    bot.transport.join(ROOM, ANA, "Ana");
  });
  afterEach(() => bot.close());

  it("sets a review date, reminds the room on that day with how to renew, change or revoke, and lists what is due", async () => {
    expect(await bot.say("!decisions due")).toEqual([
      "No decision has a review date. Give one at the end when you record it, like !decision We rotate the night shift review in 3 months.",
    ]);
    expect(await bot.say("!decision We rotate the night shift #rota review in 3 months", { sender: ANA })).toEqual([
      "Decision #1 is in the log: We rotate the night shift\nI'll bring decision #1 back for review on Wednesday 24 Feb 2027 (!decisions due).",
    ]);
    await bot.say("!decision We meet on Thursdays review 2026-12-10");
    await bot.say("!decision Nobody works alone at night");
    expect(await bot.say("!decisions due")).toEqual([
      "Decisions coming up for review:\n• #2 We meet on Thursdays: review Thursday 10 Dec\n• #1 We rotate the night shift: review Wednesday 24 Feb 2027",
    ]);
    expect(await bot.say("!decisions")).toEqual([
      expect.stringContaining("#1 We rotate the night shift (Tuesday 24 Nov) #rota · review Wednesday 24 Feb 2027"),
    ]);
    expect(await bot.say("!decision 1")).toEqual([
      expect.stringContaining("Review: Wednesday 24 Feb 2027 (!decision 1 review … to move it)."),
    ]);
    expect(await bot.say("!decisions export")).toEqual([
      expect.stringContaining(
        "revoked_reason,review_on\n1,2026-11-24T10:00:00.000Z,We rotate the night shift,#rota,,'@ana:test.org,active,,,2027-02-24",
      ),
    ]);
    expect(await bot.say("!schedule")).toEqual([
      expect.stringContaining("Thursday 10 Dec, 10:00: a decision comes back for review"),
    ]);
    expect(await bot.tickTo("2026-12-10T08:59:00Z")).toEqual([]);
    expect(await bot.tickTo("2026-12-10T09:00:00Z")).toEqual([
      "Time to look again at decision #2 (decided Tuesday 24 Nov): We meet on Thursdays\n" +
        "Keep it: !decision 2 review in 6 months. Change it: !decision 2 fix …. Revoke it: !decision 2 revoke ….",
    ]);
    expect(await bot.say("!decisions due")).toEqual([
      expect.stringContaining("• #2 We meet on Thursdays: review Thursday 10 Dec"),
    ]);
    expect(await bot.tickTo("2026-12-11T09:00:00Z")).toEqual([]);
    expect(await bot.say("!decisions due")).toEqual([
      expect.stringContaining("• #2 We meet on Thursdays: review due since Thursday 10 Dec"),
    ]);
    expect(await bot.say("!decision 2 review in 6 months")).toEqual([
      "I'll bring decision #2 back for review on Friday 11 Jun 2027 (!decisions due).",
    ]);
    await bot.say("!decision 1 revoke we changed the rota", { sender: MOD });
    expect(await bot.tickTo("2027-02-24T09:00:00Z")).toEqual([]); // a revoked decision does not come back
    expect(await bot.say("!decisions due")).toEqual([
      "Decisions coming up for review:\n• #2 We meet on Thursdays: review Friday 11 Jun",
    ]);
  });

  it("moves or removes a review: only the latest day reminds", async () => {
    await bot.say("!decision We meet on Thursdays review in 2 weeks");
    expect(await bot.say("!decision 1 review 2027-01-15")).toEqual([
      "I'll bring decision #1 back for review on Friday 15 Jan 2027 (!decisions due).",
    ]);
    expect(await bot.tickTo("2026-12-08T09:00:00Z")).toEqual([]);
    expect(await bot.say("!decision 1 review none")).toEqual(["Decision #1 has no review date any more."]);
    expect(await bot.tickTo("2027-01-15T09:00:00Z")).toEqual([]);
  });

  it("refuses a review it cannot read, in the past or too far, and records nothing then", async () => {
    expect(await bot.say("!decision We meet review 2025-01-01")).toEqual([
      "A review day has to be after today. Try in 6 months.",
    ]);
    expect(await bot.say("!decision We meet review in 30 years")).toEqual([
      "A review can be at most 5 years ahead. Try in 6 months.",
    ]);
    expect(await bot.say("!decisions")).toEqual([expect.stringContaining("No decisions")]);
    await bot.say("!decision We meet on Thursdays");
    expect(await bot.say("!decision 1 review soon")).toEqual([
      "I couldn't read when to review it. Write review in 3 months or review 2027-03-01 at the end, like in 6 months.",
    ]);
    expect(await bot.say("!decision 7 review in 3 months")).toEqual([
      expect.stringContaining("There is no decision #7"),
    ]);
    const [usage] = await bot.say("!decision 1 review");
    expect(usage).toMatch(/^Something is missing: when\.[\s\S]*!decision 12 review in 6 months/);
  });

  it("speaks Spanish: revisar en, !decisiones revisar", async () => {
    await bot.say("!ajustes idioma es", { sender: MOD });
    expect(await bot.say("!decisión Rotamos el turno de noche revisar en 3 meses")).toEqual([
      "La decisión #1 está en el registro: Rotamos el turno de noche\nTraeré la decisión #1 para revisarla el miércoles 24 feb 2027 (!decisiones revisar).",
    ]);
    expect(await bot.say("!decisiones revisar")).toEqual([
      "Decisiones que se revisan pronto:\n• #1 Rotamos el turno de noche: revisión el miércoles 24 feb 2027",
    ]);
    const [due] = await bot.tickTo("2027-02-24T09:00:00Z");
    expect(due).toContain("Mantenerla: !decisión 1 revisar en 6 meses.");
  });

  it("a wipe takes the reviews and their reminders with the log", async () => {
    await bot.say("!decision We meet on Thursdays review in 2 weeks");
    await bot.say("!cell wipe", { sender: MOD });
    await bot.say("!cell wipe confirm", { sender: MOD });
    expect(bot.db.prepare("SELECT count(*) FROM decisions").pluck().get()).toBe(0);
    expect(await bot.tickTo("2026-12-08T09:00:00Z")).toEqual([]);
  });
});
