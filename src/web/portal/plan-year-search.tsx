import { useEffect, useState } from 'react';

/** More plan years than this and a page offers to find a region by its name. */
export const SEARCH_ABOVE = 12;

/**
 * A public list of plan years (项目进展, 建议答复) that, once longer than a phone's select can hold,
 * is found by the region's name: the server keeps at most 200 and filters by `q`. `load` and
 * `describe` must be the same functions on every render (module-level).
 */
export function usePlanYearSearch<T>(
  load: (q: string) => Promise<{ items: T[] }>,
  describe: (error: unknown) => string,
) {
  const [years, setYears] = useState<T[] | null>(null);
  const [named, setNamed] = useState('');
  const [many, setMany] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    load('')
      .then(({ items }) => {
        setYears(items);
        setMany(items.length > SEARCH_ABOVE);
      })
      .catch((e) => setError(describe(e)));
  }, [load, describe]);

  useEffect(() => {
    if (!many) return;
    const timer = setTimeout(() => {
      load(named.trim())
        .then(({ items }) => setYears(items))
        .catch((e) => setError(describe(e)));
    }, 300);
    return () => clearTimeout(timer);
  }, [many, named, load, describe]);

  return { years, named, setNamed, many, error };
}

/** The search box above the choice of plan year. */
export function PlanYearSearchField(props: {
  value: string;
  onChange: (value: string) => void;
  className: string;
  labelClassName?: string;
}) {
  return (
    <label className={props.className}>
      <span className={props.labelClassName}>查找地区</span>
      <input
        type="search"
        value={props.value}
        maxLength={20}
        placeholder="输入县（市、区）或省、市的名称"
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** What a page says when the search found no region. */
export function noRegionNamed(named: string): string {
  return `没有找到名称含“${named.trim()}”的地区。`;
}
