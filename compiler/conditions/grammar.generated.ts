// Generated automatically by nearley, version 2.20.1
// http://github.com/Hardmath123/nearley
// Bypasses TS6133. Allow declared but unused functions.
// @ts-ignore
function id(d: any[]): any { return d[0]; }
declare var OR: any;
declare var AND: any;
declare var NOT: any;
declare var LPAREN: any;
declare var RPAREN: any;
declare var EQ: any;
declare var NE: any;
declare var IN: any;
declare var STARTS_WITH: any;
declare var ENDS_WITH: any;
declare var CONTAINS: any;
declare var MATCHES: any;
declare var LT: any;
declare var LE: any;
declare var GT: any;
declare var GE: any;
declare var IDENTIFIER: any;
declare var STRING: any;
declare var INTEGER: any;
declare var TRUE: any;
declare var FALSE: any;
declare var LBRACKET: any;
declare var RBRACKET: any;
declare var COMMA: any;

import * as ast from "./build-ast.js";
import { TokenStream } from "./token-stream.js";

const lexer = new TokenStream();

interface NearleyToken {
  value: any;
  [key: string]: any;
};

interface NearleyLexer {
  reset: (chunk: string, info: any) => void;
  next: () => NearleyToken | undefined;
  save: () => any;
  formatError: (token: never) => string;
  has: (tokenType: string) => boolean;
};

interface NearleyRule {
  name: string;
  symbols: NearleySymbol[];
  postprocess?: (d: any[], loc?: number, reject?: {}) => any;
};

type NearleySymbol = string | { literal: any } | { test: (token: any) => boolean };

interface Grammar {
  Lexer: NearleyLexer | undefined;
  ParserRules: NearleyRule[];
  ParserStart: string;
};

const grammar: Grammar = {
  Lexer: lexer,
  ParserRules: [
    {"name": "condition", "symbols": ["or"], "postprocess": id},
    {"name": "or", "symbols": ["or", (lexer.has("OR") ? {type: "OR"} : OR), "and"], "postprocess": ast.binary},
    {"name": "or", "symbols": ["and"], "postprocess": id},
    {"name": "and", "symbols": ["and", (lexer.has("AND") ? {type: "AND"} : AND), "not"], "postprocess": ast.binary},
    {"name": "and", "symbols": ["not"], "postprocess": id},
    {"name": "not", "symbols": [(lexer.has("NOT") ? {type: "NOT"} : NOT), "not"], "postprocess": ast.not},
    {"name": "not", "symbols": ["primary"], "postprocess": id},
    {"name": "primary", "symbols": ["comparison"], "postprocess": id},
    {"name": "primary", "symbols": ["operand"], "postprocess": id},
    {"name": "primary", "symbols": [(lexer.has("LPAREN") ? {type: "LPAREN"} : LPAREN), "or", (lexer.has("RPAREN") ? {type: "RPAREN"} : RPAREN)], "postprocess": ast.group},
    {"name": "comparison", "symbols": ["operand", "operator", "operand"], "postprocess": ast.comparison},
    {"name": "operator", "symbols": [(lexer.has("EQ") ? {type: "EQ"} : EQ)], "postprocess": ast.operator},
    {"name": "operator", "symbols": [(lexer.has("NE") ? {type: "NE"} : NE)], "postprocess": ast.operator},
    {"name": "operator", "symbols": [(lexer.has("IN") ? {type: "IN"} : IN)], "postprocess": ast.operator},
    {"name": "operator", "symbols": [(lexer.has("NOT") ? {type: "NOT"} : NOT), (lexer.has("IN") ? {type: "IN"} : IN)], "postprocess": ast.notIn},
    {"name": "operator", "symbols": [(lexer.has("STARTS_WITH") ? {type: "STARTS_WITH"} : STARTS_WITH)], "postprocess": ast.operator},
    {"name": "operator", "symbols": [(lexer.has("ENDS_WITH") ? {type: "ENDS_WITH"} : ENDS_WITH)], "postprocess": ast.operator},
    {"name": "operator", "symbols": [(lexer.has("CONTAINS") ? {type: "CONTAINS"} : CONTAINS)], "postprocess": ast.operator},
    {"name": "operator", "symbols": [(lexer.has("MATCHES") ? {type: "MATCHES"} : MATCHES)], "postprocess": ast.operator},
    {"name": "operator", "symbols": [(lexer.has("LT") ? {type: "LT"} : LT)], "postprocess": ast.operator},
    {"name": "operator", "symbols": [(lexer.has("LE") ? {type: "LE"} : LE)], "postprocess": ast.operator},
    {"name": "operator", "symbols": [(lexer.has("GT") ? {type: "GT"} : GT)], "postprocess": ast.operator},
    {"name": "operator", "symbols": [(lexer.has("GE") ? {type: "GE"} : GE)], "postprocess": ast.operator},
    {"name": "operand", "symbols": [(lexer.has("IDENTIFIER") ? {type: "IDENTIFIER"} : IDENTIFIER)], "postprocess": ast.attribute},
    {"name": "operand", "symbols": ["scalar"], "postprocess": id},
    {"name": "operand", "symbols": ["list"], "postprocess": id},
    {"name": "scalar", "symbols": [(lexer.has("STRING") ? {type: "STRING"} : STRING)], "postprocess": ast.string},
    {"name": "scalar", "symbols": [(lexer.has("INTEGER") ? {type: "INTEGER"} : INTEGER)], "postprocess": ast.integer},
    {"name": "scalar", "symbols": [(lexer.has("TRUE") ? {type: "TRUE"} : TRUE)], "postprocess": ast.boolean},
    {"name": "scalar", "symbols": [(lexer.has("FALSE") ? {type: "FALSE"} : FALSE)], "postprocess": ast.boolean},
    {"name": "list", "symbols": [(lexer.has("LBRACKET") ? {type: "LBRACKET"} : LBRACKET), (lexer.has("RBRACKET") ? {type: "RBRACKET"} : RBRACKET)], "postprocess": ast.list},
    {"name": "list", "symbols": [(lexer.has("LBRACKET") ? {type: "LBRACKET"} : LBRACKET), "items", (lexer.has("RBRACKET") ? {type: "RBRACKET"} : RBRACKET)], "postprocess": ast.list},
    {"name": "items", "symbols": ["scalar"], "postprocess": ast.firstItem},
    {"name": "items", "symbols": ["items", (lexer.has("COMMA") ? {type: "COMMA"} : COMMA), "scalar"], "postprocess": ast.moreItems}
  ],
  ParserStart: "condition",
};

export default grammar;
