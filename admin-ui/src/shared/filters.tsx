import { AutocompleteInput, ReferenceInput, SelectInput, useGetList, useListContext, useTranslate } from 'react-admin';
import type { PlanRecord } from '../dataProvider/records.ts';
import { countedLights } from '../lights/lights.ts';
import { chineseNumeral } from '../../../domain/dates/numerals.ts';

/** Filter inputs that the task list and the ledger share. */
export function LightInput(props: { source?: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  const choices = countedLights.map((light) => ({ id: light, name: translate(`duban.light.${light}`) }));
  return <SelectInput source="light" choices={choices} {...props} />;
}

export function BodyInput(props: { source?: string; alwaysOn?: boolean }) {
  return (
    <ReferenceInput source="bodyId" reference="bodies" {...props}>
      <AutocompleteInput optionText="shortName" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 200 }} />
    </ReferenceInput>
  );
}

export function PlanInput(props: { source?: string; alwaysOn?: boolean }) {
  return (
    <ReferenceInput source="planId" reference="plans" {...props}>
      <SelectInput optionText="title" sx={{ maxWidth: 320 }} />
    </ReferenceInput>
  );
}

/** The sections of the chosen plan (or of the latest one), numbered as the notice numbers them. */
export function SectionInput(props: { source?: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const { data: plans = [] } = useGetList<PlanRecord>('plans', { pagination: { page: 1, perPage: 100 } });
  const plan = plans.find((p) => p.id === filterValues.planId) ?? plans[0];
  const choices = (plan?.sections ?? []).map((s) => ({
    id: s.ordinal,
    name: translate('duban.sectionTitle', { ordinal: s.ordinal, numeral: chineseNumeral(s.ordinal), title: s.title }),
  }));
  return <SelectInput source="sectionOrdinal" choices={choices} sx={{ minWidth: 180, maxWidth: 320 }} {...props} />;
}
