import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { EventOutcome } from "./service/batch-item.js";

/** The service's Prometheus metrics, in a registry of its own (several servers may share a process). */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly events = new Counter({
    name: "crm_policy_events_total",
    help: "Events received, by outcome",
    labelNames: ["outcome"],
    registers: [this.registry],
  });
  private readonly decisions = new Counter({
    name: "crm_policy_decisions_total",
    help: "Decisions appended to the outbox, by kind and reason",
    labelNames: ["decision", "reason"],
    registers: [this.registry],
  });
  private readonly rejections = new Counter({
    name: "crm_policy_rejections_total",
    help: "Rejected events, by kind of reason",
    labelNames: ["reason"],
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({ name: "crm_policy_sessions_in_flight", help: "Sessions started and not yet ended", registers: [this.registry] });
  readonly requests = new Histogram({
    name: "crm_policy_http_request_duration_seconds",
    help: "HTTP request latency, by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 30],
    registers: [this.registry],
  });
  readonly reloads = new Counter({
    name: "crm_policy_bundle_reloads_total",
    help: "Bundle reloads, by result (applied, unchanged, failed)",
    labelNames: ["result"],
    registers: [this.registry],
  });
  readonly storeWrites = new Histogram({
    name: "crm_policy_store_write_duration_seconds",
    help: "Time to apply and commit one batch to the state store",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "crm_policy_" });
  }

  outcome(outcome: EventOutcome): void {
    this.events.inc({ outcome: outcome.status });
    if (outcome.status === "rejected") this.rejections.inc({ reason: reasonKind(outcome.reason) });
    else if (outcome.status === "decided")
      this.decisions.inc({
        decision: outcome.decision.decision,
        reason: outcome.decision.decision === "none" ? outcome.decision.reason : outcome.decision.trigger,
      });
  }
}

/**
 * A rejection reason without the values in it (ids, times), so the label has few values:
 * "unknown session `s-17`: no `started` event seen" becomes "unknown session".
 */
export function reasonKind(reason: string): string {
  const words = reason
    .replace(/`[^`]*`/g, " ")
    .split(/[:(]/)[0]!
    .split(/\s+/)
    .filter((word) => word !== "" && !/\d/.test(word));
  return words.slice(0, 4).join(" ") || "other";
}
