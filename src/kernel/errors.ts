/**
 * The one catalogue of named errors. Every failure a user can meet has a stable code, an HTTP status
 * and a Chinese message here; use cases throw DomainError with a code, and only the HTTP layer turns
 * it into a response. Outside tools match on `code`, so codes never change once shipped.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 422, message: '提交的内容不符合要求' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请以 JSON 格式提交' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  NOT_FOUND: { status: 404, message: '请求的资源不存在' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 429, message: '登录失败次数过多，账号已暂时锁定，请稍后再试' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系管理员' },
  CSRF_TOKEN_INVALID: { status: 403, message: '安全校验失败，请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  OUT_OF_SCOPE: { status: 403, message: '超出您的管辖范围' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  WEAK_PASSWORD: { status: 422, message: '密码强度不足' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被占用' },
  UNIT_NAME_TAKEN: { status: 409, message: '该地区已有同名单位' },
  REGION_EXISTS: { status: 409, message: '该行政区划代码已存在' },
  REGION_PARENT_MISSING: { status: 422, message: '上级行政区划不存在' },
  REGION_NOT_FOUND: { status: 404, message: '行政区划不存在' },
  UNIT_NOT_FOUND: { status: 404, message: '单位不存在' },
  USER_NOT_FOUND: { status: 404, message: '用户不存在' },
  PLAN_YEAR_EXISTS: { status: 409, message: '该地区该年度的计划已存在' },
  PLAN_YEAR_NOT_FOUND: { status: 404, message: '年度计划不存在' },
  PLAN_DOCUMENT_INVALID: { status: 422, message: '计划文件有误，未导入任何内容' },
  PLAN_PROJECT_IN_USE: {
    status: 409,
    message:
      '新的计划文件删去了已有群众评价或督办记录的项目，评价和督办记录不能删除：请在文件中保留该项目（编号不变）后重新导入，未导入任何内容',
  },
  NOT_JSON: { status: 422, message: '文件不是有效的 JSON' },
  PROJECT_NOT_FOUND: { status: 404, message: '项目不存在' },
  REPORT_NOT_FOUND: { status: 404, message: '进度报告不存在' },
  REPORT_INVALID: { status: 422, message: '进度报告有误，请修改后再提交' },
  REPORT_NOT_EDITABLE: { status: 409, message: '该报告已提交或已审核，不能再修改' },
  REPORT_NOT_SUBMITTED: { status: 409, message: '该报告不在待审核状态' },
  REPORT_NOT_APPROVED: { status: 409, message: '只有审核通过的报告才能更正' },
  REPORT_CORRECTION_OPEN: { status: 409, message: '这份报告已有一份更正在办理中，请在那一份上修改' },
  REPORT_NOT_LATEST: { status: 409, message: '这份报告已有更新的版本，请更正最新一版' },
  REPORT_SELF_APPROVAL: { status: 403, message: '不能审核自己填报的报告' },
  REPORT_REGION_INVALID: { status: 422, message: '该项目没有分解到这个地区' },
  PHOTO_NOT_IMAGE: { status: 415, message: '只能上传 JPEG、PNG 或 WebP 格式的照片' },
  PHOTO_TOO_LARGE: { status: 413, message: '照片不能超过 5 MB' },
  PHOTO_NOT_FOUND: { status: 404, message: '照片不存在' },
  CANDIDATE_TABLE_INVALID: { status: 422, message: '候选项目表有误，未导入任何内容' },
  SUGGESTION_TABLE_INVALID: { status: 422, message: '建议表有误，未导入任何内容' },
  CONFLICT: { status: 409, message: '数据已被他人修改，请刷新后重试' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后再试' },
  TABLE_UNREADABLE: { status: 422, message: '无法读取表格文件' },
  VOTING_SESSION_NOT_FOUND: { status: 404, message: '票决会议不存在' },
  VOTING_SESSION_NOT_DRAFT: { status: 409, message: '票决会议已开始，不能再修改设置或代表名单' },
  VOTING_SESSION_NOT_OPEN: { status: 409, message: '票决会议不在签到投票阶段' },
  VOTING_SESSION_NOT_CLOSED: { status: 409, message: '票决尚未计票' },
  VOTING_RESULT_NOT_PUBLISHED: { status: 404, message: '票决结果尚未公布' },
  VOTING_CANDIDATE_INVALID: { status: 422, message: '候选项目不属于该年度计划' },
  VOTING_ROLL_EMPTY: { status: 409, message: '尚未导入代表名单' },
  VOTING_ROLL_INVALID: { status: 422, message: '代表名单有误，未导入任何内容' },
  VOTING_DEPUTY_NOT_FOUND: { status: 404, message: '该代表不在本次会议的代表名单中' },
  VOTING_ALREADY_CHECKED_IN: { status: 409, message: '该代表已签到并领取选票，不能重复领取' },
  VOTING_SLIPS_EXCEED_ROLL: { status: 422, message: '打印的票条不能多于代表名单人数' },
  VOTING_NO_TIE: { status: 409, message: '本次票决没有得票相同需再次表决的项目' },
  BALLOT_TOKEN_INVALID: { status: 404, message: '选票凭证无效，请核对二维码或凭证码' },
  BALLOT_ALREADY_CAST: { status: 409, message: '该选票已经投出，不能再次投票或修改' },
  BALLOT_NOT_OPEN: { status: 409, message: '投票尚未开始' },
  BALLOT_SESSION_CLOSED: { status: 409, message: '投票已结束，不再接受选票' },
  BALLOT_TOO_MANY_YES: { status: 422, message: '赞成项数超过规定，本票未记录' },
  BALLOT_INVALID: { status: 422, message: '选票填写有误，本票未记录' },
  RECEIPT_NOT_FOUND: { status: 404, message: '没有找到该回执码对应的选票，请核对回执码' },
  PAPER_SHEET_INVALID: { status: 422, message: '纸质选票录入表有误，未录入任何内容' },
  PAPER_ENTRY_COUNTED: { status: 409, message: '该票号的两次录入已一致并已计入，不能再修改' },
  PAPER_ENTRY_TWICE: { status: 409, message: '该票号已由两名工作人员录入，请由其中一人更正自己的录入' },
  PAPER_ENTRIES_UNRESOLVED: { status: 409, message: '还有纸质选票未完成两次一致的录入，暂不能计票' },
  BALLOT_CHAIN_BROKEN: { status: 409, message: '选票记录的哈希链校验未通过，不能计票' },
  SOLICITATION_CLOSED: { status: 409, message: '当前不在公开征集期内，暂不接收建议' },
  SOLICITATION_TOO_SHORT: { status: 422, message: '公开征集期不少于 30 天' },
  SUGGESTION_NOT_FOUND: { status: 404, message: '没有找到该查询码对应的建议，请核对后重试' },
  SUGGESTION_PHONE_LIMIT: { status: 429, message: '该电话号码今天提交的建议已达上限，请明天再提交' },
  SUGGESTION_REF_TAKEN: { status: 409, message: '该编号的建议已录入' },
  SUGGESTION_ALONE: { status: 409, message: '该建议已单独成组，无需拆分' },
  SUGGESTION_GROUP_NOT_FOUND: { status: 404, message: '建议组不存在' },
  SUGGESTION_GROUP_ANSWERED: { status: 409, message: '该组建议已答复，不能再并入其他组' },
  SUGGESTION_GROUP_NOT_ROUTED: { status: 409, message: '该组建议尚未确认转交部门，暂不能答复' },
  SUGGESTION_CANDIDATE_NOT_FOUND: { status: 404, message: '候选项目不存在' },
  // ── evaluation (满意度测评): the deputies' session and the public survey ──
  EVALUATION_SESSION_NOT_FOUND: { status: 404, message: '满意度测评会议不存在' },
  EVALUATION_SESSION_NOT_DRAFT: { status: 409, message: '测评已开始，不能再修改测评项目或代表名单' },
  EVALUATION_SESSION_NOT_OPEN: { status: 409, message: '测评会议不在签到测评阶段' },
  EVALUATION_NO_PROJECTS: { status: 409, message: '该年度计划还没有民生实事项目，无法开展测评' },
  EVALUATION_PROJECT_INVALID: { status: 422, message: '测评项目不属于该年度计划' },
  EVALUATION_ROLL_EMPTY: { status: 409, message: '尚未导入代表名单' },
  EVALUATION_ROLL_INVALID: { status: 422, message: '代表名单有误，未导入任何内容' },
  EVALUATION_DEPUTY_NOT_FOUND: { status: 404, message: '该代表不在本次测评的代表名单中' },
  EVALUATION_ALREADY_CHECKED_IN: { status: 409, message: '该代表已签到并领取测评凭证，不能重复领取' },
  EVALUATION_TOKEN_INVALID: { status: 404, message: '测评凭证无效，请核对二维码或凭证码' },
  EVALUATION_ALREADY_CAST: { status: 409, message: '该测评票已经提交，不能再次提交或修改' },
  EVALUATION_NOT_OPEN: { status: 409, message: '测评尚未开始' },
  EVALUATION_CLOSED: { status: 409, message: '测评已结束，不再接受测评票' },
  EVALUATION_BALLOT_INVALID: { status: 422, message: '测评票填写有误，本票未记录' },
  EVALUATION_BALLOT_INCOMPLETE: { status: 422, message: '还有项目未评价，本票未记录' },
  EVALUATION_RESULT_NOT_READY: { status: 404, message: '测评尚未计票' },
  EVALUATION_RECEIPT_NOT_FOUND: { status: 404, message: '没有找到该回执码对应的测评票，请核对' },
  EVALUATION_CHAIN_BROKEN: { status: 409, message: '测评票记录的哈希链校验未通过，不能计票' },
  SURVEY_RESPONDENT_REQUIRED: { status: 422, message: '请填写手机号或测评码' },
  SURVEY_CODE_INVALID: { status: 422, message: '测评码不正确或未发放，请核对' },
  SURVEY_DUPLICATE: { status: 409, message: '您已对该项目作过评价，每人对每个项目只能评价一次' },
  SURVEY_PROJECT_NOT_FOUND: { status: 404, message: '项目不存在或未公开' },
  SURVEY_CLOSED: { status: 409, message: '当前不在满意度评价期内，暂不接收评价' },
  SURVEY_WINDOW_TOO_SHORT: { status: 422, message: '满意度评价期不少于 7 天' },
  // candidates: drafting, screening, review (部门谋划, 优化比选, 会议研究)
  CANDIDATE_NOT_FOUND: { status: 404, message: '候选项目不存在' },
  CANDIDATE_INVALID: { status: 422, message: '候选项目填写有误，请修改后再保存' },
  CANDIDATE_LIST_IN_REVIEW: { status: 409, message: '候选项目清单已提交会议研究，部门不能再修改' },
  CANDIDATE_VOTED: { status: 409, message: '该候选项目已经人大代表票决，不能再修改' },
  SCREENING_CRITERIA_INVALID: { status: 422, message: '评分标准或权重有误' },
  SCREENING_SCORE_INVALID: { status: 422, message: '得分应为 0 到 100 之间的数，最多一位小数' },
  CANDIDATE_REVIEW_INVALID: { status: 409, message: '会议研究记录不符合先政府常务会、后党委常委会的顺序' },
  CANDIDATE_LIST_NOT_APPROVED: {
    status: 409,
    message: '候选项目清单须先后经政府常务会、党委常委会研究通过，才能提交人大代表票决',
  },
  CANDIDATE_LIST_EMPTY: { status: 409, message: '候选项目清单中还没有入围项目' },
  // Progress reports (issue 3): each kind of bad report has its own code.
  REPORT_VALUE_NEGATIVE: { status: 422, message: '进度报告中的数值不能为负数' },
  REPORT_INDICATOR_UNKNOWN: { status: 422, message: '进度报告中有该项目没有的指标编号' },
  REPORT_DATE_OUTSIDE_PLAN: { status: 422, message: '报告日期不在年度计划期内' },
  REPORT_MONEY_PRECISION: { status: 422, message: '金额最多两位小数（精确到分）' },
  REPORT_PERIOD_CLOSED: { status: 409, message: '该期已关闭：之后的报告已审核通过，如需更改请提交更正' },
  REPORT_EXPLANATION_REQUIRED: {
    status: 422,
    message: '累计值低于上次审核通过的值或远超年度目标，请先说明原因',
  },
  // Projects typed in by hand (issue 3): create and edit while the plan year is being implemented.
  PROJECT_INVALID: { status: 422, message: '项目填写有误，请修改后再保存' },
  PROJECT_REF_TAKEN: { status: 409, message: '本年度计划中已有相同编号的项目' },
  PROJECT_NOT_EDITABLE: {
    status: 409,
    message: '只有处于组织实施阶段的年度计划才能录入或修改项目',
  },
  PROJECT_INDICATOR_IN_USE: {
    status: 409,
    message: '该指标已有进度报告或任务分解，不能删除或改变类型',
  },
  // Supervision (督办): orders to a unit about a lagging project, worked to closure under 13710.
  SUPERVISION_NOT_FOUND: { status: 404, message: '督办事项不存在' },
  SUPERVISION_STEP_INVALID: { status: 409, message: '该督办事项当前不能办理这一步，请刷新后查看' },
  SUPERVISION_UNIT_INVALID: { status: 422, message: '督办对象须是该项目的牵头或配合单位' },
  SUPERVISION_PLAN_DATE_ORDINARY: {
    status: 422,
    message: '一般事项须在7日内办结，不能另定计划办结日期；确需延期的请按重大事项督办',
  },
  SUPERVISION_PLAN_DATE_EARLY: { status: 422, message: '办结日期不能早于今天' },
  SUPERVISION_INSPECTION_INVALID: { status: 422, message: '该视察意见不属于这个项目' },
  SUPERVISION_GRADE_INVALID: {
    status: 422,
    message: '请评定为优秀、良好或合格；不合格的请退回重办',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, options: { message?: string; field?: string; details?: unknown } = {}) {
    super(options.message ?? ERRORS[code].message);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
