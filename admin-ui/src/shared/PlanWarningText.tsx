import { useTranslate } from 'react-admin';
import type { PlanWarning } from '../dataProvider/imports.ts';

/** A parser warning worded by the console from its code, in the viewer's language (its stored message only as a fallback). */
export function PlanWarningText({ warning: w }: { warning: PlanWarning }) {
  const translate = useTranslate();
  return <>{translate(`duban.import.warning.${w.code}`, { ref: w.ref ?? '', body: w.body ?? '', detail: w.detail ?? '', _: w.message })}</>;
}
