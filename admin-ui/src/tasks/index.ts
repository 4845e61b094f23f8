import TaskIcon from '@mui/icons-material/AssignmentOutlined';
import { TaskList } from './TaskList.tsx';
import { TaskShow } from './TaskShow.tsx';

export const tasks = { list: TaskList, show: TaskShow, icon: TaskIcon, recordRepresentation: 'ref' };
