// The benchmarks' random numbers: one seeded generator, so a book built twice is the same book and figures compare
// between runs.

/** A linear congruential generator (Numerical Recipes' constants): numbers in [0, 1), the same for the same seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
