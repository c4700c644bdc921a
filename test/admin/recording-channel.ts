import type { ApprovedDelivery, DeliveryChannel, RejectedDelivery } from '../../src/answer/ports.js';
import type { Platform } from '../../src/core/types.js';

/** A chat platform's delivery channel that keeps what it was asked to post; it can fail on demand. */
export class RecordingChannel implements DeliveryChannel {
  readonly approved: ApprovedDelivery[] = [];
  readonly rejected: RejectedDelivery[] = [];
  failuresLeft = 0;

  constructor(readonly platform: Platform = 'slack') {}

  async deliverApproved(delivery: ApprovedDelivery): Promise<void> {
    if (this.failuresLeft-- > 0) throw new Error('the platform is down');
    this.approved.push(delivery);
  }

  async deliverRejected(delivery: RejectedDelivery): Promise<void> {
    if (this.failuresLeft-- > 0) throw new Error('the platform is down');
    this.rejected.push(delivery);
  }
}
