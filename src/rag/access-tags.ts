import { type AccessInfo, type Readers, allCanRead, isUnrestricted } from '../core/access.js';

/** Serialised form, stored in the vector index snapshot. */
export interface AccessTagsJson {
  /** Tag per slot: 0 = no access info given, n = classes[n − 1]. */
  readonly tags: number[];
  readonly classes: AccessInfo[];
}

/**
 * Who may read each slot of a vector index, as a tag into a small table of distinct access settings
 * (a knowledge base has a handful of audience/classification combinations, not one per chunk), with
 * live counts per tag so a filtered search knows in O(classes) how many vectors the readers may see.
 */
export class AccessTags {
  private tags = new Uint32Array(0);
  private classes: AccessInfo[] = [];
  private keys = new Map<string, number>();
  private counts: number[] = [0];

  grow(capacity: number): void {
    const tags = new Uint32Array(capacity);
    tags.set(this.tags.subarray(0, Math.min(this.tags.length, capacity)));
    this.tags = tags;
  }

  /** Sets a live slot's access; `counted` when the slot was live before (a replacement). */
  assign(slot: number, access: AccessInfo | undefined, counted: boolean): void {
    if (counted) this.count(slot, -1);
    this.tags[slot] = access ? this.tagOf(access) : 0;
    this.count(slot, 1);
  }

  /** The slot's vector was deleted. */
  release(slot: number): void {
    this.count(slot, -1);
    this.tags[slot] = 0;
  }

  /**
   * A test for slots every reader may see, and how many live ones do. Slots without access info are
   * denied to everyone but the explicit unrestricted view: a vector nobody tagged is not public.
   */
  allowedFor(readers: Readers): { test: (slot: number) => boolean; count: number } {
    const allowed = new Uint8Array(this.classes.length + 1);
    allowed[0] = isUnrestricted(readers) ? 1 : 0;
    this.classes.forEach((access, i) => {
      allowed[i + 1] = allCanRead(readers, access) ? 1 : 0;
    });
    let count = 0;
    allowed.forEach((ok, tag) => {
      if (ok) count += this.counts[tag] ?? 0;
    });
    const tags = this.tags;
    return { test: (slot) => allowed[tags[slot]!] === 1, count };
  }

  toJson(slots: number): AccessTagsJson {
    return { tags: Array.from(this.tags.subarray(0, slots)), classes: this.classes };
  }

  /** Restores tags for `isLive` slots from a snapshot. */
  restore(json: AccessTagsJson, isLive: (slot: number) => boolean): void {
    this.classes = json.classes;
    this.classes.forEach((access, i) => {
      this.keys.set(accessKey(access), i);
    });
    json.tags.forEach((tag, slot) => {
      if (!isLive(slot)) return;
      this.tags[slot] = tag;
      this.count(slot, 1);
    });
  }

  private count(slot: number, delta: number): void {
    const tag = this.tags[slot]!;
    this.counts[tag] = (this.counts[tag] ?? 0) + delta;
  }

  private tagOf(access: AccessInfo): number {
    const key = accessKey(access);
    let index = this.keys.get(key);
    if (index === undefined) {
      index = this.classes.length;
      this.classes.push({ audience: [...access.audience], classification: access.classification });
      this.keys.set(key, index);
    }
    return index + 1;
  }
}

function accessKey(access: AccessInfo): string {
  return `${access.classification}\u0000${[...access.audience].sort().join('\u0000')}`;
}
