import InspectionIcon from '@mui/icons-material/FactCheckOutlined';
import { InspectionList } from './InspectionList.tsx';
import { InspectionShow } from './InspectionShow.tsx';

export const inspections = { list: InspectionList, show: InspectionShow, icon: InspectionIcon, recordRepresentation: 'title' };
