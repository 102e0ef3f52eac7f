import { Button, Card, Empty, Grid, Spin, Table } from 'antd';
import { type ReactNode, useState } from 'react';
import './components.css';

const PAGE = 20;

export interface Column<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  width?: number | string;
  /** Left out of the phone card (because the card's title already shows it, say). */
  hideOnCard?: boolean;
}

interface Props<T> {
  rows: readonly T[] | undefined;
  rowKey: (row: T) => string;
  columns: Column<T>[];
  loading?: boolean;
  emptyText?: string;
  /** Heading of each card on a phone. */
  cardTitle: (row: T) => ReactNode;
  actions?: (row: T) => ReactNode;
  expandedRow?: (row: T) => ReactNode;
  /** false when the page loads more rows itself. */
  paginate?: boolean;
  /** Accessible name of the table, also used by tests. */
  label: string;
}

/** A table on wide screens; on a phone each row becomes a card, because a 375px table is unreadable. */
export function ResponsiveTable<T extends object>(props: Props<T>) {
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const { rows, columns, actions, rowKey } = props;
  const [shown, setShown] = useState(PAGE);

  if (phone) {
    if (props.loading && !rows) {
      return (
        <div className="full-page-center">
          <Spin />
        </div>
      );
    }
    if (!rows || rows.length === 0) return <Empty description={props.emptyText ?? '暂无数据'} />;
    return (
      <section className="row-cards" aria-label={props.label}>
        {rows.slice(0, props.paginate === false ? undefined : shown).map((row) => (
          <Card key={rowKey(row)} size="small" title={props.cardTitle(row)}>
            {columns
              .filter((c) => !c.hideOnCard)
              .map((c) => (
                <div key={c.key} className="row-card-field">
                  <span className="row-card-label">{c.title}</span>
                  <span className="row-card-value">{c.render(row)}</span>
                </div>
              ))}
            {props.expandedRow && (
              <details className="row-card-details">
                <summary>详情</summary>
                {props.expandedRow(row)}
              </details>
            )}
            {actions && <div className="row-card-actions">{actions(row)}</div>}
          </Card>
        ))}
        {props.paginate !== false && rows.length > shown && (
          <Button block onClick={() => setShown((n) => n + PAGE)}>
            显示更多（还有 {rows.length - shown} 条）
          </Button>
        )}
      </section>
    );
  }

  const tableColumns = columns.map((c) => ({
    key: c.key,
    title: c.title,
    width: c.width,
    render: (_: unknown, row: T) => c.render(row),
  }));
  if (actions)
    tableColumns.push({
      key: '__actions',
      title: '操作',
      width: undefined,
      render: (_: unknown, row: T) => actions(row),
    });
  return (
    <Table<T>
      aria-label={props.label}
      rowKey={rowKey}
      columns={tableColumns}
      dataSource={rows as T[] | undefined}
      loading={props.loading}
      locale={{ emptyText: props.emptyText ?? '暂无数据' }}
      pagination={
        props.paginate === false ? false : { pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }
      }
      expandable={props.expandedRow ? { expandedRowRender: props.expandedRow } : undefined}
      scroll={{ x: 'max-content' }}
      size="middle"
    />
  );
}
