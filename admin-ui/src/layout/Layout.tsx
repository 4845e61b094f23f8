import { useEffect, type ReactNode } from 'react';
import { Chip, ListItemIcon, ListItemText, MenuItem, Typography, useMediaQuery, type Theme } from '@mui/material';
import PasswordIcon from '@mui/icons-material/PasswordOutlined';
import { Link } from 'react-router-dom';
import { AppBar, Logout, Layout as RaLayout, TitlePortal, UserMenu, useSidebarState, useTranslate, useUserMenu } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { ForcedPasswordChange } from '../auth/ChangePassword.tsx';
import { InboxBell } from '../inbox/InboxBell.tsx';
import { Menu } from './Menu.tsx';

/** The workspace the signed-in account works in (the user menu beside it names the person). */
function RoleBadge() {
  const translate = useTranslate();
  const account = useAccount();
  if (!account) return null;
  const label = [translate(`duban.accountRole.${account.role}`), account.body?.shortName].filter(Boolean).join(' · ');
  return <Chip size="small" label={label} sx={{ display: { xs: 'none', md: 'flex' }, color: 'inherit', borderColor: 'rgba(255,255,255,0.5)' }} variant="outlined" />;
}

/** Anyone changes their own password from the user menu, beside signing out. */
function ChangePasswordItem() {
  const translate = useTranslate();
  const menu = useUserMenu();
  return (
    <MenuItem component={Link} to="/password" onClick={() => menu?.onClose()} data-testid="menu-change-password">
      <ListItemIcon><PasswordIcon fontSize="small" /></ListItemIcon>
      <ListItemText>{translate('duban.password.title')}</ListItemText>
    </MenuItem>
  );
}

function DubanAppBar() {
  const translate = useTranslate();
  return (
    <AppBar
      color="primary"
      userMenu={
        <UserMenu>
          <ChangePasswordItem />
          <Logout />
        </UserMenu>
      }
    >
      <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 2, whiteSpace: 'nowrap' }}>
        {translate('duban.app.title')}
      </Typography>
      <TitlePortal variant="body1" sx={{ opacity: 0.9, minWidth: 0 }} />
      <RoleBadge />
      <InboxBell />
    </AppBar>
  );
}

/** On a tablet the menu starts folded to its icons, leaving the width to the work; the ☰ button unfolds it. */
function useFoldedMenuOnTablets() {
  const tablet = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'), { noSsr: true });
  const [, setOpen] = useSidebarState();
  useEffect(() => {
    if (tablet) setOpen(false);
  }, [tablet, setOpen]);
}

export function Layout({ children }: { children: ReactNode }) {
  useFoldedMenuOnTablets();
  // A one-time password opens nothing but its own replacement (the API refuses everything else anyway).
  if (useAccount()?.mustChangePassword) return <ForcedPasswordChange />;
  return (
    <RaLayout appBar={DubanAppBar} menu={Menu}>
      {children}
    </RaLayout>
  );
}
