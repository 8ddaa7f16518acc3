// The statement of a situation is a small Markdown subset, parsed here into a tree the web renders with
// React elements only (never as HTML): headings (#, ##), paragraphs, bulleted and numbered lists, **bold**,
// *italic*, `code` and [links](https://…). Anything else is text, shown as typed — no raw HTML, no XSS.
// No dependency: none of the project's packages parses Markdown, and this subset is all a statement needs.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: 1 | 2; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

const SAFE_LINK = /^(https?:\/\/|mailto:)[^\s]+$/i;

const INLINE: { pattern: RegExp; make: (m: RegExpMatchArray) => Inline | null }[] = [
  { pattern: /^\*\*(.+?)\*\*/, make: (m) => ({ kind: 'strong', children: parseInline(m[1]!) }) },
  { pattern: /^\*([^*\s][^*]*?)\*/, make: (m) => ({ kind: 'em', children: parseInline(m[1]!) }) },
  { pattern: /^_([^_\s][^_]*?)_/, make: (m) => ({ kind: 'em', children: parseInline(m[1]!) }) },
  { pattern: /^`([^`]+)`/, make: (m) => ({ kind: 'code', text: m[1]! }) },
  {
    pattern: /^\[([^\]]+)\]\(([^)\s]+)\)/,
    make: (m) => (SAFE_LINK.test(m[2]!) ? { kind: 'link', href: m[2]!, children: parseInline(m[1]!) } : null),
  },
];

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  let plain = '';
  outer: while (rest.length > 0) {
    for (const { pattern, make } of INLINE) {
      const m = rest.match(pattern);
      const node = m ? make(m) : null;
      if (m && node) {
        if (plain) out.push({ kind: 'text', text: plain });
        plain = '';
        out.push(node);
        rest = rest.slice(m[0].length);
        continue outer;
      }
    }
    plain += rest[0];
    rest = rest.slice(1);
  }
  if (plain) out.push({ kind: 'text', text: plain });
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
    if (list) blocks.push({ kind: 'list', ...list });
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = line.match(/^(#{1,3})\s+(.*)$/);
    const item = line.match(/^([-*]|\d+[.)])\s+(.*)$/);
    if (line === '') flush();
    else if (heading) {
      flush();
      blocks.push({
        kind: 'heading',
        level: heading[1]!.length === 1 ? 1 : 2,
        children: parseInline(heading[2]!),
      });
    } else if (item) {
      const ordered = /\d/.test(item[1]!);
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInline(item[2]!));
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
