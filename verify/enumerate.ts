import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import type { SessionEvent, Started } from "../schemas/types/session-event.v1.js";
import type { Alphabet, StartProfile } from "./alphabet.js";
import { recordSetups } from "./record-setups.js";
import type { SessionSettings } from "./session-settings.js";
import { second, stamp, t0, type Trace } from "./trace.js";

/**
 * Every trace of one session up to a bound, for enumeration: each start of the alphabet, each
 * CRM of record-setups.ts, each sequence of lifecycle steps up to `bodyLength(...)` long, each
 * way to end. Steps are one second apart; a repeat delivers the step before it again (a second
 * repeat in a row would change nothing, so none is made).
 */

type Step = "assigned" | "connected" | "consumer" | "repeat";

const voiceSteps: readonly Step[] = ["assigned", "connected", "repeat"];
const chatSteps: readonly Step[] = ["assigned", "connected", "consumer", "repeat"];

/** How a trace ends: not at all (pending), `ended` a second after the last step, or at the short-abandon threshold and just after it. */
type Tail = { ended: false } | { ended: true; at: number };

/** Lifecycle steps of a voice session: assigned, connected and repeats say all there is to say. */
const voiceLength = 4;

/** Steps of a chat: enough consumer messages to pass every threshold, a connection, and one more. */
export function chatLength(variants: readonly ResolvedPolicy[]): number {
  const thresholds = variants.flatMap((v) => [
    v.records.chats.minConsumerMessages,
    typeof v.records.chats.abandoned === "object" ? v.records.chats.abandoned.minConsumerMessages : 0,
  ]);
  return Math.max(3, Math.max(0, ...thresholds) + 2);
}

function bodyLength(channel: "voice" | "chat", alphabet: Alphabet): number {
  return channel === "voice" ? voiceLength : chatLength(alphabet.variants);
}

/** The longest session enumeration makes: `started`, the steps, `ended`. */
export function enumeratedEvents(alphabet: Alphabet): number {
  return Math.max(voiceLength, chatLength(alphabet.variants)) + 2;
}

function tails(channel: "voice" | "chat", steps: number, settings: ResolvedPolicy): Tail[] {
  const natural = t0 + (steps + 1) * second;
  const out: Tail[] = [{ ended: false }, { ended: true, at: natural }];
  const threshold = settings.records.chats.shortAbandonSeconds;
  if (channel === "chat" && threshold !== null) {
    for (const at of [t0 + threshold * second, t0 + (threshold + 1) * second]) if (at > natural) out.push({ ended: true, at });
  }
  return out;
}

/** Step sequences of length n over `letters` with no two repeats in a row. */
function sequenceCount(n: number, letters: number): number {
  if (n === 0) return 1;
  let other = letters - 1;
  let repeat = 1;
  for (let k = 1; k < n; k++) [other, repeat] = [(other + repeat) * (letters - 1), other];
  return other + repeat;
}

/** How many traces enumeration makes, without making them. */
export function enumerationSize(alphabet: Alphabet, settings: SessionSettings): number {
  let total = 0;
  for (const profile of alphabet.profiles) {
    const s = settings.for(profile);
    const letters = profile.channel === "voice" ? voiceSteps.length : chatSteps.length;
    let perSetup = 0;
    for (let n = 0; n <= bodyLength(profile.channel, alphabet); n++) perSetup += sequenceCount(n, letters) * tails(profile.channel, n, s).length;
    total += perSetup * recordSetups(profile, s).length;
  }
  return total;
}

/**
 * The fewest traces enumeration makes for any one start: an anonymous one (a single CRM), the
 * shortest body its channel can have, and the two tails every start has (pending, ended).
 */
export function fewestTracesPerStart(): number {
  const least = (letters: number, length: number) => {
    let n = 0;
    for (let k = 0; k <= length; k++) n += sequenceCount(k, letters) * 2;
    return n;
  };
  return Math.min(least(voiceSteps.length, voiceLength), least(chatSteps.length, chatLength([])));
}

/**
 * The traces, shortest first for each start and CRM. `maxEvents` bounds the traces' length
 * instead of the bound `enumeratedEvents` gives (`crm-policy diff --max-events`).
 */
export function* enumerateTraces(alphabet: Alphabet, settings: SessionSettings, maxEvents?: number): Generator<Trace> {
  for (const profile of alphabet.profiles) {
    const s = settings.for(profile);
    const letters = profile.channel === "voice" ? voiceSteps : chatSteps;
    const max = maxEvents === undefined ? bodyLength(profile.channel, alphabet) : maxEvents - 1;
    for (const records of recordSetups(profile, s))
      for (let n = 0; n <= max; n++)
        for (const steps of sequences(n, letters)) for (const tail of tails(profile.channel, n, s)) yield { records, events: events(profile, steps, tail) };
  }
}

function* sequences(n: number, letters: readonly Step[], prefix: Step[] = []): Generator<Step[]> {
  if (prefix.length === n) {
    yield prefix;
    return;
  }
  for (const letter of letters) {
    if (letter === "repeat" && prefix[prefix.length - 1] === "repeat") continue;
    yield* sequences(n, letters, [...prefix, letter]);
  }
}

function events(profile: StartProfile, steps: readonly Step[], tail: Tail): SessionEvent[] {
  const sessionId = "s1";
  const started: Started = { type: "started", sessionId, at: stamp(t0), ...profile };
  const out: SessionEvent[] = [started];
  steps.forEach((step, i) => {
    const at = stamp(t0 + (i + 1) * second);
    const previous = out[out.length - 1] ?? started;
    if (step === "repeat") out.push(previous);
    else if (step === "consumer") out.push({ type: "message", sessionId, at, from: "consumer" });
    else out.push({ type: step, sessionId, at });
  });
  if (tail.ended) out.push({ type: "ended", sessionId, at: stamp(tail.at) });
  return out;
}
