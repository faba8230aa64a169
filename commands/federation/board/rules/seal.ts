import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from "node:crypto";

/**
 * Contact names cross between two cells through their assembly, which must not read them. Each
 * cell has an X25519 key pair; a name is sealed for the other cell with AES-256-GCM under a key
 * derived (HKDF-SHA256) from the two cells' shared secret and the exchange it belongs to, so the
 * assembly relays a blob it cannot open, cannot move to another exchange, and cannot hand back to
 * the cell that sealed it. Keys travel as raw 32 bytes in base64url.
 */
export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

export const PUBLIC_KEY = /^[A-Za-z0-9_-]{43}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("x25519");
  const jwk = privateKey.export({ format: "jwk" });
  return { publicKey: publicKey.export({ format: "jwk" }).x!, privateKey: jwk.d! };
}

const publicKeyOf = (x: string): KeyObject => createPublicKey({ key: { kty: "OKP", crv: "X25519", x }, format: "jwk" });
const privateKeyOf = (pair: KeyPair): KeyObject =>
  createPrivateKey({ key: { kty: "OKP", crv: "X25519", x: pair.publicKey, d: pair.privateKey }, format: "jwk" });

function keyFor(own: KeyPair, peerPublic: string, context: string): Buffer {
  const shared = diffieHellman({ privateKey: privateKeyOf(own), publicKey: publicKeyOf(peerPublic) });
  return Buffer.from(hkdfSync("sha256", shared, Buffer.alloc(0), `tandem board contact v1\u0000${context}`, 32));
}

/** Which exchange a blob belongs to and which side sealed it: both cells can write it, the assembly cannot change it. */
export const sealContext = (assemblyRoom: string, match: number, sealedBy: "poster" | "answerer"): string =>
  `${assemblyRoom}\u0000${match}\u0000${sealedBy}`;

/** The sealed blob; undefined when the peer's key is unusable (a low-order point gives no shared secret). */
export function seal(plain: string, own: KeyPair, peerPublic: string, context: string): string | undefined {
  let key: Buffer;
  try {
    key = keyFor(own, peerPublic, context);
  } catch {
    return undefined;
  }
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The plain text, or undefined when the blob was not sealed for this cell and this exchange (or was altered). */
export function open(blob: string, own: KeyPair, peerPublic: string, context: string): string | undefined {
  const bytes = Buffer.from(blob, "base64url");
  if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(own, peerPublic, context), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
