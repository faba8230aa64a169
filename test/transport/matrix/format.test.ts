import type { Doc } from "../../../src/kernel/doc.js";
import { HOST_MARK } from "../../../src/kernel/other-tandems.js";
import {
  escapeHtml,
  mentionedUserIds,
  renderHtml,
  renderMatrixContent,
  userPermalink,
} from "../../../src/transport/matrix/format.js";

const ana = { kind: "mention" as const, person: { userId: "@ana:example.org", name: "Ana" } };
const bo = { kind: "mention" as const, person: { userId: "@bo:example.org", name: "Bo <script>" } };
const plainPerson = { kind: "mention" as const, person: { name: "Cy's aunt" } };

describe("Matrix rendering of reply documents", () => {
  test("escapes every user string in HTML, including names inside pills", () => {
    const doc: Doc = {
      blocks: [{ kind: "p", parts: ['<b>meals</b> & "more" ', bo, " ", { kind: "strong", text: "<i>" }] }],
    };
    const html = renderHtml(doc);
    expect(html).toBe(
      '<p>&lt;b&gt;meals&lt;/b&gt; &amp; &quot;more&quot; <a href="https://matrix.to/#/@bo:example.org">Bo &lt;script&gt;</a> <strong>&lt;i&gt;</strong></p>',
    );
    expect(html).not.toMatch(/<script>|<b>|<i>/);
  });

  test("mentions become matrix.to pills; people not on Matrix stay plain text", () => {
    const doc: Doc = { blocks: [{ kind: "p", parts: [ana, " and ", plainPerson] }] };
    expect(renderHtml(doc)).toBe('<p><a href="https://matrix.to/#/@ana:example.org">Ana</a> and Cy&#39;s aunt</p>');
  });

  test("m.mentions lists exactly the mentioned Matrix users, once each, never @room", () => {
    const doc: Doc = {
      blocks: [
        { kind: "heading", parts: [ana] },
        { kind: "list", items: [[bo], [ana, " again"], [plainPerson]] },
        { kind: "p", parts: ["@room everyone"] },
      ],
    };
    const content = renderMatrixContent(doc, { kind: "reply" });
    expect(content["m.mentions"]).toEqual({ user_ids: ["@ana:example.org", "@bo:example.org"] });
    expect(content["m.mentions"]).not.toHaveProperty("room");
    expect(mentionedUserIds({ blocks: [{ kind: "pre", text: "@ana:example.org" }] })).toEqual([]);
  });

  test("plain body carries display names, HTML body carries the markup", () => {
    const doc: Doc = {
      blocks: [
        { kind: "p", parts: ["Thanks ", ana, "!"] },
        { kind: "list", items: [["one"], ["two"]] },
      ],
    };
    const content = renderMatrixContent(doc, { kind: "reply" });
    expect(content.body).toBe("Thanks Ana!\n• one\n• two");
    expect(content.formatted_body).toBe(
      '<p>Thanks <a href="https://matrix.to/#/@ana:example.org">Ana</a>!</p><ul><li>one</li><li>two</li></ul>',
    );
    expect(content.format).toBe("org.matrix.custom.html");
    expect(content.msgtype).toBe("m.text");
  });

  test("scheduled posts are notices", () => {
    expect(renderMatrixContent({ blocks: [] }, { kind: "notice" }).msgtype).toBe("m.notice");
  });

  test("a reply outside a thread points at the command with m.in_reply_to", () => {
    const content = renderMatrixContent({ blocks: [] }, { kind: "reply", replyToEventId: "$cmd" });
    expect(content["m.relates_to"]).toEqual({ "m.in_reply_to": { event_id: "$cmd" } });
  });

  test("a reply to a command in a thread stays in that thread", () => {
    const content = renderMatrixContent(
      { blocks: [] },
      { kind: "reply", replyToEventId: "$cmd", threadRootId: "$root" },
    );
    expect(content["m.relates_to"]).toEqual({
      rel_type: "m.thread",
      event_id: "$root",
      is_falling_back: true,
      "m.in_reply_to": { event_id: "$cmd" },
    });
  });

  test("a post without a triggering event has no relation", () => {
    expect(renderMatrixContent({ blocks: [] }, { kind: "notice" })).not.toHaveProperty("m.relates_to");
  });

  test("code blocks and inline code are escaped", () => {
    expect(
      renderHtml({
        blocks: [
          { kind: "pre", text: "a<b>&c" },
          {
            kind: "p",
            parts: [
              { kind: "code", text: "<x>" },
              { kind: "em", text: "&" },
            ],
          },
        ],
      }),
    ).toBe("<pre><code>a&lt;b&gt;&amp;c</code></pre><p><code>&lt;x&gt;</code><em>&amp;</em></p>");
  });

  test("permalinks percent-encode everything but the sigil and the colon", () => {
    expect(userPermalink("@ana:example.org")).toBe("https://matrix.to/#/@ana:example.org");
    expect(userPermalink('@a"b/c:ex.org')).toBe("https://matrix.to/#/@a%22b%2Fc:ex.org");
    expect(escapeHtml(`'"`)).toBe("&#39;&quot;");
  });

  test("a message in a room this Tandem hosts for others carries the host mark; any other does not", () => {
    const doc: Doc = { blocks: [{ kind: "p", parts: ["Join code: K7PM"] }] };
    expect(renderMatrixContent(doc, { kind: "reply", host: true })[HOST_MARK]).toBe(true);
    expect(renderMatrixContent(doc, { kind: "reply" })).not.toHaveProperty([HOST_MARK]);
  });
});
