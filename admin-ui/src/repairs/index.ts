import RepairIcon from '@mui/icons-material/HealingOutlined';
import { RepairList } from './RepairList.tsx';
import { RepairShow } from './RepairShow.tsx';

export const repairs = { list: RepairList, show: RepairShow, icon: RepairIcon };
