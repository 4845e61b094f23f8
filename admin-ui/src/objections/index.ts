import ObjectionIcon from '@mui/icons-material/GavelOutlined';
import { ObjectionList } from './ObjectionList.tsx';
import { ObjectionShow } from './ObjectionShow.tsx';

export const objections = { list: ObjectionList, show: ObjectionShow, icon: ObjectionIcon, recordRepresentation: 'caseId' };
