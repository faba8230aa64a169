import { CHANGE_WINDOW_MS, DeviceListChanges } from "../../../src/transport/matrix/device-list-changes.js";

const ANA = "@ana:x";
const BO = "@bo:x";

let now: number;
let lists: DeviceListChanges;
beforeEach(() => {
  now = 1_000;
  lists = new DeviceListChanges(() => now);
});

test("right after start anyone's keys may be on their way; then only those a sync named, for the window", () => {
  expect(lists.mayBePending(ANA)).toBe(true);

  now += CHANGE_WINDOW_MS;
  expect(lists.mayBePending(ANA)).toBe(false);
  lists.noteSync({ next_batch: "s1", device_lists: { changed: [BO], left: [ANA] } });
  expect(lists.mayBePending(BO)).toBe(true);
  expect(lists.mayBePending(ANA)).toBe(false);

  now += CHANGE_WINDOW_MS - 1;
  expect(lists.mayBePending(BO)).toBe(true);
  now += 1;
  expect(lists.mayBePending(BO)).toBe(false);
});

test("a sync without device lists, or with a malformed one, names nobody and throws nothing", () => {
  now += CHANGE_WINDOW_MS;
  const bodies = [
    null,
    "text",
    {},
    { device_lists: null },
    { device_lists: { changed: ANA } },
    { device_lists: { changed: [7, null] } },
  ];
  for (const body of bodies) lists.noteSync(body);
  expect(lists.mayBePending(ANA)).toBe(false);
});

test("a person named again is waited for a full window from the last time", () => {
  now += CHANGE_WINDOW_MS;
  lists.noteSync({ device_lists: { changed: [ANA] } });
  now += CHANGE_WINDOW_MS / 2;
  lists.noteSync({ device_lists: { changed: [ANA] } });
  now += CHANGE_WINDOW_MS / 2 + 1;
  expect(lists.mayBePending(ANA)).toBe(true);
  now += CHANGE_WINDOW_MS / 2;
  expect(lists.mayBePending(ANA)).toBe(false);
});
