import CalendarIcon from '@mui/icons-material/EventOutlined';
import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { FormDialog } from '../shared/FormDialog.tsx';
import { graphql } from '../graphql.ts';
import { useApiMutation, useApiQuery } from '../shared/api.ts';

const CalendarFeedQuery = graphql(`query CalendarFeed($id: ID!) { node(id: $id) { ... on Body { calendarUrl } } }`);
const RegenerateCalendarUrl = graphql(`
  mutation RegenerateCalendarUrl($id: ID!) { regenerateCalendarUrl(bodyId: $id) { __typename ... on Error { message } } }
`);

/**
 * The body's deadline feed: the link to paste into a calendar app, a copy
 * button, and a new link on request (every earlier link then stops working).
 */
export function CalendarFeed({ bodyId }: { bodyId: string }) {
  const translate = useTranslate();
  const { data, error: loadError } = useApiQuery(CalendarFeedQuery, { variables: { id: bodyId } });
  const error = loadError?.message;
  const regenerateUrl = useApiMutation(RegenerateCalendarUrl);
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const url = data?.node && 'calendarUrl' in data.node ? data.node.calendarUrl : null;
  if (!url) return error ? <Alert severity="error">{error}</Alert> : null;
  const copy = () => navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false));
  const regenerate = async () => {
    await regenerateUrl.mutateAsync({ id: bodyId });
    setConfirming(false);
    setCopied(false);
  };
  return (
    <Card variant="outlined" sx={{ m: { xs: 1, sm: 2 } }} data-testid="calendar-feed">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <CalendarIcon color="action" />
          <Typography variant="subtitle2">{translate('duban.calendarFeed.title')}</Typography>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('duban.calendarFeed.help')}</Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
          <TextField size="small" value={url} fullWidth slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'calendar-url' } }} onFocus={(e) => e.target.select()} />
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" onClick={copy} data-action="copy-calendar-url" sx={{ whiteSpace: 'nowrap' }}>
              {translate(copied ? 'duban.calendarFeed.copied' : 'duban.calendarFeed.copy')}
            </Button>
            <Button onClick={() => setConfirming(true)} data-action="regenerate-calendar-url" sx={{ whiteSpace: 'nowrap' }}>
              {translate('duban.calendarFeed.regenerate')}
            </Button>
          </Stack>
        </Stack>
      </CardContent>
      {confirming && (
        <FormDialog title={translate('duban.calendarFeed.regenerate')} onClose={() => setConfirming(false)} onConfirm={regenerate}>
          <Typography>{translate('duban.calendarFeed.regenerateWarning')}</Typography>
        </FormDialog>
      )}
    </Card>
  );
}
