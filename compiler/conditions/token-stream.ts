import { tokenTypes, type Token } from "./tokenize.js";

const types: ReadonlySet<string> = new Set(tokenTypes);

/**
 * Feeds tokenize()'s tokens to nearley, which asks a lexer for them. nearley hands the chunk it
 * was fed to `reset`; the tokens were already made from that same text, so it is not read again.
 * nearley passes these token objects to the grammar's postprocessors, offsets included.
 */
export class TokenStream {
  private index = 0;

  constructor(private readonly tokens: readonly Token[] = []) {}

  /** Which `%name`s the grammar may use; nearleyc's output asks when the grammar module loads. */
  has(type: string): boolean {
    return types.has(type);
  }

  reset(): void {
    this.index = 0;
  }

  next(): Token | undefined {
    return this.tokens[this.index++];
  }

  save(): { index: number } {
    return { index: this.index };
  }

  formatError(): string {
    return "condition syntax error";
  }
}
