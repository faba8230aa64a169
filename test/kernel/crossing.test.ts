import fc from "fast-check";
import { alreadyCrossing, cross } from "../../src/kernel/crossing.js";

const WORDS = { someone: "someone", link: "[link]", phone: "[phone]" };
const MAX = 280;
const SEED = 20261206;
const clean = (text: string) => cross(text, WORDS, MAX);

/** Member words around what must not cross: letters in several scripts, spaces, everyday punctuation (no digit, dot, @ or colon). */
const word = fc.stringMatching(/^[a-zA-ZáéñüßçøåЖжπλمرحبا你好 ,;!?'"()]{1,12}$/);
const filler = fc.array(word, { maxLength: 4 }).map((words) => words.join(" "));

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
const idnLabel = fc.constantFrom(
  "münchen",
  "пример",
  "例え",
  "xn--mnchen-3ya",
  "bücher",
  "ñandú",
  "παράδειγμα",
  "مثال",
);
const tld = fc.constantFrom("org", "com", "example", "io", "de", "рф", "xn--p1ai", "みんな", "COM", "Org");
const dot = fc.constantFrom(".", ".", ".", "。", "．", "[.]", "(.)");
const domain = fc
  .tuple(fc.array(fc.oneof(label, idnLabel), { minLength: 1, maxLength: 3 }), tld, dot)
  .map(([labels, top, d]) => [...labels, top].join(d));
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join("."));
const ipv6 = fc.constantFrom(
  "2001:db8::1",
  "[::1]",
  "fe80::1ff:fe23:4567:890a",
  "[2001:db8:0:0:0:0:2:1]",
  "2001:db8:0:0:0:0:2:1",
);
const host = fc.oneof(domain, ipv4, ipv6);
const port = fc.option(
  fc.integer({ min: 1, max: 65535 }).map((n) => `:${n}`),
  { nil: "" },
);
const path = fc.option(fc.stringMatching(/^\/[a-zA-Z0-9_~%/?=&#.-]{0,20}$/), { nil: "" });
const scheme = fc.constantFrom("https://", "http://", "HTTPS://", "ftp://", "hxxp://", "ws://", "git+ssh://", "//");
const url = fc.oneof(
  fc.tuple(scheme, host, port, path).map((parts) => parts.join("")),
  fc.tuple(fc.constantFrom("www.", "WWW.", "www2."), domain, path).map(([w, d, p]) => `${w}${d}${p}`),
  fc.tuple(domain, port, path).map((parts) => parts.join("")),
  fc.tuple(ipv4, port, path).map((parts) => parts.join("")),
  fc
    .tuple(
      fc.constantFrom("mailto:", "tel:", "sms:", "matrix:u/", "magnet:?xt=", "javascript:", "data:text/html,"),
      fc.stringMatching(/^[a-z0-9%+]{1,12}$/),
    )
    .map(([s, rest]) => `${s}${rest}`),
);
const local = fc.stringMatching(/^[a-z0-9](?:[a-z0-9._+-]{0,10}[a-z0-9])?$/);
const mail = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
const userId = fc
  .tuple(fc.stringMatching(/^[a-z0-9._=/+-]{1,12}$/), fc.oneof(domain, fc.constant("localhost:8448"), ipv4))
  .map(([l, d]) => `@${l}:${d}`);
const atName = fc.stringMatching(/^[a-zA-Z0-9._'-]{1,12}$/).map((name) => `@${name}`);
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
const sep = fc.constantFrom(" ", "-", ".", "", " ");
const phone = fc.oneof(
  fc
    .tuple(fc.constantFrom("+34 ", "+1-", "+49", "0049 ", "+52 1 ", "0"), digits(3), sep, digits(3), sep, digits(3))
    .map((parts) => parts.join("")),
  fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `(${a}) ${b}-${c}`),
  fc.tuple(digits(3), sep, digits(4), sep, digits(2)).map((parts) => parts.join("")),
);
const room = fc.oneof(
  fc
    .tuple(fc.constantFrom("!", "#"), fc.stringMatching(/^[a-zA-Z0-9_-]{1,12}$/), domain)
    .map(([sigil, l, d]) => `${sigil}${l}:${d}`),
  fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((id) => `!${id}`),
  fc
    .tuple(
      fc.constantFrom("https://matrix.to/#/!", "matrix.to/#/#", "matrix:r/"),
      fc.stringMatching(/^[a-z0-9]{1,8}$/),
      domain,
    )
    .map(([p, l, d]) => `${p}${l}:${d}`),
);
const wrap = fc.constantFrom(
  ["", ""],
  ["(", ")"],
  ["<", ">"],
  ["", "."],
  ["", ","],
  ["“", "”"],
  ["", "\u200b"],
  ["\u2066", "\u2069"],
);

/** What a cleaned text may not hold: an address of any kind leaves at least one of these behind. */
function leftOver(text: string): string | undefined {
  if (/\d/.test(text)) return "a digit";
  if (text.includes("@")) return "an @";
  if (/[\p{L}\p{N}-][.。．｡:][\p{L}\p{N}]/u.test(text)) return "a dot or colon between names";
  if (text.includes("//")) return "//";
  if (/\[\.\]|\(\.\)/.test(text)) return "a dot in brackets";
  return undefined;
}

const property = (arb: fc.Arbitrary<string>, check: (out: ReturnType<typeof clean>, item: string) => void) =>
  fc.assert(
    fc.property(filler, arb, wrap, filler, (before, item, [open, close], after) =>
      check(clean(`${before} ${open}${item}${close} ${after}`), item),
    ),
    { seed: SEED, numRuns: 400 },
  );

describe("the one cleaner for what crosses rooms", () => {
  it("leaves no link of any form: schemes, bare and international domains, punycode, ports, IPs", () => {
    property(url, (out, item) => {
      expect("text" in out ? leftOver(out.text) : undefined).toBeUndefined();
      if ("text" in out) expect(out.text).not.toContain(item);
    });
  });

  it("leaves no mail address, user id or @-name, and no phone number", () => {
    for (const arb of [mail, userId, atName, phone]) {
      property(arb, (out) => {
        expect(out).toHaveProperty("text");
        if ("text" in out) expect(leftOver(out.text)).toBeUndefined();
      });
    }
  });

  it("refuses every room id, alias or link to a room", () => {
    property(room, (out) => expect(out).toEqual({ problem: "room" }));
  });

  it("keeps plain words as they are, and what it gives back crosses again unchanged", () => {
    fc.assert(
      fc.property(filler, (text) => {
        const out = clean(text);
        if ("text" in out) {
          expect(out.removed).toEqual([]);
          expect(alreadyCrossing(out.text, MAX)).toBe(out.text);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(word, url, mail, userId, atName, phone), { maxLength: 6 }), (parts) => {
        const out = clean(parts.join(" "));
        if ("text" in out) expect(alreadyCrossing(out.text, MAX)).toBe(out.text);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("says what it took out", () => {
    expect(clean("!need someone who speaks Tagalog on Tuesday https://evil.example/x")).toEqual({
      text: "!need someone who speaks Tagalog on Tuesday [link]",
      removed: ["link"],
    });
    expect(clean("see www.example.com/ana")).toEqual({ text: "see [link]", removed: ["link"] });
    expect(clean("call @ana on +34 612 345 678 or mail ana@example.org")).toEqual({
      text: "call someone on [phone] or mail someone",
      removed: ["person", "phone"],
    });
  });

  it("keeps dates, times, prices and small numbers", () => {
    expect(clean("on 2026-12-06 at 10:30:00, 40 meals, €1,500, 3.5 km, shift 12-14")).toEqual({
      text: "on 2026-12-06 at 10:30:00, 40 meals, €1,500, 3.5 km, shift 12-14",
      removed: [],
    });
    expect(clean("from 2026-12-06 10:00 to 06/12/2026 18.30")).toEqual({
      text: "from 2026-12-06 10:00 to 06/12/2026 18.30",
      removed: [],
    });
    expect(clean("2026-12-06 612 345 678")).toEqual({ text: "[phone]", removed: ["phone"] });
  });

  it("reads addresses written in full-width or hidden by invisible characters", () => {
    expect(clean("ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ")).toEqual({ text: "[link]", removed: ["link"] });
    expect(clean("evil\u200b.exam\u2060ple/x")).toEqual({ text: "[link]", removed: ["link"] });
    expect(clean("see evil[.]example/x or evil(.)example")).toEqual({
      text: "see [link] or [link]",
      removed: ["link"],
    });
  });
});
