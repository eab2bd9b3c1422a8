import { readFile, stat } from "node:fs/promises";

/** Where the bundle comes from: a file (watched by its stat) or a URL (polled with ETag). */
export interface BundleSource {
  readonly where: string;
  /** The bundle's text when it may have changed since the last call, else undefined. Throws when unreadable. */
  poll(): Promise<string | undefined>;
}

export class FileBundleSource implements BundleSource {
  private seen = "";

  constructor(readonly where: string) {}

  async poll(): Promise<string | undefined> {
    const info = await stat(this.where);
    const key = `${info.ino}:${info.size}:${info.mtimeMs}`;
    if (key === this.seen) return undefined;
    const text = await readFile(this.where, "utf8");
    this.seen = key;
    return text;
  }
}

export class UrlBundleSource implements BundleSource {
  private etag: string | undefined;

  constructor(readonly where: string) {}

  async poll(): Promise<string | undefined> {
    const response = await fetch(this.where, { headers: this.etag === undefined ? {} : { "if-none-match": this.etag }, signal: AbortSignal.timeout(10_000) });
    if (response.status === 304) return undefined;
    if (!response.ok) throw new Error(`GET ${this.where} answered ${response.status} ${response.statusText}`);
    const text = await response.text();
    this.etag = response.headers.get("etag") ?? undefined;
    return text;
  }
}
