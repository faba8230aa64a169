import { z } from "zod";
import { CARE_KINDS } from "../../ledger/index.js";
import { alreadyCrossing, type CrossingText } from "../../../src/kernel/crossing.js";
import { boardCrossing } from "../board/rules/text.js";
import { PUBLIC_KEY } from "../board/rules/seal.js";

/**
 * What cells and assemblies say to each other. Inside one Tandem these pass as function calls;
 * between Tandems as encrypted Matrix events in the assembly room (see wire.ts). Nothing here may
 * carry a name, a user id, a cell's room or a member's text: pseudonyms, opaque ids and sums only
 * (offers, needs and stories are texts a cell chose to share, checked before they leave).
 */
const Shown = z.union([z.number().int().nonnegative().max(1e9), z.literal("few")]);

export const FiguresSchema = z
  .object({
    care: z
      .array(
        z
          .object({
            kind: z.string().refine((kind) => (CARE_KINDS as readonly string[]).includes(kind)),
            unit: z
              .string()
              .regex(/^\p{Ll}{1,12}$/u)
              .nullable(),
            amount: z.number().nonnegative().max(1e12).optional(),
            givers: Shown,
          })
          .strict(),
      )
      .max(200),
    givers: Shown,
    plansCarried: Shown,
    decisionsTaken: Shown,
  })
  .strict();

const Pseudonym = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]{1,39}$/u)
  .refine((pseudonym) => alreadyCrossing(pseudonym, 40) !== undefined);
const Sector = z
  .string()
  .regex(/^[\p{L}-]{2,30}$/u)
  .nullable();
const Hex = z.string().regex(/^[0-9a-f]{16,64}$/);
/**
 * Board texts are `CrossingText`: a message cannot be built from words the cleaner did not make, and
 * one that arrives with words a cell could not have sent (a mention, a link, a room) is refused.
 */
const BoardText = z.custom<CrossingText>((text) => typeof text === "string" && boardCrossing(text) !== undefined);
/** An assembly's name, as its moderator typed it and the cleaner left it (it is shown in every cell). */
export const ASSEMBLY_NAME_MAX = 80;
const AssemblyName = z.custom<CrossingText>(
  (name) => typeof name === "string" && alreadyCrossing(name, ASSEMBLY_NAME_MAX) !== undefined,
);
const PostKind = z.enum(["offer", "need"]);
const PostNumber = z.number().int().positive().max(1e9);
const PublicKey = z.string().regex(PUBLIC_KEY);
/** A contact name sealed for the other cell (see board/rules/seal.ts): base64url, never readable here. */
const Sealed = z.string().regex(/^[A-Za-z0-9_-]{40,2000}$/);

/** An action's words, as the assembly's cleaner left them (they are shown in every cell). */
export const ACTION_TEXT_MAX = 200;
const ActionText = z.custom<CrossingText>(
  (text) => typeof text === "string" && alreadyCrossing(text, ACTION_TEXT_MAX) !== undefined,
);
const ActionNumber = PostNumber;
/** An instant (epoch ms) within the years a Tandem can mean. */
const Instant = z.number().int().min(946_684_800_000).max(32_503_680_000_000);
/** An action lasts hours, at most a week (as a care plan does). */
const ACTION_MAX_MS = 7 * 86_400_000;

/** From a cell to its assembly. */
export const ToAssemblySchema = z.discriminatedUnion("kind", [
  /** code: the join code's lookup hash (the code itself never travels). */
  z.object({ kind: z.literal("join"), code: Hex, pseudonym: Pseudonym, sector: Sector }).strict(),
  z
    .object({
      kind: z.literal("figures"),
      round: z.number().int().positive(),
      state: z.enum(["sent", "waiting", "paused"]),
      figures: FiguresSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal("sector"), sector: Sector }).strict(),
  z.object({ kind: z.literal("leave") }).strict(),
  /** ref: the cell's own count of its posts, so a resent post is recognised. key: the cell's public key for sealing contacts. */
  z
    .object({ kind: z.literal("board_post"), ref: PostNumber, post: PostKind, text: BoardText, key: PublicKey })
    .strict(),
  z.object({ kind: z.literal("board_answer"), number: PostNumber, post: PostKind, key: PublicKey }).strict(),
  z.object({ kind: z.literal("board_contact"), match: PostNumber, sealed: Sealed }).strict(),
  z.object({ kind: z.literal("board_story"), ref: PostNumber, text: BoardText }).strict(),
  /** One more cell is in, or out again: the assembly counts, never names. */
  z.object({ kind: z.literal("action_join"), number: ActionNumber }).strict(),
  z.object({ kind: z.literal("action_withdraw"), number: ActionNumber }).strict(),
  /** What the cell learnt from the action, cleaned, sent by a moderator; ref: the cell's lesson number, so a resend counts once. */
  z.object({ kind: z.literal("action_lesson"), number: ActionNumber, ref: PostNumber, text: BoardText }).strict(),
]);

/** From an assembly to one of its cells. */
export const ToCellSchema = z.discriminatedUnion("kind", [
  /** proof: HMAC of the cell id with the key derived from the join code: only the code's issuer can welcome. */
  z
    .object({
      kind: z.literal("welcome"),
      proof: Hex,
      name: AssemblyName,
      cells: z.array(Pseudonym).max(500),
      host: Pseudonym.nullable(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("refused"),
      reason: z.enum(["bad_code", "code_used", "code_expired", "pseudonym_taken"]),
    })
    .strict(),
  z
    .object({
      kind: z.literal("request"),
      round: z.number().int().positive(),
      year: z.number().int().min(2000).max(3000),
      month: z.number().int().min(1).max(12),
      from: z.number().int(),
      to: z.number().int(),
    })
    .strict(),
  /** The next host and, when the assembly has one planned, its next meeting (epoch ms). */
  z
    .object({
      kind: z.literal("announce"),
      host: Pseudonym,
      cells: z.array(Pseudonym).max(500),
      meetingAt: z.number().int().nullable(),
    })
    .strict(),
  /** To the posting cell: the number its post got. */
  z.object({ kind: z.literal("board_posted"), ref: PostNumber, number: PostNumber }).strict(),
  /** To every other cell: a post it may answer. */
  z
    .object({ kind: z.literal("board_post"), number: PostNumber, post: PostKind, from: Pseudonym, text: BoardText })
    .strict(),
  /** To both cells of an exchange: who the other is (a pseudonym) and its key, so each can seal its contact for the other. */
  z
    .object({
      kind: z.literal("board_match"),
      match: PostNumber,
      number: PostNumber,
      post: PostKind,
      role: z.enum(["poster", "answerer"]),
      peer: Pseudonym,
      key: PublicKey,
    })
    .strict(),
  /** To each cell of an exchange once both consented: the other's contact, sealed for it. */
  z.object({ kind: z.literal("board_contact"), match: PostNumber, sealed: Sealed }).strict(),
  /** To every cell: an action window the assembly proposes. */
  z
    .object({ kind: z.literal("action"), number: ActionNumber, text: ActionText, startsAt: Instant, endsAt: Instant })
    .strict()
    .refine((a) => a.endsAt > a.startsAt && a.endsAt - a.startsAt <= ACTION_MAX_MS),
]);

export type ToAssembly = z.infer<typeof ToAssemblySchema>;
export type ToCell = z.infer<typeof ToCellSchema>;
export type Figures = z.infer<typeof FiguresSchema>;
