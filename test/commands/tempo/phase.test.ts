import {
  effectiveTempo,
  initialTempo,
  nextPromptFocus,
  startBurst,
  startSlow,
  tempoView,
} from "../../../commands/tempo/rules/index.js";

const DAY = 86_400_000;
const now = Date.parse("2026-11-24T09:00Z");

describe("tempo", () => {
  it("starts slow", () => {
    expect(initialTempo(now)).toEqual({ phase: "slow", sinceUtc: now, untilUtc: null });
  });

  it("warns gently about a burst longer than one lunar month", () => {
    const short = startBurst(now, now + 21 * DAY);
    const long = startBurst(now, now + 40 * DAY);
    expect(short.ok && short.value.longerThanLunarMonth).toBe(false);
    expect(long.ok && long.value.longerThanLunarMonth).toBe(true);
    expect(startBurst(now, now - DAY)).toEqual({
      ok: false,
      error: { code: "until-not-in-future", untilUtc: now - DAY },
    });
  });

  it("turns a burst past its end into a slow phase", () => {
    const burst = startBurst(now, now + 10 * DAY);
    if (!burst.ok) throw new Error("burst refused");
    expect(effectiveTempo(burst.value.state, now + 5 * DAY).phase).toBe("burst");
    expect(effectiveTempo(burst.value.state, now + 11 * DAY)).toEqual({
      phase: "slow",
      sinceUtc: now + 10 * DAY,
      untilUtc: null,
    });
  });

  it("shows how long the phase has lasted and the next moons", () => {
    const view = tempoView(startSlow(now - 3 * DAY - 1), now);
    expect(view.phase).toBe("slow");
    expect(view.lastedDays).toBe(3);
    expect(view.nextFullMoonUtc).toBeGreaterThan(now);
    expect(view.nextFullMoonUtc - now).toBeLessThan(DAY); // 2026-11-24 ≈ 14:53 UTC
    expect(new Date(view.nextNewMoonUtc).toISOString().slice(0, 10)).toBe("2026-12-09");
  });

  it("flags an open-ended burst once it has run a lunar month", () => {
    const burst = startBurst(now, null);
    if (!burst.ok) throw new Error("burst refused");
    expect(tempoView(burst.value.state, now + 10 * DAY).burstTooLong).toBe(false);
    expect(tempoView(burst.value.state, now + 31 * DAY).burstTooLong).toBe(true);
  });

  it("shifts prompts from action to education, care and recruitment when slow", () => {
    expect(nextPromptFocus("burst", null)).toBe("action");
    const slow = [nextPromptFocus("slow", null)];
    for (let i = 0; i < 3; i++) slow.push(nextPromptFocus("slow", slow.at(-1) ?? null));
    expect(slow).toEqual(["education", "care", "recruitment", "education"]);
    expect(nextPromptFocus("slow", "action")).toBe("education");
  });
});
