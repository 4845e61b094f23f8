import { SelectInput, useTranslate } from 'react-admin';
import { assignmentStatuses } from '../../../domain/supervision/types.ts';

/** Ledger-only filter inputs, their choices in the current language. */
function TranslatedSelect({ source, choices, prefix, ...props }: { source: string; choices: Array<string | number>; prefix: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  return (
    <SelectInput
      source={source}
      choices={choices.map((id) => ({ id, name: translate(`${prefix}.${id}`, { smart_count: id }) }))}
      {...props}
    />
  );
}

export const StatusInput = (props: { source?: string; alwaysOn?: boolean }) => (
  <TranslatedSelect
    source="status"
    prefix="duban.status"
    choices={[...assignmentStatuses]}
    {...props}
  />
);

export const RoleInput = (props: { source?: string; alwaysOn?: boolean }) => <TranslatedSelect source="role" prefix="duban.role" choices={['lead', 'support']} {...props} />;

export const DueWithinInput = (props: { source?: string; alwaysOn?: boolean }) => (
  <TranslatedSelect source="dueWithinDays" prefix="duban.ledger.within" choices={[7, 30, 90]} {...props} />
);

/** The API sorts the ledger one way per key, so the order is a choice, not a column toggle. */
export const OrderInput = (props: { source?: string; alwaysOn?: boolean }) => (
  <TranslatedSelect source="orderBy" prefix="duban.ledger.order" choices={['urgency', 'body', 'task']} {...props} />
);
