import { BodyList } from './BodyList.tsx';

export const bodies = { list: BodyList };
