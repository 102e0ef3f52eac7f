import { Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSessionQuery } from '../../app/auth/session';
import { searchRegions } from './regions.api';

interface Known {
  code: string;
  name: string;
}

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Regions to offer before anything is typed, besides the user's own scopes. */
  known?: Known[];
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  'aria-label'?: string;
}

const label = (r: Known) => `${r.name}（${r.code}）`;

/**
 * Picks a region by typing part of its name or code. The user's own scopes are offered first, so a
 * county clerk rarely has to type at all.
 */
export function RegionSelect({ value, onChange, known = [], placeholder, allowClear, id, ...rest }: Props) {
  const { data: session } = useSessionQuery();
  const [found, setFound] = useState<Known[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const options = useMemo(() => {
    const scopes = (session?.grants ?? []).map((g) => ({
      code: g.regionCode,
      name: g.regionName ?? g.regionCode,
    }));
    const byCode = new Map<string, Known>();
    for (const r of [...found, ...known, ...scopes]) if (!byCode.has(r.code)) byCode.set(r.code, r);
    return [...byCode.values()].map((r) => ({ value: r.code, label: label(r) }));
  }, [found, known, session]);

  const onSearch = (text: string) => {
    clearTimeout(timer.current);
    const q = text.trim();
    if (!q) {
      setFound([]);
      return;
    }
    timer.current = setTimeout(async () => {
      setSearching(true);
      try {
        setFound((await searchRegions(q)).items);
      } catch {
        setFound([]);
      } finally {
        setSearching(false);
      }
    }, 250);
  };

  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={(code) => onChange?.(code)}
      options={options}
      showSearch={{ filterOption: false, onSearch }}
      loading={searching}
      allowClear={allowClear}
      placeholder={placeholder ?? '输入名称或代码查找地区'}
      notFoundContent={searching ? '正在查找…' : '输入名称或代码查找'}
      style={{ width: '100%' }}
    />
  );
}
