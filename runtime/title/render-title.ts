import type { CompiledPolicy } from "../../schemas/types/bundle.v1.js";
import { cutTo, plainLine } from "./plain-text.js";
import { timestampFormat } from "./timestamp.js";

/** What a title is filled from. */
export interface TitleInput {
  callType: string;
  sessionId: string;
  menuPath: string | undefined;
  phoneNumber: string | undefined;
  language: string | undefined;
  startedAt: string;
}

export type RenderTitle = (input: TitleInput) => string;

const enum Var {
  CallType,
  CallId,
  MenuPath,
  PhoneNumber,
  Language,
  Timestamp,
}

const index: Record<string, Var> = {
  CALL_TYPE: Var.CallType,
  CALL_ID: Var.CallId,
  MENU_PATH: Var.MenuPath,
  PHONE_NUMBER: Var.PhoneNumber,
  LANGUAGE: Var.Language,
  TIMESTAMP: Var.Timestamp,
};

/**
 * Builds the title function once per policy: literal segments are already plain text
 * (the compiler checked them), so only the session's values are cleaned per call.
 */
export function titleRenderer(policy: CompiledPolicy): RenderTitle {
  const literals: string[] = [];
  const vars: Var[] = [];
  let pending = "";
  for (const segment of policy.title.segments) {
    if (typeof segment === "string") pending += segment;
    else {
      literals.push(pending);
      vars.push(index[segment.var] ?? Var.CallId);
      pending = "";
    }
  }
  const tail = pending;
  const count = vars.length;
  const limit = policy.crm.subjectLimit;
  const timestamp = timestampFormat(policy.title.timeZone);
  const value = (input: TitleInput, v: Var): string => {
    switch (v) {
      case Var.CallType:
        return plainLine(input.callType);
      case Var.CallId:
        return plainLine(input.sessionId);
      case Var.MenuPath:
        return input.menuPath === undefined ? "" : plainLine(input.menuPath);
      case Var.PhoneNumber:
        return input.phoneNumber === undefined ? "" : plainLine(input.phoneNumber);
      case Var.Language:
        return input.language === undefined ? "" : plainLine(input.language);
      case Var.Timestamp:
        return timestamp(input.startedAt);
    }
  };
  return (input) => {
    let title = "";
    for (let i = 0; i < count; i++) title += literals[i]! + value(input, vars[i]!);
    return cutTo(title + tail, limit);
  };
}
