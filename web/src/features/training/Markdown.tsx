import { Anchor, Code, List, Text, Title } from '@mantine/core';
import { type Inline, parseMarkdown } from '../../../../src/training/situations/markdown.ts';

function Inlines({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((node, i) => {
        const key = `${node.kind}-${i}`;
        switch (node.kind) {
          case 'text':
            return <span key={key}>{node.text}</span>;
          case 'strong':
            return (
              <strong key={key}>
                <Inlines nodes={node.children} />
              </strong>
            );
          case 'em':
            return (
              <em key={key}>
                <Inlines nodes={node.children} />
              </em>
            );
          case 'code':
            return <Code key={key}>{node.text}</Code>;
          case 'link':
            return (
              <Anchor key={key} href={node.href} target="_blank" rel="noopener noreferrer">
                <Inlines nodes={node.children} />
              </Anchor>
            );
        }
        return null;
      })}
    </>
  );
}

/** A statement in the Markdown subset, as React elements only: nothing typed is ever read as HTML. */
export function Markdown({ source }: { source: string }) {
  return (
    <div data-testid="statement">
      {parseMarkdown(source).map((block, i) => {
        const key = `${block.kind}-${i}`;
        if (block.kind === 'heading')
          return (
            <Title key={key} order={block.level === 1 ? 3 : 4} mt="sm" mb="xs">
              <Inlines nodes={block.children} />
            </Title>
          );
        if (block.kind === 'list')
          return (
            <List key={key} type={block.ordered ? 'ordered' : 'unordered'} mb="sm">
              {block.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their place
                <List.Item key={j}>
                  <Inlines nodes={item} />
                </List.Item>
              ))}
            </List>
          );
        return (
          <Text key={key} mb="sm">
            <Inlines nodes={block.children} />
          </Text>
        );
      })}
    </div>
  );
}
