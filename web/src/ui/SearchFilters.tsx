import { Group, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/** The filters above a list, in one search landmark named for screen readers. */
export function SearchFilters({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap" role="search" aria-label={label}>
      {children}
    </Group>
  );
}

/**
 * The text box of a list's search, kept in the URL: the box follows the URL (Back, links) and the URL follows the
 * box once typing pauses for `delay` milliseconds.
 */
export function SearchBox({
  q,
  onSearch,
  delay,
  label,
  placeholder,
  width,
  testId,
}: {
  q: string | undefined;
  onSearch: (q: string | undefined) => void;
  delay: number;
  label: string;
  placeholder: string;
  width: number;
  testId: string;
}) {
  const [text, setText] = useState(q ?? '');
  const [debounced] = useDebouncedValue(text, delay);
  const pushed = useRef(q);
  useEffect(() => {
    // Only a change made elsewhere (Back, a link) rewrites the box, never our own echo.
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q ?? '');
    }
  }, [q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a pause in typing updates the URL
  useEffect(() => {
    const next = debounced.trim() || undefined;
    if (next !== q) {
      pushed.current = next;
      onSearch(next);
    }
  }, [debounced]);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      type="search"
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      w={{ base: '100%', sm: width }}
      data-testid={testId}
    />
  );
}
