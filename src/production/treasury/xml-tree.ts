import { SaxesParser } from 'saxes';
import { BankFileError } from './statement-file.ts';

// A strict XML reader (saxes: well-formedness and namespaces checked, no DTD nor external entity is ever
// fetched) into a small tree, enough to walk a CAMT message by local names.

export type XmlElement = {
  name: string;
  ns: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
};

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: string | null = null;
  parser.on('error', (error) => {
    failure ??= error.message;
  });
  parser.on('doctype', () => {
    failure ??= 'déclaration DOCTYPE refusée';
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [key, attr] of Object.entries(tag.attributes)) attributes[attr.local || key] = attr.value;
    const element: XmlElement = { name: tag.local, ns: tag.uri, attributes, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('cdata', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element) element.text = element.text.trim();
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    failure ??= (error as Error).message;
  }
  if (failure || !root) throw new BankFileError(`Fichier XML mal formé : ${failure ?? 'document vide'}.`);
  return root;
}

/** The first child element on a path of local names, or null. */
export function child(element: XmlElement | null | undefined, ...path: string[]): XmlElement | null {
  let current: XmlElement | null = element ?? null;
  for (const name of path) {
    current = current?.children.find((c) => c.name === name) ?? null;
    if (!current) return null;
  }
  return current;
}

export function children(element: XmlElement | null | undefined, name: string): XmlElement[] {
  return element?.children.filter((c) => c.name === name) ?? [];
}

/** The text of the element at a path, or null when absent or empty. */
export function textAt(element: XmlElement | null | undefined, ...path: string[]): string | null {
  const found = child(element, ...path);
  return found?.text ? found.text : null;
}
