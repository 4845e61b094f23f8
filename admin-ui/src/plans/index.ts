import PlanIcon from '@mui/icons-material/DescriptionOutlined';
import { PlanList } from './PlanList.tsx';
import { PlanShow } from './PlanShow.tsx';

export const plans = { list: PlanList, show: PlanShow, icon: PlanIcon, recordRepresentation: 'title' };
