import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Region } from '../../app/api/types';
import { fetchChildRegions, fetchRegion, NATION_CODE } from './regions.api';

export interface RegionNode {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: RegionNode[];
}

/**
 * The region tree, loaded one level at a time: there are 3,000 counties and 40,000 townships, and
 * nobody needs them all at once.
 */
export function useRegionTree() {
  const [byCode, setByCode] = useState<Record<string, Region>>({});
  const [childrenOf, setChildrenOf] = useState<Record<string, string[]>>({});
  const [expanded, setExpanded] = useState<string[]>([NATION_CODE]);
  const [error, setError] = useState<unknown>(null);

  const loadChildren = useCallback(async (code: string) => {
    const { parent, items } = await fetchChildRegions(code);
    setByCode((prev) => {
      const next = { ...prev, [parent.code]: { ...parent, childCount: items.length } };
      for (const r of items) next[r.code] = r;
      return next;
    });
    setChildrenOf((prev) => ({ ...prev, [code]: items.map((r) => r.code) }));
  }, []);

  useEffect(() => {
    loadChildren(NATION_CODE).catch(setError);
  }, [loadChildren]);

  /** Opens the tree down to a region found by search. */
  const reveal = useCallback(
    async (code: string) => {
      const { region, ancestors } = await fetchRegion(code);
      for (const a of ancestors) {
        if (!childrenOf[a.code]) await loadChildren(a.code);
      }
      setByCode((prev) => ({ ...prev, [region.code]: { ...prev[region.code], ...region } }));
      setExpanded((prev) => [...new Set([...prev, ...ancestors.map((a) => a.code)])]);
    },
    [childrenOf, loadChildren],
  );

  const treeData = useMemo(() => {
    const build = (code: string): RegionNode => {
      const region = byCode[code];
      const kids = childrenOf[code];
      return {
        key: code,
        title: region?.name ?? code,
        // Known empty, or a village (the lowest level); otherwise offer to expand and find out.
        isLeaf: kids ? kids.length === 0 : region?.level === 'village',
        children: kids?.map(build),
      };
    };
    return byCode[NATION_CODE] ? [build(NATION_CODE)] : [];
  }, [byCode, childrenOf]);

  const childCountOf = useCallback((code: string) => childrenOf[code]?.length, [childrenOf]);

  return { treeData, byCode, childCountOf, expanded, setExpanded, loadChildren, reveal, error };
}
