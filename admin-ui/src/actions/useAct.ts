import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { DubanDataProvider } from '../dataProvider/index.ts';
import type { TaskAction } from '../dataProvider/actions.ts';

/** Sends one task action; on success says so and refreshes every view, on refusal keeps the API's reason for the dialog. */
export function useAct(onDone: () => void) {
  const dataProvider = useDataProvider<DubanDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  return useMutation({
    mutationFn: (input: TaskAction) => dataProvider.act(input),
    onSuccess: (_result, input) => {
      notify('duban.action.done', {
        type: 'success',
        messageArgs: { action: translate(`duban.action.${input.type}`), body: input.bodyName },
      });
      refresh();
      onDone();
    },
  });
}
