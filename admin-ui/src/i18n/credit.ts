/** Messages of the credit pages (entities, objections), merged over Duban's own. */
export const creditEn = {
  resources: {
    entities: {
      name: 'Market entity |||| Market entities',
      fields: { code: 'Credit code', name: 'Name', district: 'District', industry: 'Industry', creditClass: 'Class', q: 'Name or code' },
    },
    repairs: {
      name: 'Credit repair |||| Credit repairs',
      fields: { entity: 'Entity', record: 'Record', status: 'Status', filedAt: 'Filed', reviewBy: 'Review by' },
    },
    inspections: {
      name: 'Inspection round |||| Inspection rounds',
      fields: { roundId: 'Round', title: 'Title', date: 'Date', status: 'Status', populationSize: 'Population' },
    },
    objections: {
      name: 'Objection |||| Objections',
      fields: { caseId: 'Case', status: 'Status', entity: 'Entity', filedByName: 'Filed by', filedAt: 'Filed', acceptBy: 'Accept by', verifyBy: 'Verify by', reasons: 'Reasons' },
    },
  },
  duban: {
    credit: {
      class: { good: 'Good', warning: 'Warning', dishonest: 'Dishonest', seriouslyDishonest: 'Seriously dishonest' },
      records: 'Records',
      history: 'Class history',
      underObjection: 'Under objection',
      timeline: 'Timeline',
      overdue: 'Overdue: %{limits}',
      text: 'Reasons or reply',
      amount: 'Corrected fine (¥), empty to annul',
      confirmed: 'The record is right as it stands',
      confirm: 'Confirm',
      cancel: 'Cancel',
      status: {
        filed: 'Awaiting acceptance', verifying: 'Under verification', awaitingProvider: 'Awaiting the providing body',
        refused: 'Refused', upheld: 'Upheld', corrected: 'Corrected',
      },
      approve: 'Approve',
      fileObjection: 'Object to this record',
      reviewBy: 'Review by',
      repairStatus: { underReview: 'Under review', approved: 'Approved', refused: 'Refused' },
      publish: 'Publish %{count} result(s)',
      drawData: 'Drawn on %{date} from %{size} entities rated good; anyone can re-run the draw from the seed and the population.',
      sample: 'Sample and inspectors',
      inspectors: 'Inspectors',
      result: 'Result',
      published: 'Published',
      publishBy: 'Publish by',
      action: { accept: 'Accept', refuse: 'Refuse', askProvider: 'Ask the providing body', providerReply: 'Reply', uphold: 'Uphold', correct: 'Correct' },
    },
  },
};

export const creditZh = {
  resources: {
    entities: {
      name: '市场主体',
      fields: { code: '统一社会信用代码', name: '名称', district: '区县', industry: '行业', creditClass: '信用等级', q: '名称或代码' },
    },
    repairs: {
      name: '信用修复',
      fields: { entity: '市场主体', record: '信用记录', status: '状态', filedAt: '申请时间', reviewBy: '审核期限' },
    },
    inspections: {
      name: '双随机抽查',
      fields: { roundId: '批次', title: '名称', date: '日期', status: '状态', populationSize: '抽取范围（户）' },
    },
    objections: {
      name: '异议',
      fields: { caseId: '案件', status: '状态', entity: '市场主体', filedByName: '提出单位', filedAt: '提出时间', acceptBy: '受理期限', verifyBy: '核查期限', reasons: '异议理由' },
    },
  },
  duban: {
    credit: {
      class: { good: '良好', warning: '警示', dishonest: '失信', seriouslyDishonest: '严重失信' },
      records: '信用记录',
      history: '等级变化',
      underObjection: '异议处理中',
      timeline: '时间线',
      overdue: '已逾期：%{limits}',
      text: '理由或答复',
      amount: '更正后的罚款金额（元），不填则撤销记录',
      confirmed: '记录属实',
      confirm: '确定',
      cancel: '取消',
      status: { filed: '待受理', verifying: '核查中', awaitingProvider: '待提供单位核实', refused: '不予受理', upheld: '维持', corrected: '已更正' },
      approve: '准予修复',
      fileObjection: '提出异议',
      reviewBy: '审核期限',
      repairStatus: { underReview: '审核中', approved: '已修复', refused: '不予修复' },
      publish: '公示 %{count} 项结果',
      drawData: '%{date} 从 %{size} 户良好主体中抽取；任何人可凭种子和主体名单复现抽取结果。',
      sample: '抽中主体及执法人员',
      inspectors: '执法人员',
      result: '检查结果',
      published: '已公示',
      publishBy: '公示期限',
      action: { accept: '受理', refuse: '不予受理', askProvider: '请提供单位核实', providerReply: '核实答复', uphold: '维持', correct: '更正' },
    },
  },
};
