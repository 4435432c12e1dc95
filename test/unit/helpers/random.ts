// A seeded generator for property tests: the same inputs on every run, so a failure can be replayed.

/** Whole numbers from 0 to n - 1, from a linear congruential generator seeded with `seed`. */
export function seededInts(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}
