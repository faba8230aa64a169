import { htmlToCommandText } from "../../../src/transport/matrix/html-text.js";
import { invocationFrom } from "../../../src/transport/matrix/incoming.js";

describe("reading a Matrix formatted_body as command text", () => {
  it("turns Element pills into user ids", () => {
    expect(htmlToCommandText('!ledger thanks <a href="https://matrix.to/#/@ana:example.org">Ana Pérez</a> cooked 40 meals')).toBe("!ledger thanks @ana:example.org cooked 40 meals");
  });

  it("decodes entities, percent-encoded ids and drops the reply fallback", () => {
    const html = '<mx-reply><blockquote>old</blockquote></mx-reply>!ledger thanks <a href="https://matrix.to/#/%40cy%3Aexample.org?via=x">cy</a> fixed the &lt;bike&gt; &amp; lights';
    expect(htmlToCommandText(html)).toBe("!ledger thanks @cy:example.org fixed the <bike> & lights");
  });

  it("drops quoted, code and struck-through commands: only the member's own words run", () => {
    for (const html of ["<blockquote><p>!cell wipe confirm</p></blockquote>", "<code>!cell wipe confirm</code>", "<del>!cell wipe confirm</del>", "<pre><code>!cell wipe confirm</code></pre>"]) {
      expect([html, htmlToCommandText(html)]).toEqual([html, ""]);
    }
    expect(htmlToCommandText("<blockquote>old</blockquote><p>!ledger</p>")).toBe("!ledger");
  });

  it("is read once, by the transport: the invocation carries the words, not the HTML", () => {
    const inv = invocationFrom("$e", "!r", "@me:example.org", 0, {
      msgtype: "m.text",
      body: "> <@bo:example.org> hello\n\n!ledger thanks Ana cooked",
      format: "org.matrix.custom.html",
      formatted_body: '<mx-reply><blockquote>hello</blockquote></mx-reply>!ledger thanks <a href="https://matrix.to/#/@ana:example.org">Ana</a> cooked',
    });
    expect(inv).toEqual({ eventId: "$e", roomId: "!r", sender: "@me:example.org", text: "!ledger thanks @ana:example.org cooked", sentAt: 0 });
  });
});
