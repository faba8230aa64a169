/** A clock the test moves by hand. */
export class FakeClock {
  constructor(public now: number) {}
  readonly read = (): number => this.now;
  set(iso: string): void {
    this.now = Date.parse(iso);
  }
  advance(ms: number): void {
    this.now += ms;
  }
}
