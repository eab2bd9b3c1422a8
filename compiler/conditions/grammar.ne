# The override-condition language (docs/conditions.md). After editing, regenerate the parser:
#   npx nearleyc compiler/conditions/grammar.ne -o compiler/conditions/grammar.generated.ts
# test/conditions/grammar.test.ts fails while the checked-in output is stale.
#
# Precedence, loosest first: or, and, not, comparisons. `and` and `or` associate to the left;
# comparisons do not associate (`a == b == c` is a syntax error), and their operands are
# attributes or literals, never conditions. Every input has at most one parse; a property test
# checks it on generated conditions.
#
# Tokens come from tokenize.ts through TokenStream; `%name` is a token of that type. Every
# alternative names its own postprocessor (nearley attaches `{% %}` to one alternative only).
# nearleyc's TypeScript output starts with a `@ts-ignore` of its own, over its unused `id`.

@preprocessor typescript

@{%
import * as ast from "./build-ast.js";
import { TokenStream } from "./token-stream.js";

const lexer = new TokenStream();
%}

@lexer lexer

condition  -> or                        {% id %}

or         -> or %OR and                {% ast.binary %}
            | and                       {% id %}

and        -> and %AND not              {% ast.binary %}
            | not                       {% id %}

not        -> %NOT not                  {% ast.not %}
            | primary                   {% id %}

primary    -> comparison                {% id %}
            | operand                   {% id %}
            | %LPAREN or %RPAREN        {% ast.group %}

comparison -> operand operator operand  {% ast.comparison %}

operator   -> %EQ                       {% ast.operator %}
            | %NE                       {% ast.operator %}
            | %IN                       {% ast.operator %}
            | %NOT %IN                  {% ast.notIn %}
            | %STARTS_WITH              {% ast.operator %}
            | %ENDS_WITH                {% ast.operator %}
            | %CONTAINS                 {% ast.operator %}
            | %MATCHES                  {% ast.operator %}
            | %LT                       {% ast.operator %}
            | %LE                       {% ast.operator %}
            | %GT                       {% ast.operator %}
            | %GE                       {% ast.operator %}

operand    -> %IDENTIFIER               {% ast.attribute %}
            | scalar                    {% id %}
            | list                      {% id %}

scalar     -> %STRING                   {% ast.string %}
            | %INTEGER                  {% ast.integer %}
            | %TRUE                     {% ast.boolean %}
            | %FALSE                    {% ast.boolean %}

list       -> %LBRACKET %RBRACKET       {% ast.list %}
            | %LBRACKET items %RBRACKET {% ast.list %}

items      -> scalar                    {% ast.firstItem %}
            | items %COMMA scalar       {% ast.moreItems %}
