import type { FastifyBaseLogger } from "fastify";
import type { BundleSource } from "./bundle-source.js";
import type { ServerMetrics } from "./metrics.js";
import type { DecisionService } from "./service/decision-service.js";

/**
 * Polls the bundle source and takes a changed bundle live through the service's update rule.
 * A bundle that fails to load or verify leaves the serving one in place; the failure is kept
 * for /v1/status, logged and counted.
 */
export class Reloader {
  lastError: { at: string; message: string } | null = null;
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly source: BundleSource,
    private readonly service: DecisionService,
    private readonly metrics: ServerMetrics,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(seconds: number): void {
    this.timer = setInterval(() => void this.check(), seconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One poll: resolves to what happened, never rejects. */
  async check(): Promise<"applied" | "unchanged" | "failed"> {
    if (this.running) return "unchanged";
    this.running = true;
    try {
      const text = await this.source.poll();
      const previous = this.service.current.digest;
      if (text === undefined || !this.service.adopt(text)) return "unchanged";
      this.metrics.reloads.inc({ result: "applied" });
      this.lastError = null;
      const live = this.service.current;
      this.log.info({ digest: live.digest, keyId: live.keyId, policyRevision: live.policy.revision, previous, source: this.source.where }, "bundle reloaded");
      return "applied";
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.lastError = { at: new Date().toISOString(), message };
      this.metrics.reloads.inc({ result: "failed" });
      this.log.warn({ source: this.source.where, error: message, digest: this.service.current.digest }, "bundle refused; the serving bundle stays");
      return "failed";
    } finally {
      this.running = false;
    }
  }
}
