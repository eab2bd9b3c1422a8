import type { Revision } from "./revision.js";

interface Route {
  revision: Revision;
  ended: boolean;
}

/**
 * Which revision each known session belongs to: every in-flight session, and the `capacity`
 * most recently ended ones (as many as a Decider remembers), so that a redelivered event of an
 * old session reaches the Decider that knows it even after a new bundle went live.
 */
export class SessionRoutes {
  private readonly routes = new Map<string, Route>();
  private readonly ring: (string | undefined)[];
  private next = 0;
  inFlight = 0;

  constructor(capacity: number) {
    this.ring = new Array<string | undefined>(Math.max(1, capacity)).fill(undefined);
  }

  get(sessionId: string): Route | undefined {
    return this.routes.get(sessionId);
  }

  /** The in-flight sessions of one revision. */
  *inFlightOf(revision: Revision): Iterable<string> {
    for (const [sessionId, route] of this.routes) if (!route.ended && route.revision === revision) yield sessionId;
  }

  started(sessionId: string, revision: Revision): void {
    const old = this.routes.get(sessionId);
    if (old !== undefined) old.revision.sessions--;
    this.routes.set(sessionId, { revision, ended: false });
    revision.sessions++;
    this.inFlight++;
  }

  ended(sessionId: string): void {
    const route = this.routes.get(sessionId);
    if (route === undefined || route.ended) return;
    route.ended = true;
    this.inFlight--;
    const evicted = this.ring[this.next];
    this.ring[this.next] = sessionId;
    this.next = (this.next + 1) % this.ring.length;
    if (evicted === undefined) return;
    const forgotten = this.routes.get(evicted);
    if (forgotten?.ended === true) {
      this.routes.delete(evicted);
      forgotten.revision.sessions--;
    }
  }
}
