import v8 from "node:v8";

/**
 * Record values are stored as V8 structured-serialization bytes, the same format
 * `structuredClone` uses, so Uint8Array, ArrayBuffer, Date, Map, Set, BigInt… come back as such.
 *
 * The plain `v8.Serializer`/`v8.Deserializer` are used instead of `v8.serialize`: the latter
 * (Node's DefaultSerializer) writes typed arrays as standalone host objects, which detaches a
 * view from its ArrayBuffer (offset and sharing lost) and on reading returns views into the
 * whole input buffer. The plain classes keep structured-clone semantics exactly.
 */
export function serializeValue(value: unknown): Buffer {
  const serializer = new v8.Serializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  return serializer.releaseBuffer();
}

export function deserializeValue(bytes: Buffer): unknown {
  const deserializer = new v8.Deserializer(bytes);
  deserializer.readHeader();
  return deserializer.readValue();
}
