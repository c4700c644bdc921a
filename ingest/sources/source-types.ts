import type { Classification } from '../../src/core/types.js';

/**
 * The contract between a synced source's connector (folder, SharePoint/OneDrive, Confluence) and the
 * sync that stores what it finds. A connector knows its system; the sync knows PolyDesk's store.
 */

/** One document at the source, as the connector lists it, before its bytes are fetched. */
export interface SourceItem {
  /** Stable identity at the source (a drive item id, a page id, a path relative to the folder). */
  readonly key: string;
  /** What the document is known by in PolyDesk (`documents.source`): a path or an http(s) URL. */
  readonly source: string;
  /** A file name with its extension: it picks the loader (`.md`, `.pdf`, `.docx`, `.html`, ...). */
  readonly name: string;
  /**
   * Changes whenever the content may have changed (an eTag/cTag, a page version, mtime + size).
   * An item whose version equals the stored one is not fetched at all.
   */
  readonly version: string;
  /** Groups allowed to read it, mapped from the source's permissions; undefined = the source's default. */
  readonly audience?: readonly string[] | undefined;
  readonly classification?: Classification | undefined;
  /** The title to show when the system has one (a Confluence page's title). */
  readonly title?: string | undefined;
  /** Headings above the document at the source (a Confluence page's ancestors), outermost first. */
  readonly headingPath?: readonly string[] | undefined;
  /** An http(s) link to cite. */
  readonly url?: string | undefined;
  /** The item's bytes, fetched only when the version changed. */
  fetch(signal?: AbortSignal): Promise<Uint8Array>;
}

/** What one listing found. */
export interface SourceChanges {
  /**
   * True when `items` is everything the source holds now (a first sync, a folder scan, a delta
   * query restarted): stored items of this source that are not listed are removed.
   */
  readonly complete: boolean;
  /** New or possibly changed items (with `complete`, all of them). */
  readonly items: readonly SourceItem[];
  /** Keys removed at the source since the cursor (incremental listings only). */
  readonly deleted: readonly string[];
  /** Where the next incremental listing starts (a delta link, a last-modified time); undefined = none. */
  readonly cursor?: string | undefined;
  /**
   * Items listed but not taken, with the reason (an unsupported file type): reported, not failures
   * of the run; a stored item with such a key (renamed at the source to another type) is removed.
   */
  readonly skipped?: readonly { readonly key: string; readonly source: string; readonly reason: string }[];
}

export interface SourceConnector {
  /** `folder`, `sharepoint` or `confluence`. */
  readonly type: string;
  /**
   * Lists what changed since `cursor` (the one this connector returned last time, or undefined for
   * a full listing). A connector that cannot resume from the cursor (an expired delta link) returns
   * a complete listing instead.
   */
  listChanges(cursor: string | undefined, signal?: AbortSignal): Promise<SourceChanges>;
  /** Calls `onChange` soon after something changes (a folder's watcher); returns a stop function. */
  watch?(onChange: () => void): () => void;
}
