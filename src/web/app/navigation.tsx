import {
  AuditOutlined,
  BulbOutlined,
  DashboardOutlined,
  EyeOutlined,
  ProjectOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Action } from './api/types';

export interface NavPage {
  path: string;
  /** Menu text. */
  label: string;
  /** Page heading, when it says more than the menu text. */
  title?: string;
  permission: Action;
  /** What the stage does (from DOMAIN.md): shown while the stage is not built yet. */
  summary?: string;
}

export interface NavGroup {
  key: string;
  label: string;
  icon: ReactNode;
  pages: NavPage[];
}

export const DASHBOARD: NavPage = { path: '/', label: '工作台', permission: 'plan.read' };

/** The console's menu follows the yearly cycle of 民生实事, then system administration. */
export const NAV_GROUPS: NavGroup[] = [
  {
    key: 'plan',
    label: '征集与谋划',
    icon: <BulbOutlined aria-hidden />,
    pages: [
      {
        path: '/suggestions',
        label: '公开征集',
        title: '公开征集 · 群众建议',
        permission: 'plan.read',
        summary: '群众通过网站、微信、二维码、12345 热线和来信提出民生实事建议，征集期一般不少于 30 天。',
      },
      {
        path: '/triage',
        label: '分类梳理',
        permission: 'plan.read',
        summary: '合并重复建议、按领域分类并转交相关部门，对每条建议公开答复采纳、部分采纳或不予采纳及理由。',
      },
      {
        path: '/candidates',
        label: '部门谋划',
        title: '部门谋划 · 候选项目',
        permission: 'plan.read',
        summary:
          '各部门起草候选项目，写明领域、年度工作任务、实施方案、责任单位和预算，并关联其来源的群众建议。',
      },
      {
        path: '/screening',
        label: '优化比选',
        permission: 'plan.read',
        summary:
          '按“急需先立、成熟先立、好中选优”，从普惠性、实效性、可行性和目标可量化等方面打分比选，确定候选项目。',
      },
      {
        path: '/review',
        label: '会议研究',
        permission: 'plan.read',
        summary: '政府常务会议和党委常委会议先后研究审定候选项目清单。',
      },
    ],
  },
  {
    key: 'vote',
    label: '票决',
    icon: <AuditOutlined aria-hidden />,
    pages: [
      {
        path: '/voting',
        label: '人大代表票决',
        permission: 'plan.read',
        summary: '人民代表大会期间，由人大代表以无记名投票方式差额票决，从候选项目中确定本年度民生实事项目。',
      },
    ],
  },
  {
    key: 'implement',
    label: '实施与监督',
    icon: <ProjectOutlined aria-hidden />,
    pages: [
      {
        path: '/progress',
        label: '项目进度',
        permission: 'record.read',
        summary: '每个项目明确指标、牵头和配合单位、责任领导、预算和推进计划，责任单位每月 5 日前报送进度。',
      },
      {
        path: '/approvals',
        label: '审核',
        title: '审核 · 进度报告',
        permission: 'record.approve',
        summary: '审核本单位或本级填报员提交的进度报告，通过后计入项目进度，有误的退回并说明原因。',
      },
      {
        path: '/supervision',
        label: '调度督办',
        permission: 'record.read',
        summary: '对照推进计划和序时进度亮灯调度，对滞后项目下达督办事项并跟踪到办结。',
      },
      {
        path: '/bulletins',
        label: '通报',
        permission: 'record.read',
        summary: '按月生成民生实事进展通报，可导出文字、表格、Word 和 Excel。',
      },
    ],
  },
  {
    key: 'public',
    label: '公开与测评',
    icon: <EyeOutlined aria-hidden />,
    pages: [
      {
        path: '/disclosure',
        label: '信息公开',
        permission: 'record.read',
        summary: '审核通过的进展在公众页面和项目现场二维码上公开，群众可以码上查、码上评、码上提。',
      },
      {
        path: '/evaluation',
        label: '满意度测评',
        permission: 'record.read',
        summary: '年底由人大代表对每个项目评价满意、基本满意或不满意，同时开展群众满意度调查。',
      },
      {
        path: '/year-end',
        label: '年终报告',
        title: '年终报告 · 办理情况',
        permission: 'record.read',
        summary: '年度民生实事办理情况报告：完成情况、群众参与和满意度测评，导出 Word 和 Excel。',
      },
    ],
  },
  {
    key: 'system',
    label: '系统管理',
    icon: <SettingOutlined aria-hidden />,
    pages: [
      { path: '/admin/regions', label: '行政区划', permission: 'region.read' },
      { path: '/admin/units', label: '单位', title: '单位管理', permission: 'unit.read' },
      { path: '/admin/users', label: '用户', title: '用户管理', permission: 'user.read' },
      { path: '/admin/audit', label: '审计日志', permission: 'audit.read' },
    ],
  },
];

export const DASHBOARD_ICON = <DashboardOutlined aria-hidden />;

export const ALL_PAGES: NavPage[] = [DASHBOARD, ...NAV_GROUPS.flatMap((g) => g.pages)];
