// A small XML 1.0 well-formedness check for the JUnit report (the project has no XML parser):
// one prolog, properly nested and closed elements, quoted attributes without duplicates,
// only the five named entities and character references, no raw `<` or `&` in text.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** The root element, or an exception saying where the text stops being well-formed XML. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed at offset ${i}: ${why}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)) fail("a character XML 1.0 cannot hold");
  const prolog = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n?/.exec(xml);
  if (prolog === null) fail("no XML declaration");
  i = prolog?.[0].length ?? 0;
  const decode = (raw: string): string => {
    if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) fail("raw `<` or `&`");
    return raw
      .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  };
  const name = /[A-Za-z_][\w.-]*/y;
  const readName = (): string => {
    name.lastIndex = i;
    const m = name.exec(xml);
    if (m === null) return fail("expected a name");
    i += m[0].length;
    return m[0];
  };
  const skipSpace = () => {
    while (/\s/.test(xml[i] ?? "")) i++;
  };
  const element = (): XmlElement => {
    if (xml[i] !== "<") fail("expected `<`");
    i++;
    const el: XmlElement = { name: readName(), attributes: {}, children: [], text: "" };
    for (;;) {
      skipSpace();
      if (xml.startsWith("/>", i)) {
        i += 2;
        return el;
      }
      if (xml[i] === ">") {
        i++;
        break;
      }
      const key = readName();
      if (key in el.attributes) fail(`duplicate attribute \`${key}\``);
      if (xml[i] !== "=" || xml[i + 1] !== '"') fail('expected ="');
      const end = xml.indexOf('"', i + 2);
      if (end < 0) fail("unterminated attribute");
      el.attributes[key] = decode(xml.slice(i + 2, end));
      i = end + 1;
    }
    for (;;) {
      const next = xml.indexOf("<", i);
      if (next < 0) fail(`\`${el.name}\` is not closed`);
      el.text += decode(xml.slice(i, next));
      i = next;
      if (xml.startsWith("</", i)) {
        i += 2;
        if (readName() !== el.name) fail(`\`${el.name}\` closed by another element`);
        skipSpace();
        if (xml[i] !== ">") fail("expected `>`");
        i++;
        return el;
      }
      el.children.push(element());
    }
  };
  const root = element();
  if (xml.slice(i).trim() !== "") fail("text after the root element");
  return root;
}
