/** The parser's warnings (PlanWarning.code), worded by the console in its own language; %{ref}, %{body} and %{detail} come from the warning. */
export const warningsZh = {
  duban: {
    import: {
      warning: {
        noTitle: '未找到标题，请填写。',
        noDate: '未找到成文日期：没有年份的期限无法确定。',
        noRoles: '通知中未找到责任分工：最末一级的编号条目已作为任务列出，请补充单位。',
        rolesUnread: '任务 %{ref}：未能识别责任单位，请补充。',
        noLead: '任务 %{ref} 没有牵头单位。',
        duplicateRef: '任务编号 %{ref} 重复。',
        unknownBody: '未登记单位：%{body}（见任务 %{ref}），请确认。',
        placeholderBody: '待指定：%{body}（见任务 %{ref}），请指定具体单位。',
        unresolvedDeadline: '无法确定期限“%{detail}”。',
        requirementWithoutBody: '要求未指明单位：%{detail}',
      },
    },
  },
};

export const warningsEn = {
  duban: {
    import: {
      warning: {
        noTitle: 'No title found: please fill it in.',
        noDate: 'No date of the notice found: deadlines without a year cannot be resolved.',
        noRoles: 'No responsibilities found in the notice: the numbered items of the last level are listed as tasks; add their bodies.',
        rolesUnread: 'Task %{ref}: no responsible body could be read; please add them.',
        noLead: 'Task %{ref} has no lead body.',
        duplicateRef: 'Task number %{ref} appears twice.',
        unknownBody: 'Not in the registry: %{body} (task %{ref}); please confirm.',
        placeholderBody: 'To be designated: %{body} (task %{ref}); choose the bodies it stands for.',
        unresolvedDeadline: 'Deadline “%{detail}” could not be resolved.',
        requirementWithoutBody: 'Requirement names no body: %{detail}',
      },
    },
  },
};
