import { Button, Empty, Image, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { chineseDate, dateTime, quantity, REPORT_STATUS_COLORS, REPORT_STATUS_LABELS, wan } from './format';
import type { ProjectReports, ReportItem } from './progress.api';

const SHOWN = 6;

export function ReportPhotos({ photos }: { photos: ReportItem['photos'] }) {
  if (photos.length === 0) return null;
  return (
    <div className="report-photos">
      <Image.PreviewGroup>
        {photos.map((p, i) => (
          <Image
            key={p.id}
            src={p.url}
            width={76}
            height={76}
            alt={`现场照片 ${i + 1}`}
            className="report-photo"
            style={{ objectFit: 'cover' }}
          />
        ))}
      </Image.PreviewGroup>
    </div>
  );
}

/** One report version: its figures, money, words and photos. */
export function ReportBody({
  report,
  indicators,
  regionName,
}: {
  report: ReportItem;
  indicators: ProjectReports['project']['indicators'];
  regionName?: string;
}) {
  return (
    <>
      <dl className="report-figures">
        {indicators
          .filter((i) => report.values[i.ref] !== undefined || report.eligible[i.ref] !== undefined)
          .map((i) => (
            <div key={i.ref}>
              <dt>{i.name}</dt>
              <dd>
                {quantity(i.kind, report.values[i.ref], i.unit)}
                {i.kind === 'entitlement' && report.eligible[i.ref] !== undefined && (
                  <span className="muted">（应享受 {quantity(i.kind, report.eligible[i.ref], i.unit)}）</span>
                )}
                {report.explanations[i.ref] && (
                  <div className="report-explanation">说明：{report.explanations[i.ref]}</div>
                )}
              </dd>
            </div>
          ))}
        {report.investment && (
          <div>
            <dt>累计完成投资</dt>
            <dd>{wan(report.investment)}</dd>
          </div>
        )}
        {report.fundsArrived && (
          <div>
            <dt>资金到位</dt>
            <dd>{wan(report.fundsArrived)}</dd>
          </div>
        )}
        {regionName && (
          <div>
            <dt>填报地区</dt>
            <dd>{regionName}</dd>
          </div>
        )}
      </dl>
      {report.progressText && (
        <p className="report-text">
          <strong>进展情况：</strong>
          {report.progressText}
        </p>
      )}
      {report.problemsText && (
        <p className="report-text">
          <strong>存在问题：</strong>
          {report.problemsText}
        </p>
      )}
      {report.nextText && (
        <p className="report-text">
          <strong>下一步计划：</strong>
          {report.nextText}
        </p>
      )}
      <ReportPhotos photos={report.photos} />
    </>
  );
}

/**
 * Every report of a project, newest first, with every version: a correction shows 第2版 and its
 * reason, and the versions it replaced are greyed out.
 */
export function ReportHistory({
  data,
  actions,
}: {
  data: ProjectReports;
  actions?: (report: ReportItem) => ReactNode;
}) {
  const [shown, setShown] = useState(SHOWN);
  if (data.items.length === 0) return <Empty description="还没有进度报告" />;
  return (
    <div className="report-history">
      {data.items.slice(0, shown).map((r) => {
        const superseded = r.status === 'approved' && !r.current;
        return (
          <article
            key={r.id}
            className={`report-entry${superseded ? ' report-superseded' : ''}`}
            aria-label={`${chineseDate(r.asOf)}报告 第${r.version}版`}
          >
            <header className="report-entry-head">
              <strong>截至{chineseDate(r.asOf)}</strong>
              {r.version > 1 && <Tag color="purple">第{r.version}版</Tag>}
              <Tag color={REPORT_STATUS_COLORS[r.status]}>{REPORT_STATUS_LABELS[r.status]}</Tag>
              {r.current && <Tag color="green">现行有效</Tag>}
              {superseded && <Tag>已被更正</Tag>}
              {r.source === 'import' && <Tag>导入</Tag>}
            </header>
            {r.correctionReason && <div className="report-reason">更正原因：{r.correctionReason}</div>}
            {r.status === 'returned' && r.returnReason && (
              <div className="report-reason report-reason-returned">退回原因：{r.returnReason}</div>
            )}
            <ReportBody report={r} indicators={data.project.indicators} />
            {(r.unitName || r.authorName || r.submittedAt || r.decidedAt) && (
              <footer className="report-entry-foot muted">
                {[
                  [r.unitName, r.authorName].filter(Boolean).join(' · '),
                  r.submittedAt && `提交 ${dateTime(r.submittedAt)}`,
                  r.decidedAt && `审核 ${dateTime(r.decidedAt)}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </footer>
            )}
            {actions && <div className="report-entry-actions">{actions(r)}</div>}
          </article>
        );
      })}
      {data.items.length > shown && (
        <Button block onClick={() => setShown((n) => n + SHOWN * 2)}>
          显示更早的报告（还有 {data.items.length - shown} 份）
        </Button>
      )}
    </div>
  );
}
