// How a variable is written, character by character, before any template parsing.
import { describe, expect, it } from "vitest";
import { departures } from "../../compiler/template/mustache-form.js";

const show = (written: string) => departures(written, "CALL_ID")?.map((d) => `${d.kind} ${d.start}-${d.end}`);

describe("departures from {{CALL_ID}}", () => {
  it.each([
    ["{{CALL_ID}}", []],
    ["{{~CALL_ID~}}", ["whitespace-control 2-3", "whitespace-control 10-11"]],
    ["{{[CALL_ID]}}", ["brackets 2-3", "brackets 10-11"]],
    ["{{ \n CALL_ID\r\n}}", ["whitespace 2-3", "line-break 3-4", "whitespace 4-5", "line-break 12-14"]],
    [
      "{{~\u00a0[CALL_ID]\u2028~}}",
      ["whitespace-control 2-3", "whitespace 3-4", "brackets 4-5", "brackets 12-13", "line-break 13-14", "whitespace-control 14-15"],
    ],
  ])("%j", (written, expected) => {
    expect(show(written)).toEqual(expected);
  });

  it.each(["{{CALL_ID.}}", "{{[CALL_ID}}", "{{CALL_ID]}}", "{{this.CALL_ID}}", "{{CALL_TYPE}}"])(
    "has none to give when the braces hold more than the name: %j",
    (written) => {
      expect(show(written)).toBeUndefined();
    },
  );
});
