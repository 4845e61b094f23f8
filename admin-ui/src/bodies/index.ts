import BodyIcon from '@mui/icons-material/AccountBalanceOutlined';
import { BodyList } from './BodyList.tsx';

export const bodies = { list: BodyList, icon: BodyIcon, recordRepresentation: 'shortName' };
