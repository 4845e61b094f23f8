import EntityIcon from '@mui/icons-material/StorefrontOutlined';
import { EntityList } from './EntityList.tsx';
import { EntityShow } from './EntityShow.tsx';

export const entities = { list: EntityList, show: EntityShow, icon: EntityIcon, recordRepresentation: 'name' };
