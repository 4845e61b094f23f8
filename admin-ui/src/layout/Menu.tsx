import ReportingIcon from '@mui/icons-material/EventRepeatOutlined';
import ImportIcon from '@mui/icons-material/UploadFileOutlined';
import ScoreIcon from '@mui/icons-material/EmojiEventsOutlined';
import FilingIcon from '@mui/icons-material/FactCheckOutlined';
import EvaluationIcon from '@mui/icons-material/AssessmentOutlined';
import StaffIcon from '@mui/icons-material/BadgeOutlined';
import CreditImportIcon from '@mui/icons-material/DriveFolderUploadOutlined';
import CalendarIcon from '@mui/icons-material/CalendarMonthOutlined';
import AccountsIcon from '@mui/icons-material/ManageAccountsOutlined';
import AuditIcon from '@mui/icons-material/ReceiptLongOutlined';
import DecisionsIcon from '@mui/icons-material/GavelOutlined';
import BulletinIcon from '@mui/icons-material/CampaignOutlined';
import SignOffIcon from '@mui/icons-material/HowToRegOutlined';
import { Menu as RaMenu, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';

/** The workspace of each role: the offices oversee, a department works its own assignments. */
export function Menu() {
  const translate = useTranslate();
  const role = useAccount()?.role;
  if (role === 'department') {
    return (
      <RaMenu>
        <RaMenu.ResourceItem name="my-assignments" />
        <RaMenu.Item to="/sign-off" primaryText={translate('duban.signOff.title')} leftIcon={<SignOffIcon />} />
        <RaMenu.ResourceItem name="tasks" />
        <RaMenu.Item to="/filing" primaryText={translate('duban.filing.title')} leftIcon={<FilingIcon />} />
        <RaMenu.Item to="/evaluation" primaryText={translate('duban.evaluation.title')} leftIcon={<EvaluationIcon />} />
        <RaMenu.Item to="/scores" primaryText={translate('duban.scores.title')} leftIcon={<ScoreIcon />} />
        <RaMenu.Item to="/bulletins" primaryText={translate('duban.bulletins.title')} leftIcon={<BulletinIcon />} />
        <RaMenu.Item to="/reporting" primaryText={translate('duban.reporting.title')} leftIcon={<ReportingIcon />} />
        <RaMenu.ResourceItem name="entities" />
        <RaMenu.ResourceItem name="objections" />
        <RaMenu.ResourceItem name="repairs" />
        <RaMenu.ResourceItem name="inspections" />
        <RaMenu.Item to="/staff" primaryText={translate('duban.staff.title')} leftIcon={<StaffIcon />} />
      </RaMenu>
    );
  }
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText={translate('duban.dashboard.title')} />
      {role === 'supervisor' && <RaMenu.Item to="/decisions" primaryText={translate('duban.decisions.title')} leftIcon={<DecisionsIcon />} />}
      <RaMenu.ResourceItem name="tasks" />
      <RaMenu.ResourceItem name="assignments" />
      <RaMenu.ResourceItem name="plans" />
      {role === 'supervisor' && <RaMenu.Item to="/import" primaryText={translate('duban.import.title')} leftIcon={<ImportIcon />} />}
      {role !== 'admin' && <RaMenu.Item to="/filing" primaryText={translate('duban.filing.title')} leftIcon={<FilingIcon />} />}
      {role !== 'admin' && <RaMenu.Item to="/evaluation" primaryText={translate('duban.evaluation.title')} leftIcon={<EvaluationIcon />} />}
      <RaMenu.Item to="/scores" primaryText={translate('duban.scores.title')} leftIcon={<ScoreIcon />} />
      {role === 'supervisor' && <RaMenu.Item to="/bulletins" primaryText={translate('duban.bulletins.title')} leftIcon={<BulletinIcon />} />}
      {role === 'supervisor' && <RaMenu.Item to="/reporting" primaryText={translate('duban.reporting.title')} leftIcon={<ReportingIcon />} />}
      <RaMenu.ResourceItem name="bodies" />
      <RaMenu.ResourceItem name="entities" />
      {role !== 'admin' && <RaMenu.ResourceItem name="objections" />}
      {role !== 'admin' && <RaMenu.ResourceItem name="repairs" />}
      <RaMenu.ResourceItem name="inspections" />
      {role === 'supervisor' && <RaMenu.Item to="/staff" primaryText={translate('duban.staff.title')} leftIcon={<StaffIcon />} />}
      {role === 'supervisor' && <RaMenu.Item to="/credit-import" primaryText={translate('duban.creditImport.title')} leftIcon={<CreditImportIcon />} />}
      <RaMenu.Item to="/holiday-calendar" primaryText={translate('duban.calendar.title')} leftIcon={<CalendarIcon />} />
      {(role === 'admin' || role === 'supervisor') && <RaMenu.Item to="/accounts" primaryText={translate('duban.accounts.title')} leftIcon={<AccountsIcon />} />}
      {role === 'admin' && <RaMenu.Item to="/audit" primaryText={translate('duban.audit.title')} leftIcon={<AuditIcon />} />}
    </RaMenu>
  );
}
