import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { chineseNumeral } from '../../../domain/dates/numerals.ts';
import type { TaskRecord } from '../dataProvider/records.ts';

/** Where a task stands in its notice: the plan's title and the section. */
export function TaskPlace({ task, sx }: { task: Pick<TaskRecord, 'plan' | 'section'>; sx?: object }) {
  const translate = useTranslate();
  return (
    <Typography variant="caption" color="text.secondary" component="div" data-testid="task-plan" sx={{ overflowWrap: 'anywhere', ...sx }}>
      {task.plan.title} · {translate('duban.sectionTitle', { ordinal: task.section.ordinal, numeral: chineseNumeral(task.section.ordinal), title: task.section.title })}
    </Typography>
  );
}
