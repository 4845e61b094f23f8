/** Messages of 公示与申诉 and the rubric editor on the scores page, merged over Duban's own. */
export const appealsZh = {
  duban: {
    scores: {
      announce: '公示',
      status: { announced: '公示中' },
      confirm: { announce: '确认公示 %{year} 年度评分表第 %{version} 版？各单位将看到本单位的得分和扣分依据，并可在申诉期内对扣分提出申诉。' },
    },
    rubric: {
      title: '新建评分规则版本', create: '新建评分规则', version: '版本号', note: '说明',
      scoredBodyKinds: '计分的单位类别', excludedBodies: '不计分的单位', excludedHelp: '例如绩效办本身：不给自己打分。',
      weight: {
        base: '基础分', perOverdueAssignment: '每项逾期扣分', overdueAssignmentCap: '逾期事项扣分上限', perOverdueDay: '每逾期一天扣分', overdueDayCap: '逾期天数扣分上限',
        perReturn: '每次退回扣分', returnCap: '退回扣分上限', reportMissing: '专题报告未报送', reportLate: '专题报告逾期报送', catalogueMissing: '监管目录未报送',
        catalogueLate: '监管目录逾期报送', supportWeight: '配合单位系数', escalationWeight: '督办扣分系数', escalationCap: '督办扣分上限',
      },
    },
    appeals: {
      title: '公示与申诉', days: '申诉期（工作日）', daysHelp: '留空按系统设置（默认 5 个工作日）；0 表示不设申诉期。', closesAt: '申诉截止：%{at}（%{days} 个工作日）', provisional: '该截止时间暂按周末计算：该年度放假安排尚未录入，录入后自动重算。',
      window: { open: '申诉期中', closed: '申诉期已结束', published: '已正式发布' },
      ownLines: '本单位的扣分项', noLines: '本单位没有扣分项。', appeal: '申诉', appealed: '已申诉', none: '暂无申诉。',
      reason: '申诉理由', decision: '处理意见', uphold: '维持扣分', correct: '更正（核减）',
      explain: { uphold: '该扣分保持不变，处理意见将告知申诉单位。', correct: '核减该扣分项：生成评分表新版本并继续公示，原版本保留。' },
      status: { pending: '待处理', upheld: '已维持', corrected: '已更正' },
    },
  },
};

export const appealsEn = {
  duban: {
    scores: {
      announce: 'Announce',
      status: { announced: 'Announced' },
      confirm: { announce: 'Announce the %{year} score sheet, version %{version}? Each body sees its score and the reasons, and may appeal a deduction within the appeal period.' },
    },
    rubric: {
      title: 'New rubric version', create: 'New rubric', version: 'Version', note: 'Note',
      scoredBodyKinds: 'Kinds of body scored', excludedBodies: 'Bodies not scored', excludedHelp: 'E.g. the performance office itself: it does not score itself.',
      weight: {
        base: 'Base', perOverdueAssignment: 'Per overdue assignment', overdueAssignmentCap: 'Overdue assignments cap', perOverdueDay: 'Per day overdue', overdueDayCap: 'Days overdue cap',
        perReturn: 'Per return', returnCap: 'Returns cap', reportMissing: 'Report missing', reportLate: 'Report late', catalogueMissing: 'Catalogue missing',
        catalogueLate: 'Catalogue late', supportWeight: 'Support weight', escalationWeight: 'Escalation weight', escalationCap: 'Escalations cap',
      },
    },
    appeals: {
      title: 'Publicity and appeals', days: 'Appeal period (working days)', daysHelp: 'Empty: the configured period (5 by default); 0: no appeal period.', closesAt: 'Appeals close: %{at} (%{days} working days)', provisional: 'This end counts weekends only: that year\'s holiday arrangement is not entered yet; it is re-timed once it is.',
      window: { open: 'Open for appeals', closed: 'Appeal period over', published: 'Published' },
      ownLines: 'Your deductions', noLines: 'You have no deductions.', appeal: 'Appeal', appealed: 'Appealed', none: 'No appeals yet.',
      reason: 'Reason for the appeal', decision: 'Decision', uphold: 'Uphold', correct: 'Correct (withdraw)',
      explain: { uphold: 'The deduction stands; the unit sees your reasons.', correct: 'Withdraw the deduction: a new version of the sheet is shown; the old one is kept.' },
      status: { pending: 'Pending', upheld: 'Upheld', corrected: 'Corrected' },
    },
  },
};
