import { Autocomplete, Checkbox, FormControlLabel, FormGroup, FormLabel, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { FormDialog } from '../shared/FormDialog.tsx';
import { bodyRegistryId } from '../dataProvider/credit.ts';
import { graphql, type ResultOf } from '../graphql.ts';
import { useApiMutation, useApiQuery } from '../shared/api.ts';

const weights = [
  'base', 'perOverdueAssignment', 'overdueAssignmentCap', 'perOverdueDay', 'overdueDayCap', 'perReturn', 'returnCap',
  'reportMissing', 'reportLate', 'catalogueMissing', 'catalogueLate', 'supportWeight', 'escalationWeight', 'escalationCap',
] as const;
type Weight = (typeof weights)[number];
const scorableKinds = ['department', 'district', 'regulator', 'external'] as const;

const RubricDraft = graphql(`
  query RubricDraft {
    rubricVersions {
      rubric {
        version base perOverdueAssignment overdueAssignmentCap perOverdueDay overdueDayCap perReturn returnCap
        reportMissing reportLate catalogueMissing catalogueLate supportWeight escalationWeight escalationCap scoredBodyKinds excludedBodies
      }
    }
    bodies(first: 500) { edges { node { id shortName } } }
  }
`);
const CreateRubricVersion = graphql(`
  mutation CreateRubricVersion($input: RubricInput!) { createRubricVersion(input: $input) { __typename ... on Error { message } } }
`);
type Rubric = Pick<ResultOf<typeof RubricDraft>['rubricVersions'][number]['rubric'], Weight | 'version' | 'scoredBodyKinds' | 'excludedBodies'>;

/**
 * The performance office writes a new rubric version: the weights, and who is
 * scored (the kinds of body, and bodies left out), starting from the latest
 * version. The API checks it (createRubricVersion) and says what is wrong.
 */
export function RubricDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (version: string) => void }) {
  const translate = useTranslate();
  const { data } = useApiQuery(RubricDraft);
  const create = useApiMutation(CreateRubricVersion);
  const latest = data?.rubricVersions[0]?.rubric;
  const [edits, setEdits] = useState<Partial<Rubric> & { note?: string }>({});
  if (!latest) return null;
  const rubric = { ...latest, version: '', ...edits };
  const bodies = data!.bodies.edges.map((e) => ({ bodyId: bodyRegistryId(e.node.id), name: e.node.shortName }));
  const nameOf = (id: string) => bodies.find((b) => b.bodyId === id)?.name ?? id;
  const toggleKind = (kind: string, on: boolean) =>
    setEdits({ ...edits, scoredBodyKinds: on ? [...rubric.scoredBodyKinds, kind] : rubric.scoredBodyKinds.filter((k) => k !== kind) });
  const save = async () => {
    const { note, ...fields } = rubric as Rubric & { note?: string };
    await create.mutateAsync({
      input: {
        ...(Object.fromEntries(weights.map((w) => [w, Number(fields[w])])) as Record<Weight, number>),
        version: fields.version, note: note ?? null, scoredBodyKinds: fields.scoredBodyKinds, excludedBodies: fields.excludedBodies,
      },
    });
    onCreated(fields.version);
  };
  return (
    <FormDialog title={translate('duban.rubric.title')} onClose={onClose} onConfirm={save} ready={rubric.version.trim().length > 0 && weights.every((w) => String(rubric[w]) !== '')} maxWidth="md">
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
        <TextField size="small" required label={translate('duban.rubric.version')} value={rubric.version} onChange={(e) => setEdits({ ...edits, version: e.target.value })}
          slotProps={{ htmlInput: { 'data-testid': 'rubric-version', maxLength: 50 } }} />
        <TextField size="small" label={translate('duban.rubric.note')} value={edits.note ?? ''} onChange={(e) => setEdits({ ...edits, note: e.target.value })} sx={{ flexGrow: 1 }} />
      </Stack>
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
        {weights.map((w) => (
          <TextField key={w} size="small" type="number" label={translate(`duban.rubric.weight.${w}`)} value={String(rubric[w])} sx={{ width: 170 }}
            onChange={(e) => setEdits({ ...edits, [w]: (e.target.value === '' ? '' : Number(e.target.value)) as number })} slotProps={{ htmlInput: { min: 0, step: 'any', 'data-weight': w } }} />
        ))}
      </Stack>
      <FormGroup data-testid="scored-kinds">
        <FormLabel>{translate('duban.rubric.scoredBodyKinds')}</FormLabel>
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
          {scorableKinds.map((kind) => (
            <FormControlLabel key={kind} label={translate(`duban.kind.${kind}`)}
              control={<Checkbox checked={rubric.scoredBodyKinds.includes(kind)} onChange={(e) => toggleKind(kind, e.target.checked)} slotProps={{ input: { 'data-kind': kind } as object }} />} />
          ))}
        </Stack>
      </FormGroup>
      <Autocomplete
        multiple options={bodies.map((b) => b.bodyId)} value={rubric.excludedBodies} getOptionLabel={nameOf}
        onChange={(_e, value) => setEdits({ ...edits, excludedBodies: value })}
        renderInput={(params) => <TextField {...params} size="small" label={translate('duban.rubric.excludedBodies')} helperText={translate('duban.rubric.excludedHelp')} data-testid="excluded-bodies" />}
      />
    </FormDialog>
  );
}
