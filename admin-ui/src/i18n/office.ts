/** The words of the inbox, the decision queue and attachments. */
export const officeZh = {
  duban: {
    inbox: {
      title: '通知',
      bell: '通知（%{count} 条未读）',
      unreadOnly: '只看未读',
      markAll: '全部标为已读',
      unread: '未读',
      none: '还没有通知',
      noneUnread: '没有未读通知',
      kind: { reminder: '到期提醒', overdue: '逾期', urge: '催办', returned: '退回', decision: '决定', assigned: '交办', receipt: '请签收', scores: '评分公示', bulletin: '督查通报', slip: '督办单', interview: '约谈' },
    },
    decisions: {
      title: '待我决定',
      none: '没有待决定的事项',
      since: '提交于 %{at}',
      asked: '申请于 %{at}',
      urged: '已催办 %{count} 次，最近 %{at}',
      submissionText: '报送说明',
      extensionAsked: '申请延期至 %{until}（现期限 %{due}），理由：',
      noFiles: '无附件',
      reportTitle: '%{year} 年度专题报告',
      objectionReasons: '异议理由',
      repairStatement: '修复申请说明',
      openCase: '打开办理',
      kind: { submission: '报送待验收', extension: '延期待审批', catalogue: '目录待审核', report: '专题报告待审核', objection: '异议待处理', repair: '信用修复待审核' },
      unit: { accept: '审核通过', return: '退回' },
    },
    attachments: { add: '添加附件', remove: '移除附件', uploaded: '已上传', uploading: '正在上传 %{name}' },
  },
};

export const officeEn = {
  duban: {
    inbox: {
      title: 'Notices',
      bell: 'Notices (%{count} unread)',
      unreadOnly: 'Unread only',
      markAll: 'Mark all read',
      unread: 'Unread',
      none: 'No notices yet',
      noneUnread: 'No unread notices',
      kind: { reminder: 'Reminder', overdue: 'Overdue', urge: 'Urged', returned: 'Returned', decision: 'Decision', assigned: 'Assigned', receipt: 'Please acknowledge', scores: 'Scores announced', bulletin: 'Bulletin', slip: 'Supervision slip', interview: 'Interview' },
    },
    decisions: {
      title: 'Awaiting my decision',
      none: 'Nothing awaits a decision',
      since: 'Submitted %{at}',
      asked: 'Asked %{at}',
      urged: 'Urged %{count} time(s), last %{at}',
      submissionText: 'What the body submitted',
      extensionAsked: 'Asks to extend to %{until} (now due %{due}), because:',
      noFiles: 'No files',
      reportTitle: 'Special report %{year}',
      objectionReasons: 'Grounds of the objection',
      repairStatement: 'Statement of the repair application',
      openCase: 'Open the case',
      kind: { submission: 'Submission to accept', extension: 'Extension to decide', catalogue: 'Catalogue to review', report: 'Special report to review', objection: 'Objection to handle', repair: 'Credit repair to review' },
      unit: { accept: 'Accept', return: 'Return' },
    },
    attachments: { add: 'Attach files', remove: 'Remove the file', uploaded: 'Uploaded', uploading: 'Uploading %{name}' },
  },
};
