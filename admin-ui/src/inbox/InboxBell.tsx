import { Badge, IconButton, Tooltip } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { useUnreadCount } from './inbox.ts';

/** The app bar's bell: the unread count, opening the inbox. */
export function InboxBell() {
  const translate = useTranslate();
  const unread = useUnreadCount();
  const label = translate('duban.inbox.bell', { count: unread });
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" component={Link} to="/inbox" aria-label={label} data-testid="inbox-bell">
        <Badge badgeContent={unread} color="error" max={99} data-testid="inbox-unread">
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
