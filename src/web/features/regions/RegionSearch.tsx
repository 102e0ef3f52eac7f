import { Input, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api/form-errors';
import type { Region } from '../../app/api/types';
import { searchRegions } from './regions.api';

/** Finds a region by name or code; picking a result opens the tree down to it. */
export function RegionSearch({ onPick }: { onPick: (region: Region) => void }) {
  const [results, setResults] = useState<Region[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const search = async (text: string) => {
    const q = text.trim();
    setProblem(null);
    if (!q) {
      setResults(null);
      return;
    }
    setLoading(true);
    try {
      setResults((await searchRegions(q)).items);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="region-search">
      <Input.Search
        placeholder="输入名称或代码查找，如 沁水"
        allowClear
        enterButton="查找"
        loading={loading}
        onSearch={search}
      />
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {results && results.length === 0 && (
        <Typography.Text type="secondary">没有找到匹配的行政区划</Typography.Text>
      )}
      {results && results.length > 0 && (
        <ul className="region-search-results" aria-label="查找结果">
          {results.map((r) => (
            <li key={r.code}>
              <button type="button" onClick={() => onPick(r)}>
                <span>{r.name}</span>
                <span className="region-search-code">{r.code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
