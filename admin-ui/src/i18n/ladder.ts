/** The words of the 督办单 panels and the escalation ladder editor. */
export const ladderZh = {
  duban: {
    slips: {
      title: '督办单',
      pending: '待签收的督办单',
      level: { yellow: '黄色督办单', red: '红色督办单' },
      issued: '%{day} 签发',
      respondBy: '%{day} 前报告说明',
      acknowledged: '已于 %{day} 签收',
      unacknowledged: '未签收',
      download: '下载督办单',
      acknowledge: '签收',
    },
    ladder: {
      title: '督办升级规则',
      trigger: '触发条件',
      count: '次数/天数',
      action: '措施',
      points: '分值',
      kind: { workingDaysOverdue: '逾期工作日数', urgesWithoutResponse: '催办未回应次数' },
      actions: { urge: '催办通知', yellowSlip: '黄色督办单', redSlip: '红色督办单并通报点名', interview: '约谈' },
      add: '添加一级',
      remove: '删除该级',
      save: '保存',
      saved: '督办升级规则已保存',
      empty: '没有升级规则：逾期不会自动升级',
    },
  },
};

export const ladderEn = {
  duban: {
    slips: {
      title: 'Supervision slips',
      pending: 'Supervision slips awaiting acknowledgement',
      level: { yellow: 'Yellow slip', red: 'Red slip' },
      issued: 'issued %{day}',
      respondBy: 'report by %{day}',
      acknowledged: 'acknowledged %{day}',
      unacknowledged: 'not acknowledged',
      download: 'Download slip',
      acknowledge: 'Acknowledge',
    },
    ladder: {
      title: 'Escalation ladder',
      trigger: 'Trigger',
      count: 'Count',
      action: 'Action',
      points: 'Points',
      kind: { workingDaysOverdue: 'Working days overdue', urgesWithoutResponse: 'Urges without response' },
      actions: { urge: 'Urge notice', yellowSlip: 'Yellow slip', redSlip: 'Red slip, named in the bulletin', interview: 'Interview' },
      add: 'Add a rung',
      remove: 'Remove this rung',
      save: 'Save',
      saved: 'Escalation ladder saved',
      empty: 'No rungs: overdue work is not escalated',
    },
  },
};
