/** Who is trying to sign in: the client's address (as TRUST_PROXY lets it be known) and the account. */
export interface SignInAttempt {
  readonly address: string;
  readonly account: string;
}

/** Failures per key within a sliding window. */
class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  /** Seconds to wait before the next attempt, or 0 when one is allowed now. */
  retryAfter(key: string): number {
    const times = this.recent(key);
    if (times.length < this.max) return 0;
    return Math.max(1, Math.ceil((times[0]! + this.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()]) this.recent(k);
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

/**
 * Limits failed sign-ins three ways: per address and account (default 5 a minute), per address
 * whatever the accounts tried (default 30 a minute: one client trying many accounts), and per
 * account whatever the addresses (default 10 in 15 minutes: one password guessed from many
 * addresses). A success clears its own address-and-account and account counts. It lives in memory,
 * so each replica counts on its own and a restart forgets: enough to stop password guessing
 * through the UI, not a replacement for a rate limit at the reverse proxy.
 */
export class LoginLimiter {
  private readonly pairs: FailureWindow;
  private readonly addresses: FailureWindow;
  private readonly accounts: FailureWindow;

  constructor(
    options: {
      /** Failures per address and account in `windowMs` (default 5 in a minute). */
      max?: number;
      windowMs?: number;
      /** Failures per address, any account, in `windowMs` (default 30). */
      addressMax?: number;
      /** Failures per account, any address, in `accountWindowMs` (default 10 in 15 minutes). */
      accountMax?: number;
      accountWindowMs?: number;
      now?: () => number;
    } = {},
  ) {
    const now = options.now ?? Date.now;
    const windowMs = options.windowMs ?? 60_000;
    this.pairs = new FailureWindow(options.max ?? 5, windowMs, now);
    this.addresses = new FailureWindow(options.addressMax ?? 30, windowMs, now);
    this.accounts = new FailureWindow(options.accountMax ?? 10, options.accountWindowMs ?? 15 * 60_000, now);
  }

  /** Seconds to wait before the next attempt, or 0 when one is allowed now. */
  retryAfter(attempt: SignInAttempt): number {
    return Math.max(
      this.pairs.retryAfter(pairKey(attempt)),
      this.addresses.retryAfter(attempt.address),
      this.accounts.retryAfter(attempt.account),
    );
  }

  fail(attempt: SignInAttempt): void {
    this.pairs.fail(pairKey(attempt));
    this.addresses.fail(attempt.address);
    this.accounts.fail(attempt.account);
  }

  succeed(attempt: SignInAttempt): void {
    this.pairs.clear(pairKey(attempt));
    this.accounts.clear(attempt.account);
  }
}

function pairKey(attempt: SignInAttempt): string {
  return `${attempt.address}|${attempt.account}`;
}
