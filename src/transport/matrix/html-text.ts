const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const PILL = /<a\s[^>]*href\s*=\s*["']https:\/\/matrix\.to\/#\/((?:@|%40)[^"'?/]+)[^"']*["'][^>]*>[\s\S]*?<\/a>/gi;

/**
 * Reads a Matrix `formatted_body` as command text: each user pill becomes the user's id, the reply
 * fallback is dropped, other markup is removed. Only pills are trusted; nothing else is rendered.
 */
export function htmlToCommandText(html: string): string {
  return decodeEntities(
    html
      .replace(/<mx-reply>[\s\S]*?<\/mx-reply>/gi, "")
      // Only the member's own words run: quoted, code and struck-through text is never a command.
      .replace(/<(blockquote|pre|code|del|s|strike)\b[^>]*>[\s\S]*?<\/\1>/gi, "")
      .replace(PILL, (_m, id: string) => ` ${safeDecode(id)} `)
      .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, "\n")
      .replace(/<[^>]*>/g, ""),
  )
    .replace(/[ \t]+/g, " ")
    .trim();
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
