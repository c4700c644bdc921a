/** Slack surfaces that only some workspaces or app configurations have. */
export type SlackFeature = 'status' | 'stream';

/**
 * Remembers surfaces the workspace refused (e.g. no Agents & AI Apps feature), so later answers go
 * straight to the fallback; they are tried again after a while in case the app was reconfigured.
 */
export class SlackFeatures {
  private readonly refusedUntil = new Map<SlackFeature, number>();

  constructor(
    private readonly retryAfterMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  available(feature: SlackFeature): boolean {
    return (this.refusedUntil.get(feature) ?? 0) <= this.now();
  }

  refused(feature: SlackFeature): void {
    this.refusedUntil.set(feature, this.now() + this.retryAfterMs);
  }
}
