import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown.ts';

describe('statement Markdown subset', () => {
  it('parses headings, paragraphs, lists and inline marks', () => {
    expect(
      parseMarkdown(
        '# Commande\n\nLa **Boulangerie** *Martin* écrit :\nvoir `FA-1`.\n\n- pains\n- [site](https://exemple.fr)\n1. un',
      ),
    ).toEqual([
      { kind: 'heading', level: 1, children: [{ kind: 'text', text: 'Commande' }] },
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'La ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'Boulangerie' }] },
          { kind: 'text', text: ' ' },
          { kind: 'em', children: [{ kind: 'text', text: 'Martin' }] },
          { kind: 'text', text: ' écrit : voir ' },
          { kind: 'code', text: 'FA-1' },
          { kind: 'text', text: '.' },
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: [
          [{ kind: 'text', text: 'pains' }],
          [{ kind: 'link', href: 'https://exemple.fr', children: [{ kind: 'text', text: 'site' }] }],
        ],
      },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'un' }]] },
    ]);
  });

  it('keeps HTML and unsafe links as plain text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1))')).toEqual([
      {
        kind: 'paragraph',
        children: [{ kind: 'text', text: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' }],
      },
    ]);
  });
});
