import { tallySlots } from "../../../commands/meetings/rules/slot-tally.js";

describe("counting a meeting-time poll", () => {
  it("counts each person once per slot, ignores unknown slots, and finds the slots most can make", () => {
    expect(tallySlots([[1, 2], [2, 2], [3], [9]], 3)).toEqual({ counts: [1, 2, 1], voters: 3, leaders: [2] });
    expect(tallySlots([[1], [2]], 2)).toEqual({ counts: [1, 1], voters: 2, leaders: [1, 2] });
  });

  it("gives no leader when nobody can make any slot", () => {
    expect(tallySlots([[], [0]], 2)).toEqual({ counts: [0, 0], voters: 0, leaders: [] });
    expect(tallySlots([], 3)).toEqual({ counts: [0, 0, 0], voters: 0, leaders: [] });
  });
});
