import fc from "fast-check";
import { htmlToCommandText, plainToCommandText } from "../../../src/transport/matrix/html-text.js";
import { invocationFrom } from "../../../src/transport/matrix/incoming.js";

describe("reading a Matrix formatted_body as command text", () => {
  it("turns Element pills into user ids", () => {
    expect(
      htmlToCommandText('!ledger thanks <a href="https://matrix.to/#/@ana:example.org">Ana Pérez</a> cooked 40 meals'),
    ).toBe("!ledger thanks @ana:example.org cooked 40 meals");
  });

  it("decodes entities, percent-encoded ids and drops the reply fallback", () => {
    const html =
      '<mx-reply><blockquote>old</blockquote></mx-reply>!ledger thanks <a href="https://matrix.to/#/%40cy%3Aexample.org?via=x">cy</a> fixed the &lt;bike&gt; &amp; lights';
    expect(htmlToCommandText(html)).toBe("!ledger thanks @cy:example.org fixed the <bike> & lights");
  });

  it("drops quoted, code and struck-through commands: only the member's own words run", () => {
    for (const html of [
      "<blockquote><p>!cell wipe confirm</p></blockquote>",
      "<code>!cell wipe confirm</code>",
      "<del>!cell wipe confirm</del>",
      "<pre><code>!cell wipe confirm</code></pre>",
    ]) {
      expect([html, htmlToCommandText(html)]).toEqual([html, ""]);
    }
    expect(htmlToCommandText("<blockquote>old</blockquote><p>!ledger</p>")).toBe("!ledger");
  });

  it("never runs a command inside a quote of a quote (Element quoting a message that began with a quote)", () => {
    const html =
      "<blockquote><blockquote><p>earlier</p></blockquote><p>!ledger thanks @ana x</p></blockquote><p>agreed</p>";
    expect(htmlToCommandText(html)).toBe("agreed");
    expect(
      htmlToCommandText(
        "<blockquote><blockquote><blockquote>a</blockquote>b</blockquote><p>!cell wipe confirm</p></blockquote>",
      ),
    ).toBe("");
  });

  it("drops quotes inside lists, and code, pre and struck-through text at any depth", () => {
    const hidden = [
      "<ul><li><blockquote><p>!cell wipe confirm</p></blockquote></li></ul>",
      "<ol><li><ul><li><blockquote><blockquote>x</blockquote>!cell wipe confirm</blockquote></li></ul></li></ol>",
      "<p><em><strong><code>!cell wipe confirm</code></strong></em></p>",
      "<ul><li><pre><code><span>!cell wipe</span> confirm</code></pre></li></ul>",
      "<p><span><del><em>!cell</em> wipe confirm</del></span></p>",
      "<p><s>!cell wipe <strike>confirm</strike> confirm</s></p>",
      "<blockquote><ul><li><del>!cell</del></li><li>!cell wipe confirm</li></ul></blockquote>",
      "<mx-reply><blockquote><blockquote>old</blockquote>!cell wipe confirm</blockquote></mx-reply>",
    ];
    for (const html of hidden) expect([html, htmlToCommandText(html)]).toEqual([html, ""]);
    expect(htmlToCommandText("<ul><li><blockquote>!cell wipe confirm</blockquote></li></ul><p>!ledger</p>")).toBe(
      "!ledger",
    );
  });

  it("keeps the member's words around what is hidden, and pills anywhere they are", () => {
    const html =
      '<p>!ledger thanks <em><a href="https://matrix.to/#/@ana:example.org">Ana <b>P</b></a></em> cooked <code>x</code>soup</p>';
    expect(htmlToCommandText(html)).toBe("!ledger thanks @ana:example.org cooked soup");
    expect(htmlToCommandText("<blockquote>unclosed quote <p>!cell wipe confirm")).toBe("");
    expect(htmlToCommandText("!ledger</blockquote> thanks")).toBe("!ledger thanks");
  });

  it("is read once, by the transport: the invocation carries the words, not the HTML", () => {
    const inv = invocationFrom("$e", "!r", "@me:example.org", 0, {
      msgtype: "m.text",
      body: "> <@bo:example.org> hello\n\n!ledger thanks Ana cooked",
      format: "org.matrix.custom.html",
      formatted_body:
        '<mx-reply><blockquote>hello</blockquote></mx-reply>!ledger thanks <a href="https://matrix.to/#/@ana:example.org">Ana</a> cooked',
    });
    expect(inv).toEqual({
      eventId: "$e",
      roomId: "!r",
      sender: "@me:example.org",
      text: "!ledger thanks @ana:example.org cooked",
      sentAt: 0,
    });
  });
});

describe("reading a plain body as command text", () => {
  it("drops quoted lines at any depth (a reply's fallback, Element's plain quote)", () => {
    expect(plainToCommandText("> > earlier\n> !ledger thanks @ana x\n\nagreed")).toBe("agreed");
    expect(plainToCommandText("> <@bo:example.org> hello\n\n!ledger")).toBe("!ledger");
    expect(plainToCommandText("!ledger > 3")).toBe("!ledger > 3");
  });

  it("drops quoted, code and struck-through commands", () => {
    for (const text of [
      "> !cell wipe confirm",
      "`!cell wipe confirm`",
      "~~!cell wipe confirm~~",
      "  > !cell wipe confirm",
    ]) {
      expect([text, plainToCommandText(text)]).toEqual([text, ""]);
    }
  });
});

describe("what is quoted, code or struck through never runs, however deeply it is nested", () => {
  const HIDING = ["blockquote", "code", "pre", "del", "s", "strike", "mx-reply"];
  const SHOWING = ["p", "div", "ul", "li", "ol", "em", "strong", "span", "b", "i", "a", "h4"];
  type Node = string | { tag: string; children: Node[] };
  const { node } = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom("words", " ", "more words", "&amp;"),
      fc.record({ tag: fc.constantFrom(...SHOWING, ...HIDING), children: fc.array(tie("node"), { maxLength: 4 }) }),
    ),
  }));
  const html = (n: Node): string =>
    typeof n === "string" ? n : `<${n.tag}>${n.children.map(html).join("")}</${n.tag}>`;

  it("a command placed anywhere inside a hiding element, with anything around it, is dropped", () => {
    fc.assert(
      fc.property(
        fc.array(node, { maxLength: 3 }),
        fc.constantFrom(...HIDING),
        fc.array(node, { maxLength: 3 }),
        fc.array(fc.constantFrom(...SHOWING, ...HIDING), { maxLength: 4 }),
        fc.array(node, { maxLength: 3 }),
        (before, hiding, beside, wrappers, after) => {
          const inner = wrappers.reduceRight((text, tag) => `<${tag}>${text}</${tag}>`, "!cell wipe confirm");
          const message = `${before.map(html).join("")}<${hiding}>${beside.map(html).join("")}${inner}</${hiding}>${after.map(html).join("")}`;
          expect([message, htmlToCommandText(message)]).not.toEqual([message, expect.stringContaining("!cell")]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
