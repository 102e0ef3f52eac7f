import { Tag } from 'antd';

const COLORS: Record<string, string> = { 满意: 'green', 基本满意: 'gold', 不满意: 'red' };

export function VerdictTag({ verdict }: { verdict: string | null | undefined }) {
  if (!verdict) return <Tag>未测评</Tag>;
  return <Tag color={COLORS[verdict]}>{verdict}</Tag>;
}
