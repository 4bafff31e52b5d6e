/**
 * A small seeded random number generator (mulberry32) and the samplers the
 * synthetic corpus needs. Same seed, same corpus, same questions.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('bench: cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * A 0-based rank in [0, n) drawn from a Zipf law with exponent 1 (rank r is
   * about 1/r as likely as rank 1), by inverting the continuous CDF ln r / ln n.
   */
  zipf(n: number): number {
    if (n <= 1) return 0;
    return Math.min(n - 1, Math.floor(Math.exp(this.next() * Math.log(n + 1))) - 1);
  }

  /** A copy of `items` in a random order (Fisher–Yates), drawing as the benches always have. */
  shuffled<T>(items: readonly T[]): T[] {
    const order = [...items];
    for (let i = order.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [order[i], order[j]] = [order[j] as T, order[i] as T];
    }
    return order;
  }

  /** A fork with its own stream, so adding draws in one place does not shift another. */
  fork(salt: number): Rng {
    return new Rng((this.state ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0);
  }
}
