import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import { PageHeading } from './PageHeading';

/** An honest page for a stage of the yearly cycle that is not built yet: what it is, and no fake data. */
export function StagePlaceholder({ title, summary }: { title: string; summary: string }) {
  return (
    <>
      <PageHeading title={title} />
      <Card>
        <Result
          icon={<ClockCircleOutlined style={{ color: '#8c9bb0' }} />}
          title="该功能将在后续版本开放"
          subTitle={summary}
        />
      </Card>
    </>
  );
}
