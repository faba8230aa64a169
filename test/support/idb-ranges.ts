import { IDBFactory, IDBKeyRange } from "fake-indexeddb";

const factory = new IDBFactory();

/**
 * A random key range over keys drawn by `key`: none, one key, a lower or an upper bound, or both
 * ends, each end open or closed (a range of a single key stays closed, IndexedDB refuses it open).
 */
export function randomKeyRange(random: () => number, key: () => unknown): unknown {
  const a = key();
  const b = key();
  const [lower, upper] = factory.cmp(a, b) <= 0 ? [a, b] : [b, a];
  switch (Math.floor(random() * 5)) {
    case 0:
      return undefined;
    case 1:
      return IDBKeyRange.only(a);
    case 2:
      return IDBKeyRange.lowerBound(a, random() < 0.5);
    case 3:
      return IDBKeyRange.upperBound(a, random() < 0.5);
    default: {
      const single = factory.cmp(lower, upper) === 0;
      const lowerOpen = !single && random() < 0.5;
      const upperOpen = !single && random() < 0.5;
      return IDBKeyRange.bound(lower, upper, lowerOpen, upperOpen);
    }
  }
}
