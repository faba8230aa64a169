import { type Block, doc, type Doc, list, listing, p, type RenderContext } from "../../src/kernel/authoring.js";
import type { Opener } from "./services.js";

/**
 * Gratitude opens each meeting: the week's ledger entries, each giver named with what they gave;
 * when there were none, an invitation to thank someone. Then one prompt that follows the tempo.
 */
export function renderOpener({ thanks, focus, parts }: Opener, view: Pick<RenderContext, "t" | "hint">): Doc {
  const { t } = view;
  const blocks: Block[] = [];
  if (thanks.length === 0) {
    blocks.push(
      p(
        ...t.t("opener.empty", {
          example: view.hint("ledger thanks", { givers: "@ana", what: t.text("opener.example") }),
        }),
      ),
    );
  } else {
    blocks.push(p(...t.t("opener.title")));
    blocks.push(list(thanks.map((e) => t.t("opener.line", { who: e.givers, what: e.what }))));
  }
  for (const part of parts) blocks.push(...part(view));
  blocks.push(p(...t.t(`opener.focus.${focus}`)));
  // Read aloud to the whole meeting: the givers are named, nobody is pinged.
  return listing(doc(...blocks));
}
