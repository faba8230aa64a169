/**
 * New and full moons from Jean Meeus, "Astronomical Algorithms", chapter 49 (main periodic
 * terms; the planetary terms are left out, which costs well under a minute). Campaign tempo only
 * needs the day, so accuracy within minutes is ample; computed locally, never fetched.
 */
export const LUNAR_MONTH_DAYS = 29.530588861;
export const LUNAR_MONTH_MS = LUNAR_MONTH_DAYS * 86_400_000;

const RAD = Math.PI / 180;
const JD_UNIX_EPOCH = 2440587.5;
/** TT − UTC in seconds; about 69 s in the 2020s, close enough for this decade and the next. */
const DELTA_T_SECONDS = 69;

type Phase = "new" | "full";

function jdeOfPhase(k: number, phase: Phase): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  let jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = (2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3) * RAD;
  const Mp = (201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4) * RAD;
  const F = (160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4) * RAD;
  const Om = (124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3) * RAD;
  const sin = Math.sin;
  const common =
    -0.00111 * sin(Mp - 2 * F) -
    0.00057 * sin(Mp + 2 * F) +
    0.00056 * E * sin(2 * Mp + M) -
    0.00042 * sin(3 * Mp) +
    0.00042 * E * sin(M + 2 * F) +
    0.00038 * E * sin(M - 2 * F) -
    0.00024 * E * sin(2 * Mp - M) -
    0.00017 * sin(Om) -
    0.00007 * sin(Mp + 2 * M) +
    0.00004 * sin(2 * Mp - 2 * F) +
    0.00004 * sin(3 * M) +
    0.00003 * sin(Mp + M - 2 * F) +
    0.00003 * sin(2 * Mp + 2 * F) -
    0.00003 * sin(Mp + M + 2 * F) +
    0.00003 * sin(Mp - M + 2 * F) -
    0.00002 * sin(Mp - M - 2 * F) -
    0.00002 * sin(3 * Mp + M) +
    0.00002 * sin(4 * Mp);
  const specific =
    phase === "new"
      ? -0.4072 * sin(Mp) +
        0.17241 * E * sin(M) +
        0.01608 * sin(2 * Mp) +
        0.01039 * sin(2 * F) +
        0.00739 * E * sin(Mp - M) -
        0.00514 * E * sin(Mp + M) +
        0.00208 * E * E * sin(2 * M)
      : -0.40614 * sin(Mp) +
        0.17302 * E * sin(M) +
        0.01614 * sin(2 * Mp) +
        0.01043 * sin(2 * F) +
        0.00734 * E * sin(Mp - M) -
        0.00515 * E * sin(Mp + M) +
        0.00209 * E * E * sin(2 * M);
  jde += specific + common;
  return jde;
}

function jdeToUtcMs(jde: number): number {
  return (jde - JD_UNIX_EPOCH) * 86_400_000 - DELTA_T_SECONDS * 1000;
}

function nextPhase(afterUtcMs: number, phase: Phase): number {
  const offset = phase === "new" ? 0 : 0.5;
  const years = 2000 + (afterUtcMs / 86_400_000 + JD_UNIX_EPOCH - 2451545.0) / 365.25;
  // Start a little before the estimate and walk forward: the first phase after the instant wins.
  let k = Math.floor((years - 2000) * 12.3685) - 1 + offset;
  for (;;) {
    const instant = jdeToUtcMs(jdeOfPhase(k, phase));
    if (instant > afterUtcMs) return instant;
    k += 1;
  }
}

export function nextNewMoon(afterUtcMs: number): number {
  return nextPhase(afterUtcMs, "new");
}

export function nextFullMoon(afterUtcMs: number): number {
  return nextPhase(afterUtcMs, "full");
}

/** A burst planned longer than one lunar month deserves a gentle warning. */
export function longerThanLunarMonth(fromUtcMs: number, untilUtcMs: number): boolean {
  return untilUtcMs - fromUtcMs > LUNAR_MONTH_MS;
}
