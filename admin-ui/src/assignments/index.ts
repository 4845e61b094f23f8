import LedgerIcon from '@mui/icons-material/ListAltOutlined';
import MyIcon from '@mui/icons-material/AssignmentIndOutlined';
import { AssignmentList } from './AssignmentList.tsx';
import { MyAssignmentList } from './MyAssignmentList.tsx';

export const assignments = { list: AssignmentList, icon: LedgerIcon };
export const myAssignments = { list: MyAssignmentList, icon: MyIcon };
