import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

/** A search box's text now, and the same text once typing has paused (what the query uses). */
export function useDebouncedSearch(delay = 300) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), delay);
  return { search, setSearch, debouncedSearch: debounced };
}
