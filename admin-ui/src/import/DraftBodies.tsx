import { useState } from 'react';
import { Autocomplete, Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DraftBody, DraftBodyResolution } from '../dataProvider/imports.ts';
import type { BodyKind, BodyRecord } from '../dataProvider/records.ts';
import type { AccountPassword } from '../dataProvider/accounts.ts';
import { OneTimePassword } from '../accounts/OneTimePassword.tsx';
import { BodyForm } from '../bodies/BodyForm.tsx';
import { Panel } from '../shared/Panel.tsx';
import { matchColours } from './BodyNamesInput.tsx';
import { SettleBody } from './SettleBody.tsx';

/** Replaces one named body everywhere by registered concrete bodies (designating a placeholder group, or fixing a name). */
function ReplaceBody({ concrete, onReplace }: { concrete: BodyRecord[]; onReplace: (names: string[]) => void }) {
  const translate = useTranslate();
  const [chosen, setChosen] = useState<BodyRecord[]>([]);
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', minWidth: 260 }}>
      <Autocomplete
        multiple
        size="small"
        options={concrete}
        value={chosen}
        onChange={(_e, bodies) => setChosen(bodies)}
        getOptionLabel={(b) => b.shortName}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        renderInput={(params) => <TextField {...params} placeholder={translate('duban.import.replaceWith')} />}
        sx={{ flex: 1 }}
      />
      <Button size="small" variant="outlined" disabled={chosen.length === 0} onClick={() => onReplace(chosen.map((b) => b.shortName))}>
        {translate('duban.import.replace')}
      </Button>
    </Box>
  );
}

/** What needs a decision comes first. */
const urgency: Record<DraftBody['match'], number> = { unknown: 0, placeholder: 1, group: 2, known: 3 };

interface Props {
  bodies: DraftBody[];
  registry: BodyRecord[];
  concrete: BodyRecord[];
  onReplace: (name: string, by: string[]) => void;
  resolutions: Record<string, DraftBodyResolution>;
  onSettle: (resolution: DraftBodyResolution) => void;
  /** The registry new bodies join. */
  registryId: string;
  /** A body was registered from this page: the registry is to be read again. */
  onRegistered: () => void;
}

/** Every body the draft names and how it matched the registry; unknown names are settled (registered, mapped, kept to designate), groups and placeholders can be replaced. */
export function DraftBodies({ bodies, registry, concrete, onReplace, resolutions, onSettle, registryId, onRegistered }: Props) {
  const translate = useTranslate();
  const [registering, setRegistering] = useState<{ shortName: string; kind: BodyKind } | null>(null);
  const [issued, setIssued] = useState<AccountPassword | null>(null);
  // The password dialog first: reading the registry again turns the row known and would unmount what the row holds.
  const registered = (account: AccountPassword | null) => {
    setRegistering(null);
    if (account) setIssued(account);
    else onRegistered();
  };
  const needsWork = bodies.filter((b) => b.match === 'placeholder' || (b.match === 'unknown' && !resolutions[b.name])).length;
  return (
    <Panel
      title={translate('duban.import.bodies', { smart_count: bodies.length })}
      action={needsWork > 0 && <Chip color="warning" size="small" label={translate('duban.import.toResolve', { smart_count: needsWork })} />}
      testId="draft-bodies"
    >
      <Box sx={{ overflowX: 'auto', mx: -2 }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.bodies.fields.shortName')}</TableCell>
              <TableCell>{translate('duban.import.match')}</TableCell>
              <TableCell>{translate('duban.import.settle')}</TableCell>
              <TableCell>{translate('duban.import.replaceBy')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {[...bodies].sort((a, b) => urgency[a.match] - urgency[b.match]).map((body) => (
              <TableRow key={body.name} data-testid="draft-body" data-match={body.match} data-name={body.name}>
                <TableCell sx={{ minWidth: '7em' }}>
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {body.name}
                  </Typography>
                  {body.fullName && body.fullName !== body.name && (
                    <Typography variant="caption" color="text.secondary">
                      {body.fullName}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <Chip size="small" color={matchColours[body.match]} variant="outlined" label={translate(`duban.match.${body.match}`)} />
                </TableCell>
                <TableCell>
                  {body.match === 'unknown' && (
                    <SettleBody
                      body={body}
                      registry={registry}
                      value={resolutions[body.name]}
                      onChange={onSettle}
                      onRegisterNow={(kind) => setRegistering({ shortName: body.name, kind })}
                    />
                  )}
                </TableCell>
                <TableCell>
                  {body.match !== 'known' && <ReplaceBody concrete={concrete} onReplace={(by) => onReplace(body.name, by)} />}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {registering && <BodyForm initial={registering} registryId={registryId} onClose={() => setRegistering(null)} onSaved={registered} />}
      {issued && <OneTimePassword issued={issued} onClose={() => { setIssued(null); onRegistered(); }} />}
    </Panel>
  );
}
