/** Messages of the filing, evaluation and scores pages, merged over Duban's own. */
const event = {
  zh: { open: '开启', submit: '报送', accept: '审核通过', return: '退回', urge: '催报', reminder: '提醒', overdue: '逾期', weekly: '每周催报', consolidate: '汇总', recordFiling: '备案', roundClosed: '本轮结束' },
  en: { open: 'Opened', submit: 'Submitted', accept: 'Accepted', return: 'Returned', urge: 'Urged', reminder: 'Reminder', overdue: 'Overdue', weekly: 'Weekly reminder', consolidate: 'Consolidated', recordFiling: 'Filed', roundClosed: 'Round closed' },
};

export const roundsZh = {
  duban: {
    rounds: {
      year: '年度', deadline: '截止', body: '单位', status: '状态', submittedAt: '报送时间', history: '记录', timeline: '时间线', reason: '理由或说明',
      accept: '通过', return: '退回', urge: '催报', submit: '报送',
      unit: { assigned: '待报送', submitted: '待审核', returned: '已退回', accepted: '已通过' },
      event: event.zh,
    },
    filing: {
      title: '监管目录备案', open: '开启备案', roundTitle: '轮次标题', template: '下载目录模板', consolidate: '汇总目录', record: '登记备案', filedOn: '备案日期', number: '备案文号',
      rows: '目录行数', measures: '实施办法文件', catalogue: '目录表格 (.xlsx)', chooseFiles: '请选择实施办法文件和目录表格。',
      consolidated: '汇总目录（%{count} 项）', filed: '已备案：%{number}（%{date}）', overdue: '逾期未报送',
      editRows: '逐行填写目录', ownFiling: '本单位报送', addRow: '添加一行', removeRow: '删除此行', chooseMeasures: '请选择实施办法文件。',
      column: { item: '审批事项', disposition: '保留/取消/下放', object: '监管对象', content: '监管内容', method: '监管方式', standard: '监管标准', measures: '监管措施', procedure: '监管程序' },
      disposition: { kept: '保留', cancelled: '取消', delegated: '下放' },
      status: { open: '报送中', consolidated: '已汇总', filed: '已备案' },
    },
    evaluation: {
      title: '年度自查评估', open: '手动开启', round: '%{year} 年度自查评估', bySchedule: '按计划开启', byHand: '手动开启', consolidate: '汇总报市政府', summaryDate: '报送市政府日期',
      summary: '已于 %{date} 汇总报市政府。', late: '逾期报送', missing: '未报送', ownReport: '本单位自查报告',
      status: { open: '报送中', consolidated: '已汇总' },
    },
    scores: {
      rubric: '评分规则', latestRubric: '最新版本', compute: '计算得分', none: '该年度尚无评分表。', sheet: '%{year} 年度评分（第 %{version} 版）', review: '审核', publish: '发布', export: '导出 .xlsx', score: '得分',
      status: { draft: '草稿', reviewed: '已审核', published: '已发布', superseded: '已被取代' },
      rank: '名次', version: '版本', versionOption: '第 %{version} 版（%{status}）',
      confirm: { review: '确认审核 %{year} 年度评分表第 %{version} 版？', publish: '确认发布 %{year} 年度评分表第 %{version} 版？发布后该版本冻结，各单位可见。' },
    },
  },
};

export const roundsEn = {
  duban: {
    rounds: {
      year: 'Year', deadline: 'Due', body: 'Body', status: 'Status', submittedAt: 'Submitted', history: 'History', timeline: 'Timeline', reason: 'Reasons or note',
      accept: 'Accept', return: 'Return', urge: 'Urge', submit: 'Submit',
      unit: { assigned: 'Owed', submitted: 'Awaiting review', returned: 'Returned', accepted: 'Accepted' },
      event: event.en,
    },
    filing: {
      title: 'Catalogue filing', open: 'Open a filing round', roundTitle: 'Round title', template: 'Catalogue template', consolidate: 'Consolidate', record: 'Record the filing', filedOn: 'Filing date', number: 'Filing number',
      rows: 'Rows', measures: 'Implementation measures', catalogue: 'Catalogue (.xlsx)', chooseFiles: 'Choose the measures document and the catalogue.',
      consolidated: 'Consolidated catalogue (%{count} items)', filed: 'Filed: %{number} (%{date})', overdue: 'Overdue, never filed',
      editRows: 'Type the catalogue', ownFiling: 'Our filing', addRow: 'Add a row', removeRow: 'Remove this row', chooseMeasures: 'Choose the implementation measures document.',
      column: { item: 'Approval item', disposition: 'Kept, cancelled or delegated', object: 'Supervised object', content: 'Content', method: 'Method', standard: 'Standard', measures: 'Measures', procedure: 'Procedure' },
      disposition: { kept: 'Kept', cancelled: 'Cancelled', delegated: 'Delegated' },
      status: { open: 'Open', consolidated: 'Consolidated', filed: 'Filed' },
    },
    evaluation: {
      title: 'Yearly evaluation', open: 'Open by hand', round: '%{year} evaluation round', bySchedule: 'opened by the schedule', byHand: 'opened by hand', consolidate: 'Consolidate and send', summaryDate: 'Sent to the government on',
      summary: 'Consolidated and sent to the municipal government on %{date}.', late: 'Late', missing: 'Missing', ownReport: 'Our self-evaluation report',
      status: { open: 'Open', consolidated: 'Consolidated' },
    },
    scores: {
      rubric: 'Rubric', latestRubric: 'Latest version', compute: 'Compute scores', none: 'No score sheet for this year yet.', sheet: '%{year} scores (version %{version})', review: 'Review', publish: 'Publish', export: 'Export .xlsx', score: 'Score',
      status: { draft: 'Draft', reviewed: 'Reviewed', published: 'Published', superseded: 'Superseded' },
      rank: 'Rank', version: 'Version', versionOption: 'Version %{version} (%{status})',
      confirm: { review: 'Mark the %{year} score sheet, version %{version}, as reviewed?', publish: 'Publish the %{year} score sheet, version %{version}? The version is then frozen and every body sees it.' },
    },
  },
};
