import { useEffect, type ReactNode } from 'react';
import { Chip, Typography, useMediaQuery, type Theme } from '@mui/material';
import { AppBar, Layout as RaLayout, TitlePortal, useSidebarState, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { Menu } from './Menu.tsx';

/** The workspace the signed-in account works in (the user menu beside it names the person). */
function RoleBadge() {
  const translate = useTranslate();
  const account = useAccount();
  if (!account) return null;
  const label = [translate(`duban.accountRole.${account.role}`), account.body?.shortName].filter(Boolean).join(' · ');
  return <Chip size="small" label={label} sx={{ display: { xs: 'none', md: 'flex' }, color: 'inherit', borderColor: 'rgba(255,255,255,0.5)' }} variant="outlined" />;
}

function DubanAppBar() {
  const translate = useTranslate();
  return (
    <AppBar color="primary">
      <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 2, whiteSpace: 'nowrap' }}>
        {translate('duban.app.title')}
      </Typography>
      <TitlePortal variant="body1" sx={{ opacity: 0.9, minWidth: 0 }} />
      <RoleBadge />
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
  return (
    <RaLayout appBar={DubanAppBar} menu={Menu}>
      {children}
    </RaLayout>
  );
}
