import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signBundle } from "../../compiler/passes/sign.js";
import { compileSources } from "../../compiler/pipeline.js";
import { readSources } from "../../cli/source-files.js";
import { canonicalJson } from "../../runtime/bundle/canonical-json.js";
import { bundleDigest } from "../../runtime/bundle/digest.js";
import { BundleError, loadBundle, readTrustedKeys, type PolicyBundle } from "@crm-policy/runtime";
import { keyIdOf } from "../../runtime/bundle/signature.js";
import { runCli } from "../support/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "crm-policy-signing-"));
const compiled = compileSources(readSources(["policies"])).bundle;
if (compiled === undefined) throw new Error("example policies do not compile");
const unsigned = compiled.value;

function keyPair(): { privateKey: KeyObject; publicPem: string; id: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { privateKey, publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(), id: keyIdOf(publicKey) };
}

const oldKey = keyPair();
const newKey = keyPair();
const stranger = keyPair();
const signedText = (key: { privateKey: KeyObject }, bundle: PolicyBundle = unsigned) => signBundle(bundle, key.privateKey).text;

/** The load error's message, or "loaded". */
function outcome(text: string, trustedKeys?: Iterable<string | KeyObject>): string {
  try {
    loadBundle(text, trustedKeys === undefined ? {} : { trustedKeys });
    return "loaded";
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    return error.message;
  }
}

/** Changes a setting and writes the digest again, as anyone with the runtime's function can. */
function tamperedWithDigestRecomputed(text: string): string {
  const bundle = JSON.parse(text) as PolicyBundle;
  const policy = bundle.policies[0];
  if (policy === undefined) throw new Error("no policy");
  policy.records = { ...policy.records, delayUntilConnected: !policy.records.delayUntilConnected };
  return canonicalJson({ ...bundle, digest: bundleDigest(bundle) }) + "\n";
}

describe("a signed bundle", () => {
  it("keeps the digest of the unsigned one and loads with its key trusted", () => {
    const text = signedText(oldKey);
    const loaded = loadBundle(text, { trustedKeys: [oldKey.publicPem] });
    expect(loaded.digest).toBe(unsigned.digest);
    expect(loaded.bundle.signature?.keyId).toBe(oldKey.id);
    expect(outcome(text)).toBe("loaded");
  });

  it("is refused unsigned, naming the trusted key ids", () => {
    expect(outcome(compiled.text, [oldKey.publicPem, newKey.publicPem])).toMatch(
      new RegExp(`^bundle is not signed.*trusted: \`(${oldKey.id}|${newKey.id})\`, \`(${oldKey.id}|${newKey.id})\``),
    );
  });

  it("is refused when signed by a key not trusted, naming that key", () => {
    expect(outcome(signedText(stranger), [oldKey.publicPem])).toBe(
      `bundle is signed by key \`${stranger.id}\`, which is not trusted here (trusted: \`${oldKey.id}\`)`,
    );
  });

  it("is refused when its signature does not verify, naming the key", () => {
    const bundle = JSON.parse(signedText(oldKey)) as PolicyBundle & { signature: { value: string } };
    const bytes = Buffer.from(bundle.signature.value, "base64");
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    const text = canonicalJson({ ...bundle, signature: { ...bundle.signature, value: bytes.toString("base64") } });
    expect(outcome(text, [oldKey.publicPem])).toBe(
      `bundle signature by key \`${oldKey.id}\` does not verify: the signature is damaged or was not made with that key`,
    );
    // the trusted key's id on another key's signature: the bytes decide, not the id
    const forged = JSON.parse(signedText(stranger)) as PolicyBundle & { signature: { keyId: string } };
    expect(outcome(canonicalJson({ ...forged, signature: { ...forged.signature, keyId: oldKey.id } }), [oldKey.publicPem])).toMatch(/does not verify/);
  });

  it("is refused when its signature covers another digest, naming the key", () => {
    const other = JSON.parse(
      signedText(oldKey, { ...unsigned, compiler: "crm-policy 0.0.9", digest: bundleDigest({ ...unsigned, compiler: "crm-policy 0.0.9" }) }),
    ) as PolicyBundle;
    const moved = canonicalJson({ ...unsigned, signature: other.signature });
    expect(outcome(moved, [oldKey.publicPem])).toBe(
      `bundle signature by key \`${oldKey.id}\` is over digest ${other.digest}, not this bundle's ${unsigned.digest}: the bundle was changed after signing`,
    );
    // the claimed digest edited to match: then the signature itself fails
    const claimed = canonicalJson({ ...unsigned, signature: { ...other.signature, digest: unsigned.digest } });
    expect(outcome(claimed, [oldKey.publicPem])).toMatch(/does not verify/);
  });

  it("changed and its digest recomputed: refused with keys, accepted without (integrity only, as the README says)", () => {
    const tampered = tamperedWithDigestRecomputed(signedText(oldKey));
    expect(outcome(tampered, [oldKey.publicPem])).toMatch(
      new RegExp(`^bundle signature by key \`${oldKey.id}\` is over digest sha256:[0-9a-f]{64}, not this bundle's`),
    );
    expect(outcome(tampered)).toBe("loaded");
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain("**Without trusted keys, `loadBundle` checks integrity only.**");
    expect(readme).toContain("recompute the digest");
  });

  it("cannot turn the check off: no signature, a null one, or extra fields change nothing", () => {
    const bundle = JSON.parse(signedText(oldKey)) as Record<string, unknown> & { signature: object };
    const trusted = [oldKey.publicPem];
    expect(outcome(canonicalJson({ ...bundle, signature: undefined }), trusted)).toMatch(/^bundle is not signed/);
    expect(outcome(canonicalJson({ ...bundle, signature: null }), trusted)).toMatch(/^bundle/);
    expect(outcome(canonicalJson({ ...bundle, signature: null }), trusted)).not.toBe("loaded");
    const noneAlg = canonicalJson({ ...tamperedBundle(bundle), signature: { ...bundle.signature, alg: "none" } });
    expect(outcome(noneAlg, trusted)).not.toBe("loaded");
  });

  it("with an empty trust list, every bundle is refused", () => {
    expect(outcome(signedText(oldKey), [])).toMatch(/no keys are trusted/);
  });
});

function tamperedBundle(bundle: object): object {
  return JSON.parse(tamperedWithDigestRecomputed(canonicalJson(bundle))) as object;
}

describe("key rotation: two keys trusted at once", () => {
  it("loads bundles signed by either; once the old key is dropped, its bundles are refused by id", () => {
    const both = [oldKey.publicPem, newKey.publicPem];
    expect(outcome(signedText(oldKey), both)).toBe("loaded");
    expect(outcome(signedText(newKey), both)).toBe("loaded");
    expect(outcome(signedText(newKey), [newKey.publicPem])).toBe("loaded");
    expect(outcome(signedText(oldKey), [newKey.publicPem])).toMatch(
      new RegExp(`signed by key \`${oldKey.id}\`, which is not trusted here \\(trusted: \`${newKey.id}\`\\)`),
    );
  });

  it("reads a trust folder of several public keys", () => {
    const trust = join(dir, "rotation");
    mkdirSync(trust);
    writeFileSync(join(trust, "old.pem"), oldKey.publicPem);
    writeFileSync(join(trust, "new.pem"), newKey.publicPem);
    writeFileSync(join(trust, "README.txt"), "not a key, not read");
    const keys = readTrustedKeys(trust);
    expect(keys.ids).toEqual([oldKey.id, newKey.id].sort());
    expect(() => loadBundle(signedText(oldKey), { trustedKeys: keys })).not.toThrow();
    expect(() => loadBundle(signedText(newKey), { trustedKeys: keys })).not.toThrow();
    expect(() => loadBundle(signedText(stranger), { trustedKeys: keys })).toThrow(stranger.id);
  });
});

describe("the trust configuration", () => {
  it("refuses a private key, a key of another type, a folder without keys and text that is no key", () => {
    const empty = join(dir, "empty");
    mkdirSync(empty);
    expect(() => readTrustedKeys(empty)).toThrow(/no trusted keys in/);
    const privatePem = oldKey.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(() => loadBundle(signedText(oldKey), { trustedKeys: [privatePem] })).toThrow(/is a private key: trust only public keys/);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(() => loadBundle(signedText(oldKey), { trustedKeys: [rsa] })).toThrow(/is a rsa key, not Ed25519/);
    const junk = join(dir, "junk.pem");
    writeFileSync(junk, "-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----\n");
    expect(() => readTrustedKeys(junk)).toThrow(new RegExp(`${junk.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is not a PEM public key`));
    expect(() => readTrustedKeys(join(dir, "missing"))).toThrow(/cannot read trusted keys at .*ENOENT/);
  });
});

describe("flipping any byte of a signed bundle", () => {
  const text = signedText(oldKey);
  const bytes = Buffer.from(text, "utf8");
  it("is refused when keys are trusted (only the final newline may turn into other JSON whitespace)", () => {
    const trustedKeys = [oldKey.publicPem];
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const flipped = Buffer.from(bytes);
        flipped[at] = (flipped[at] ?? 0) ^ mask;
        const result = outcome(flipped.toString("utf8"), trustedKeys);
        const onlyWhitespace = at === bytes.length - 1 && /^[ \t\r\n]$/.test(String.fromCharCode(flipped[at] ?? 0));
        return onlyWhitespace ? result === "loaded" : result !== "loaded";
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the commands", () => {
  it("keys new writes an Ed25519 pair as PEM (PKCS#8 private, readable by its owner only; SPKI public), never overwriting", async () => {
    const out = join(dir, "keys");
    const made = await runCli(["keys", "new", "--out", out]);
    expect(made.code).toBe(0);
    const id = made.stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(readdirSync(out).sort()).toEqual([`${id}.private.pem`, `${id}.public.pem`]);
    expect(readFileSync(join(out, `${id}.private.pem`), "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(readFileSync(join(out, `${id}.public.pem`), "utf8")).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(statSync(join(out, `${id}.private.pem`)).mode & 0o077).toBe(0);
    expect(readTrustedKeys(join(out, `${id}.public.pem`)).ids).toEqual([id]);
    const again = await runCli(["keys", "new", "--out", out]);
    expect(again.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(4);
    expect((await runCli(["keys", "old", "--out", out])).code).toBe(2);
    expect((await runCli(["keys", "new"])).stderr).toContain("--out DIR is required");
  });

  it("compile --sign, then simulate and verify --trust run it; unsigned or untrusted, they refuse (exit 1)", async () => {
    const keys = join(dir, "cli-keys");
    const id = (await runCli(["keys", "new", "--out", keys])).stdout.trim();
    const trust = join(dir, "cli-trust");
    mkdirSync(trust);
    copyFileSync(join(keys, `${id}.public.pem`), join(trust, `${id}.pem`));
    const signed = join(dir, "signed.bundle.json");
    const plain = join(dir, "plain.bundle.json");
    const compiledSigned = await runCli(["compile", "policies", "--out", signed, "--sign", join(keys, `${id}.private.pem`)]);
    expect(compiledSigned.stderr).toContain(`signed by key ${id}`);
    expect((await runCli(["compile", "policies", "--out", plain])).code).toBe(0);
    const events = ["--name", "acme-support", "--events", "examples/sessions.jsonl", "--records", "examples/records.jsonl"];
    const run = await runCli(["simulate", "--policy", signed, ...events, "--trust", trust]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe((await runCli(["simulate", "--policy", plain, ...events])).stdout);
    const refused = await runCli(["simulate", "--policy", plain, ...events, "--trust", trust]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain(`bundle is not signed, and this service runs only signed bundles (trusted: \`${id}\`)`);
    const source = await runCli(["simulate", "--policy", "policies/acme-support.yaml", ...events, "--trust", trust]);
    expect(source.code).toBe(1);
    expect(source.stderr).toContain("not a bundle, and with --trust only a signed bundle runs");
    const privateAsTrust = await runCli(["simulate", "--policy", signed, ...events, "--trust", keys]);
    expect(privateAsTrust.code).toBe(2);
    expect(privateAsTrust.stderr).toContain("is a private key");
    const verified = await runCli(["verify", "policies/acme-support.yaml", "--runs", "20", "--bundle", signed, "--trust", trust]);
    expect(verified.code).toBe(0);
    const unverified = await runCli(["verify", "policies/acme-support.yaml", "--runs", "20", "--bundle", plain, "--trust", trust]);
    expect(unverified.code).toBe(1);
    expect(unverified.stdout).toContain("FAILED");
    expect(unverified.stdout).toContain("bundle is not signed");
    expect((await runCli(["verify", "--trust", trust])).code).toBe(2);
    const badKey = await runCli(["compile", "policies", "--out", join(dir, "never.json"), "--sign", join(keys, `${id}.public.pem`)]);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain("--sign takes an Ed25519 private key");
  });
});
