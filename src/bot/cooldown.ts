/**
 * Per-user cooldown for the query commands: one query per user every
 * `seconds`. Kept in memory; old entries are swept as new ones arrive.
 */
export class Cooldowns {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes the user's turn: returns 0 when they may go (and starts their
   * cooldown), else the whole seconds left to wait (at least 1).
   */
  take(user: string): number {
    if (this.seconds <= 0) return 0;
    const now = this.now();
    const windowMs = this.seconds * 1000;
    const last = this.last.get(user);
    if (last !== undefined && now - last < windowMs) return Math.max(1, Math.ceil((windowMs - (now - last)) / 1000));
    if (this.last.size > 10_000) this.sweep(now, windowMs);
    this.last.delete(user); // re-insert so the map stays in time order
    this.last.set(user, now);
    return 0;
  }

  private sweep(now: number, windowMs: number): void {
    for (const [user, at] of this.last) {
      if (now - at < windowMs) break;
      this.last.delete(user);
    }
  }
}
