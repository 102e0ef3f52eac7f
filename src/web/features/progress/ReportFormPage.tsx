import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Result, Select, Skeleton, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api/form-errors';
import { useSession } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { chineseDate, REPORT_STATUS_LABELS, reportingRegions, todayIso, wan } from './format';
import {
  type PlanIndicator,
  type ReportInput,
  type ReportItem,
  useProject,
  useProjectReports,
  useReportActions,
} from './progress.api';
import './progress.css';
import {
  type FormValues,
  IndicatorInput,
  MoneyInput,
  monthOptions,
  type Problems,
  paths,
  problemsOf,
  ReportNarrativeCard,
  reportInputOf,
} from './ReportFormFields';
import { ReportPhotosCard } from './ReportPhotosCard';

/** A report of a project's cumulative figures, made for a phone: one big input per indicator. */
export function ReportFormPage() {
  const { id: projectId = '', reportId } = useParams();
  // The workbench's 填报待办 names the month it asks for, and for a share the sub-region.
  const [searchParams] = useSearchParams();
  const askedMonth = searchParams.get('asOf');
  const askedRegion = searchParams.get('region');
  const navigate = useNavigate();
  const session = useSession();
  const { message } = App.useApp();
  const detail = useProject(projectId);
  const reports = useProjectReports(projectId);
  const actions = useReportActions();
  const [form] = Form.useForm<FormValues>();
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState<'save' | 'submit' | 'photo' | null>(null);
  const [initialised, setInitialised] = useState(false);
  /** The draft created on this page: the address changes to it before the report list is asked again. */
  const createdId = useRef<string | undefined>(undefined);
  const watchedValues = Form.useWatch('values', form) ?? {};
  const watchedEligible = Form.useWatch('eligible', form) ?? {};
  const watchedExplanations = Form.useWatch('explanations', form) ?? {};
  const watchedRegion = Form.useWatch('regionCode', form);

  const data = detail.data;
  const report: ReportItem | undefined = reportId
    ? reports.data?.items.find((r) => r.id === reportId)
    : undefined;
  const regions = useMemo(
    () =>
      data
        ? reportingRegions(session, {
            regionCode: data.planYear.regionCode,
            leadUnits: data.project.leadUnits,
            partnerUnits: data.project.partnerUnits,
            allocationRegions: data.project.allocations.map((a) => a.region),
          })
        : [],
    [data, session],
  );
  const firstRegion = askedRegion && regions.includes(askedRegion) ? askedRegion : regions[0];
  const region = report?.regionCode ?? watchedRegion ?? firstRegion ?? data?.planYear.regionCode ?? '';
  const correction = Boolean(report?.supersedes);
  const baseline = useMemo(() => {
    const items = reports.data?.items ?? [];
    const before = correction ? report?.asOf : undefined;
    return items
      .filter((r) => r.current && r.regionCode === region && (before === undefined || r.asOf < before))
      .sort((a, b) => (a.asOf < b.asOf ? 1 : -1))[0];
  }, [reports.data, region, correction, report]);
  const months = useMemo(
    () =>
      data
        ? monthOptions(data.planYear.period, correction ? null : (baseline?.asOf ?? null), todayIso())
        : [],
    [data, baseline, correction],
  );

  // Fill the form once: from the report being edited, or from the last approved figures (cumulative).
  useEffect(() => {
    if (initialised || !data || !reports.data || (reportId && !report)) return;
    if (report) {
      form.setFieldsValue({
        regionCode: report.regionCode,
        asOf: report.asOf,
        values: report.values,
        eligible: report.eligible,
        explanations: report.explanations,
        investment: report.investment,
        fundsArrived: report.fundsArrived,
        progressText: report.progressText ?? '',
        problemsText: report.problemsText ?? '',
        nextText: report.nextText ?? '',
      });
    } else {
      const today = todayIso();
      const previousMonthEnd = new Date(`${today.slice(0, 8)}01T00:00:00Z`);
      previousMonthEnd.setUTCDate(0);
      const wanted = previousMonthEnd.toISOString().slice(0, 10);
      // In the period: the month that just ended (reports are due by the 5th of the next month).
      // After it: the month after the last approved report, else the period's last month.
      const choice =
        months.find((m) => m.value === askedMonth) ??
        (today <= data.planYear.period.end
          ? (months.find((m) => m.value >= wanted) ?? months.at(-1))
          : (months.find((m) => !baseline || m.value > baseline.asOf) ?? months.at(-1)));
      form.setFieldsValue({
        regionCode: firstRegion,
        asOf: choice?.value,
        values: baseline?.values ?? {},
        eligible: baseline?.eligible ?? {},
        explanations: {},
        investment: baseline?.investment ?? null,
        fundsArrived: baseline?.fundsArrived ?? null,
      });
    }
    setInitialised(true);
  }, [initialised, data, reports.data, reportId, report, baseline, months, firstRegion, form, askedMonth]);

  if (detail.error) return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  if (!data || !reports.data) return <Skeleton active />;
  /** A share is measured against the target its region was given (任务分解), as the server checks it. */
  const forRegion = (indicator: PlanIndicator): PlanIndicator => {
    if (region === data.planYear.regionCode) return indicator;
    const share = data.project.allocations.find((a) => a.region === region && a.indicator === indicator.ref);
    return { ...indicator, target: share?.target };
  };
  /** A sub-region the plan gave no part of this indicator: the form says so and sets no bar. */
  const hasShare = (indicator: PlanIndicator) =>
    region === data.planYear.regionCode ||
    data.project.allocations.some((a) => a.region === region && a.indicator === indicator.ref && a.target);
  /** "山西省（本级）", or a sub-region's share: "沁水县（承担部分）". */
  const regionLabel = (code: string) =>
    code === data.planYear.regionCode
      ? `${data.planYear.regionName}（本级）`
      : `${data.regionNames[code] ?? code}（承担部分）`;
  if (reportId && !report && reportId !== createdId.current) {
    return <Result status="warning" title="报告不存在" subTitle="该报告可能已被删除，或您无权查看。" />;
  }
  if (regions.length === 0) {
    return (
      <Result
        status="info"
        title="您不是该项目的填报单位"
        subTitle="只有项目牵头单位、配合单位的填报员或本级民生办可以填报进度。"
        extra={<Link to={`/progress/projects/${projectId}`}>返回项目</Link>}
      />
    );
  }
  const editable = !report || report.status === 'draft' || report.status === 'returned';
  const back = `/progress/projects/${projectId}`;

  const body = (): ReportInput =>
    reportInputOf(form.getFieldsValue(true) as FormValues, data.project.indicators, {
      regionCode: region,
      // The plan's own region is the default; any other, or a choice among several, is said.
      sayRegion: region !== data.planYear.regionCode || regions.length > 1,
    });

  /** Saves the draft (creating it the first time) and returns its id. */
  const save = async (): Promise<string> => {
    const input = body();
    if (!input.asOf) {
      setProblems({ asOf: '请选择报告期' });
      throw new Error('请选择报告期');
    }
    const existing = report?.id ?? createdId.current;
    if (existing) {
      await actions.update(existing, input);
      return existing;
    }
    const created = await actions.create(projectId, input);
    createdId.current = created.id;
    navigate(`/progress/projects/${projectId}/report/${created.id}`, { replace: true });
    return created.id;
  };

  const fail = (error: unknown) => {
    const found = problemsOf(error);
    setProblems(found);
    const inline = Object.keys(found).length > 0;
    message.error(inline ? '报告有需要修改的地方，请查看标红的项目' : errorMessage(error));
  };

  const saveDraft = async () => {
    setBusy('save');
    try {
      await save();
      setProblems({});
      await actions.refresh();
      message.success('草稿已保存');
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    setBusy('submit');
    try {
      const id = await save();
      await actions.submit(id);
      setProblems({});
      await actions.refresh();
      message.success('已提交审核，审核通过后计入项目进度');
      navigate(back);
    } catch (error) {
      await actions.refresh();
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const upload = async (files: File[]) => {
    setBusy('photo');
    try {
      const id = await save();
      for (const file of files) await actions.uploadPhoto(id, file);
      await actions.refresh();
      message.success(`已上传 ${files.length} 张照片`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const removePhoto = async (photoId: string) => {
    try {
      await actions.deletePhoto(photoId);
      await actions.refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const unplaced = Object.entries(problems).filter(
    ([field]) =>
      !/^(values|eligible|explanations)\./.test(field) &&
      !['asOf', 'investment', 'fundsArrived'].includes(field),
  );
  const lastValues = (ref: string) => ({ value: baseline?.values[ref], eligible: baseline?.eligible[ref] });

  return (
    <div className="report-form-page">
      <PageHeading
        title={report ? (correction ? `更正进度报告（第${report.version}版）` : '填报进度') : '填报进度'}
        description={`${data.project.ref} ${data.project.name} · ${data.planYear.regionName} ${data.planYear.year} 年`}
        extra={<Link to={back}>返回项目</Link>}
      />
      {report?.status === 'returned' && (
        <Alert
          className="page-alert"
          type="error"
          showIcon
          title="该报告被审核人退回，请修改后重新提交"
          description={`退回原因：${report.returnReason ?? '—'}`}
        />
      )}
      {correction && report?.correctionReason && (
        <Alert className="page-alert" type="info" showIcon title={`更正原因：${report.correctionReason}`} />
      )}
      {!editable && report && (
        <Alert
          className="page-alert"
          type="info"
          showIcon
          title={`该报告${REPORT_STATUS_LABELS[report.status]}，不能再修改`}
          description={
            report.status === 'approved'
              ? '如数据有误，请在项目页对该报告提出更正。'
              : '审核人处理后，退回的报告可以修改后重新提交。'
          }
        />
      )}
      {unplaced.length > 0 && (
        <Alert
          className="page-alert"
          type="error"
          showIcon
          title="提交未成功"
          description={unplaced.map(([, m]) => m).join('；')}
        />
      )}
      <Spin spinning={!initialised}>
        <Form<FormValues>
          form={form}
          layout="vertical"
          disabled={!editable || busy !== null}
          onValuesChange={(changed) => {
            const touched = paths(changed);
            setProblems((current) => {
              if (!touched.some((t) => current[t] || current[t.replace(/^values\./, 'explanations.')]))
                return current;
              const next = { ...current };
              for (const t of touched) {
                delete next[t];
                delete next[t.replace(/^values\./, 'explanations.')];
              }
              return next;
            });
          }}
        >
          <Card size="small" className="report-section">
            {regions.length > 1 ? (
              <Form.Item name="regionCode" label="填报地区">
                <Select
                  size="large"
                  disabled={Boolean(report)}
                  options={regions.map((r) => ({ value: r, label: regionLabel(r) }))}
                />
              </Form.Item>
            ) : (
              region !== data.planYear.regionCode && (
                // A share of a higher plan (任务分解): say plainly whose figures these are.
                <p className="report-share">填报地区：{regionLabel(region)}</p>
              )
            )}
            <Form.Item
              name="asOf"
              label="报告期"
              validateStatus={problems.asOf ? 'error' : undefined}
              help={problems.asOf}
              extra="填写截至报告期末的累计数"
            >
              <Select
                size="large"
                aria-label="报告期"
                disabled={correction || !editable}
                options={
                  report && !months.some((m) => m.value === report.asOf)
                    ? [{ value: report.asOf, label: `截至${chineseDate(report.asOf)}` }, ...months]
                    : months
                }
              />
            </Form.Item>
          </Card>

          {data.project.indicators.map((indicator) => (
            <IndicatorInput
              key={indicator.ref}
              indicator={forRegion(indicator)}
              notSplitHere={!hasShare(indicator)}
              last={lastValues(indicator.ref)}
              lastAsOf={baseline?.asOf ?? null}
              problems={problems}
              watched={{ value: watchedValues[indicator.ref], eligible: watchedEligible[indicator.ref] }}
              explanation={watchedExplanations[indicator.ref]}
            />
          ))}

          <Card size="small" title="资金" className="report-section">
            <MoneyInput name="investment" label="累计完成投资（元）" problems={problems} />
            <MoneyInput name="fundsArrived" label="累计资金到位（元）" problems={problems} />
            {data.project.budget && region === data.planYear.regionCode && (
              <p className="muted">计划投资 {wan(data.project.budget)}</p>
            )}
          </Card>

          <ReportNarrativeCard />
        </Form>

        <ReportPhotosCard
          photos={report?.photos ?? []}
          editable={editable}
          uploading={busy === 'photo'}
          onUpload={upload}
          onRemove={removePhoto}
        />
      </Spin>

      {editable && (
        <div className="report-actions-bar">
          <Button
            size="large"
            icon={<SaveOutlined />}
            loading={busy === 'save'}
            disabled={busy !== null}
            onClick={saveDraft}
          >
            保存草稿
          </Button>
          <Button
            size="large"
            type="primary"
            icon={<SendOutlined />}
            loading={busy === 'submit'}
            disabled={busy !== null}
            onClick={submit}
          >
            提交审核
          </Button>
        </div>
      )}
    </div>
  );
}
