/**
 * Stops calling a failing dependency for a while: after `threshold` consecutive failures the circuit
 * opens for `cooldownMs`; then one trial call is let through (half-open), which closes it on success
 * or opens it again on failure.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private trialInFlight = false;

  constructor(
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when a call may go out now (a half-open trial counts as going out). */
  allow(): boolean {
    if (this.failures < this.threshold) return true;
    if (this.now() < this.openUntil || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** Milliseconds until a trial call is allowed; 0 when closed. */
  retryInMs(): number {
    return this.failures < this.threshold ? 0 : Math.max(0, this.openUntil - this.now());
  }

  success(): void {
    this.failures = 0;
    this.trialInFlight = false;
  }

  failure(): void {
    this.failures++;
    this.trialInFlight = false;
    if (this.failures >= this.threshold) this.openUntil = this.now() + this.cooldownMs;
  }

  /** A call that ended without telling anything about the dependency (e.g. the caller aborted). */
  release(): void {
    this.trialInFlight = false;
  }
}
