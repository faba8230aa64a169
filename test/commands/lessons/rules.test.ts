import { lessonPromptAt, readLesson, tagOf } from "../../../commands/lessons/rules/index.js";
import { err, ok } from "../../../src/kernel/result.js";

const MADRID = "Europe/Madrid";
const utc = (iso: string) => Date.parse(iso);
/** When the prompt fires, as an instant. */
const firesAt = (endIso: string, zone = MADRID) => new Date(lessonPromptAt(utc(endIso), zone)).toISOString();

describe("lesson prompt timing", () => {
  it("asks at 09:00 the morning after, never the same evening", () => {
    // Friday 27 Nov 2026, 19:00 in Madrid (CET, UTC+1) → Saturday 09:00 local.
    expect(firesAt("2026-11-27T18:00:00Z")).toBe("2026-11-28T08:00:00.000Z");
    // Ending at 08:30 in the morning: still the next day, not half an hour later.
    expect(firesAt("2026-11-27T07:30:00Z")).toBe("2026-11-28T08:00:00.000Z");
    // A night action ending at 00:30 belongs to the evening before: asked that same morning.
    expect(firesAt("2026-11-27T23:30:00Z")).toBe("2026-11-28T08:00:00.000Z");
  });

  it("keeps 09:00 in the room's zone across the clock changes in Madrid", () => {
    // Saturday 28 Mar 2026 20:00 CET; clocks go forward that night: 09:00 CEST is 07:00 UTC.
    expect(firesAt("2026-03-28T19:00:00Z")).toBe("2026-03-29T07:00:00.000Z");
    // Saturday 24 Oct 2026 22:00 CEST; clocks go back that night: 09:00 CET is 08:00 UTC.
    expect(firesAt("2026-10-24T20:00:00Z")).toBe("2026-10-25T08:00:00.000Z");
    // An action ending at 01:30 local on the night the clocks go forward is that evening's.
    expect(firesAt("2026-03-29T00:30:00Z")).toBe("2026-03-29T07:00:00.000Z");
  });

  it("reads the morning in the room's own zone, not the server's", () => {
    // 03:00 UTC Saturday is 22:00 Friday in New York: asked Saturday 09:00 there (14:00 UTC).
    expect(firesAt("2026-11-28T03:00:00Z", "America/New_York")).toBe("2026-11-28T14:00:00.000Z");
    // …while in Madrid it is 04:00 Saturday: still Friday's evening, asked Saturday 09:00 (08:00 UTC).
    expect(firesAt("2026-11-28T03:00:00Z")).toBe("2026-11-28T08:00:00.000Z");
  });
});

describe("lesson text", () => {
  it("keeps the text as written and its tags, each once, lower-cased", () => {
    expect(readLesson("  two at each door  #Picket was enough #picket #doors.")).toEqual(
      ok({ text: "two at each door #Picket was enough #picket #doors.", tags: ["picket", "doors"] }),
    );
    expect(readLesson("#only #tags")).toEqual(err("empty"));
    expect(tagOf("#Picket")).toBe("picket");
    expect(tagOf("picket")).toBeUndefined();
  });
});
