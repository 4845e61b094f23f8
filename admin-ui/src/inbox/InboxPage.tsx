import { useState } from 'react';
import { Alert, Box, Button, Card, Chip, FormControlLabel, List, ListItemButton, ListItemText, Stack, Switch, Typography } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Title, useNotify, useTranslate } from 'react-admin';
import { PendingSlips } from '../supervision/Slips.tsx';
import { useNavigate } from 'react-router-dom';
import { EmptyState } from '../shared/EmptyState.tsx';
import { Pager } from '../shared/Pager.tsx';
import { formatMinute } from '../shared/dates.ts';
import { useInbox, useMarkRead, type NotificationRecord } from './inbox.ts';

const size = 20;

/** The account's notices, newest first: opening one marks it read and goes to what it is about. */
export function InboxPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [page, setPage] = useState(0);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, error } = useInbox(page, size, unreadOnly);
  const markRead = useMarkRead();
  const fail = (e: Error) => notify(e.message, { type: 'error' });

  const open = async (n: NotificationRecord) => {
    if (!n.readAt) await markRead({ ids: [n.id] }).catch(fail);
    if (n.link) navigate(n.link);
  };
  const notices = data?.notifications.edges.map((e) => e.node) ?? [];

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('duban.inbox.title')} />
      <PendingSlips />
      <Stack direction="row" useFlexGap spacing={2} sx={{ mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <FormControlLabel
          control={<Switch checked={unreadOnly} onChange={(e) => { setUnreadOnly(e.target.checked); setPage(0); }} />}
          label={translate('duban.inbox.unreadOnly')}
        />
        <Button startIcon={<DoneAllIcon />} onClick={() => markRead({ all: true }).catch(fail)} data-testid="inbox-mark-all">
          {translate('duban.inbox.markAll')}
        </Button>
      </Stack>
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {data && notices.length === 0 && <EmptyState title={translate(unreadOnly ? 'duban.inbox.noneUnread' : 'duban.inbox.none')} />}
      {notices.length > 0 && (
        <Card>
          <List disablePadding>
            {notices.map((n) => (
              <ListItemButton key={n.id} divider onClick={() => open(n)} data-testid="inbox-item" data-read={n.readAt ? 'yes' : 'no'} data-link={n.link ?? ''} sx={{ alignItems: 'flex-start' }}>
                <ListItemText
                  primary={
                    <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                      <Chip size="small" label={translate(`duban.inbox.kind.${n.kind}`)} color={n.kind === 'overdue' || n.kind === 'returned' ? 'error' : n.kind === 'urge' ? 'warning' : 'default'} />
                      <Typography component="span" sx={{ fontWeight: n.readAt ? 400 : 700, overflowWrap: 'anywhere' }} data-testid="inbox-title">{n.title}</Typography>
                    </Stack>
                  }
                  secondary={
                    <>
                      <Typography component="span" variant="body2" sx={{ display: 'block', whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{n.text}</Typography>
                      <Typography component="span" variant="caption" color="text.secondary">
                        {formatMinute(n.createdAt)}
                        {n.readAt ? '' : ` · ${translate('duban.inbox.unread')}`}
                      </Typography>
                    </>
                  }
                />
              </ListItemButton>
            ))}
          </List>
          <Pager total={data?.notifications.totalCount ?? 0} page={page} size={size} onPage={setPage} />
        </Card>
      )}
    </Box>
  );
}
