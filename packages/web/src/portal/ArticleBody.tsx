import { Title, type TitleOrder } from '@mantine/core';
import { Markdown } from '../markdown/Markdown.js';

type TBlock = { kind: 'heading'; depth: number; text: string } | { kind: 'text'; text: string };

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/** The article split at its `#` headings (never inside a fenced code block). */
export function splitHeadings(body: string): TBlock[] {
  const blocks: TBlock[] = [];
  let text: string[] = [];
  let isInFence = false;
  const flush = () => {
    if (text.some((line) => line.trim() !== '')) blocks.push({ kind: 'text', text: text.join('\n') });
    text = [];
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('```')) isInFence = !isInFence;
    const heading = isInFence ? null : HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', depth: heading[1]!.length, text: heading[2]! });
    } else text.push(line);
  }
  flush();
  return blocks;
}

/**
 * A knowledge article's Markdown: its headings (`## 원인`, as articles drafted from tickets carry
 * them) as real headings from `baseOrder` down, the rest through the app's safe Markdown renderer.
 */
export function ArticleBody({ body, baseOrder }: { body: string; baseOrder: 2 | 3 }) {
  const blocks = splitHeadings(body);
  // The article's top heading level, whatever it is (`#` or `##`), becomes `baseOrder`.
  const top = Math.min(7, ...blocks.map((b) => (b.kind === 'heading' ? b.depth : 7)));
  return (
    <div>
      {blocks.map((block, n) =>
        block.kind === 'heading' ? (
          <Title
            // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of a body have no identity but their place.
            key={n}
            order={Math.min(6, baseOrder + block.depth - top) as TitleOrder}
            size="h5"
            mt="sm"
            mb={4}
          >
            {block.text}
          </Title>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <Markdown key={n} text={block.text} />
        ),
      )}
    </div>
  );
}
